using Npgsql;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Shared.Persistence;
using Serilog.Events;

namespace OneStop.IntegrationTests.Shared;

public sealed class FirstStartTests(LoggedAppFactory app) : IClassFixture<LoggedAppFactory>
{
    [Fact]
    public async Task Starting_on_a_new_database_migrates_seeds_and_logs_no_error()
    {
        if (app.Provider == DatabaseProvider.Postgres)
        {
            // As in production, where the province's DBA creates the (empty) database and OneStop fills it.
            var target = new NpgsqlConnectionStringBuilder(app.ConnectionString);
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/health/ready")).IsSuccessStatusCode);

        // An operator reads an error at first start as a failed installation: there must be none.
        Assert.Empty(app.Errors());
        Assert.Contains(app.Events, e => e.Level == LogEventLevel.Information);
    }
}

/// <summary>A province that lets OneStop create its database (the role may CREATE DATABASE).</summary>
public sealed class FirstStartOnAMissingDatabaseTests(LoggedAppFactory app) : IClassFixture<LoggedAppFactory>
{
    [PostgresFact("SQLite creates its file at first start in FirstStartTests already.")]
    public async Task Starting_without_a_database_creates_it_and_logs_no_error()
    {
        var target = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database;
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", admin) { Parameters = { new() { Value = target } } };
            Assert.Equal(0L, await exists.ExecuteScalarAsync());
        }

        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/health/ready")).IsSuccessStatusCode);

        Assert.Empty(app.Errors());
    }
}
