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
        Assert.Equal("db", tuned.Host);
        Assert.Equal("onestop", tuned.Database);
    }

    [Fact]
    public void Settings_named_in_the_connection_string_are_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPostgresDefaults("Host=db;No Reset On Close=false;Max Auto Prepare=0"));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
    }
}
