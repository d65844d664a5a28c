using Npgsql;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Tests.Shared;

public sealed class PostgresDefaultsTests
{
    [Fact]
    public void A_connection_string_without_the_settings_gets_no_reset_and_automatic_preparation()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPostgresDefaults("Host=db;Database=onestop;Username=onestop"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.Equal(Math.Max(8, 4 * Environment.ProcessorCount), tuned.MaxPoolSize);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("onestop", tuned.Database);
    }

    [Theory]
    [InlineData("No Reset On Close", "Max Auto Prepare", "Maximum Pool Size")]
    [InlineData("NoResetOnClose", "MaxAutoPrepare", "MaxPoolSize")]
    [InlineData("no reset on close", "maxautoprepare", "maximum pool size")]
    public void Settings_named_in_the_connection_string_are_kept(string noResetName, string autoPrepareName, string poolSizeName)
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPostgresDefaults($"Host=db;{noResetName}=false;{autoPrepareName}=0;{poolSizeName}=100"));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.Equal(100, tuned.MaxPoolSize);
    }
}
