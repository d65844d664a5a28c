using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Shared;

/// <summary>Tests that start hosts of their own leave no database behind on the run's server.</summary>
public sealed class TestHostCleanupTests
{
    [Fact]
    public async Task A_host_started_inside_a_test_drops_its_database_when_disposed()
    {
        string connection;
        await using (var host = new OneStopAppFactory())
        {
            connection = host.ConnectionString;
            Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/health/ready")).StatusCode);
            Assert.True(await ExistsAsync(connection));
        }

        Assert.False(await ExistsAsync(connection));
    }

    private static async Task<bool> ExistsAsync(string connection)
    {
        if (TestDatabase.RunProvider == DatabaseProvider.Sqlite)
        {
            return File.Exists(new SqliteConnectionStringBuilder(connection).DataSource);
        }

        var database = new NpgsqlConnectionStringBuilder(connection);
        var admin = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false };
        await using var session = new NpgsqlConnection(admin.ConnectionString);
        await session.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", session);
        query.Parameters.Add(new NpgsqlParameter { Value = database.Database });
        return (long)(await query.ExecuteScalarAsync())! == 1;
    }
}
