using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SQLitePCL;

namespace OneStop.Web.Shared.Persistence;

/// <summary>
/// Tells a write that lost a race apart from a write that failed. Only a unique key refusing a second
/// writer means "someone else did it first"; any other failure (a value the column cannot hold, a missing
/// required value, a broken connection) is an error to show and log, not a race to answer politely.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>Whether the database refused the write because a unique key or primary key already held the value.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        for (var cause = exception.InnerException; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case PostgresException postgres:
                    return postgres.SqlState == PostgresErrorCodes.UniqueViolation;
                case SqliteException sqlite:
                    return sqlite.SqliteExtendedErrorCode is raw.SQLITE_CONSTRAINT_UNIQUE or raw.SQLITE_CONSTRAINT_PRIMARYKEY;
            }
        }

        return false;
    }
}
