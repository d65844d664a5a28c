using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Infrastructure;

/// <summary>A test that means something on one database provider only; skipped with the reason in the other pass.</summary>
public abstract class ProviderFactAttribute : FactAttribute
{
    protected ProviderFactAttribute(DatabaseProvider provider, string reason)
    {
        if (TestDatabase.RunProvider != provider)
        {
            Skip = reason;
        }
    }
}

/// <summary>A test that only means something on PostgreSQL (several instances on one database); skipped with the reason on SQLite.</summary>
public sealed class PostgresFactAttribute(string reason) : ProviderFactAttribute(DatabaseProvider.Postgres, reason);

/// <summary>A test of the embedded SQLite default itself; run once, in the SQLite pass, and skipped with the reason on PostgreSQL.</summary>
public sealed class SqliteFactAttribute(string reason) : ProviderFactAttribute(DatabaseProvider.Sqlite, reason);

/// <summary>The theory form of <see cref="SqliteFactAttribute"/>.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute(string reason)
    {
        if (TestDatabase.RunProvider != DatabaseProvider.Sqlite)
        {
            Skip = reason;
        }
    }
}
