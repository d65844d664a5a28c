using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace OneStop.Web.Shared.Persistence;

internal static class Migrating
{
    /// <summary>
    /// Migrates the context's database. The history table is created first: on a new database EF Core reads the
    /// history before creating it and logs the failed read as an error, which tells an operator starting OneStop
    /// for the first time that something is wrong when nothing is.
    /// </summary>
    public static async Task MigrateFromAnyStateAsync(this DbContext db, CancellationToken cancellationToken)
    {
        // A database that does not exist yet is created by MigrateAsync itself.
        if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
