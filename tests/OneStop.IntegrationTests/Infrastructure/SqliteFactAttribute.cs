using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Infrastructure;

/// <summary>A test of the embedded SQLite default itself; run once, in the SQLite pass, and skipped with the reason on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string reason)
    {
        if (TestDatabase.RunProvider != DatabaseProvider.Sqlite)
        {
            Skip = reason;
        }
    }
}
