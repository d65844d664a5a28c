using Microsoft.Data.Sqlite;
using Npgsql;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Infrastructure;

/// <summary>
/// A database of its own for one test host. The provider is the run's: PostgreSQL when
/// <c>ONESTOP_TEST_POSTGRES</c> names a server (scripts/test.sh starts one), SQLite otherwise.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ONESTOP_TEST_POSTGRES";

    private readonly string? _sqliteDirectory;
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresServer, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
        _postgresServer = postgresServer;
        _postgresDatabase = postgresDatabase;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static DatabaseProvider RunProvider =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public static TestDatabase Create()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            var name = "onestop_test_" + Guid.NewGuid().ToString("N")[..16];
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            return new TestDatabase(DatabaseProvider.Postgres, connection, null, server, name);
        }

        var directory = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "onestop.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout=30", directory, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresServer is not null && _postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = "postgres", Pooling = false }.ConnectionString;
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves litter in the temp folder; the test result stands.
            }
        }
    }
}
