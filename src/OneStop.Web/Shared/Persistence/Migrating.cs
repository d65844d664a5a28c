using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace OneStop.Web.Shared.Persistence;

internal static class Migrating
{
    /// <summary>
    /// Migrates the context's database. The database and the history table are created first: left to
    /// MigrateAsync, EF Core logs its first failed connection to a database that does not exist yet, and its
    /// failed read of a history table not created yet, as errors, which tells an operator starting OneStop for
    /// the first time that something is wrong when nothing is.
    /// </summary>
    public static async Task MigrateFromAnyStateAsync(this DbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Another instance starting at the same moment may have created it first.
                if (!await creator.ExistsAsync(cancellationToken))
                {
                    throw;
                }
            }
        }

        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
