using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Infrastructure;

/// <summary>A test that only means something on PostgreSQL (several instances on one database); skipped with the reason on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(string reason)
    {
        if (TestDatabase.RunProvider != DatabaseProvider.Postgres)
        {
            Skip = reason;
        }
    }
}
