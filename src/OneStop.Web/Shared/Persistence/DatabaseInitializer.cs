using Microsoft.EntityFrameworkCore;

namespace OneStop.Web.Shared.Persistence;

/// <summary>
/// Migrates the databases and runs the seeders while the host is starting, so that the server never
/// accepts a request against a schema it does not know. A failure here stops the start-up.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceProvider services,
    DatabaseOptions options,
    IEnumerable<MigratedContext> contexts,
    ILogger<DatabaseInitializer> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var context in contexts.DistinctBy(c => c.ContextType))
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(context.ContextType);
            if (options.ApplyMigrationsAtStartup)
            {
                if (ProviderConventions.IsSqlite(db.Database.ProviderName))
                {
                    await EnableSqliteWriteAheadLogAsync(db, cancellationToken);
                }

                await db.MigrateFromAnyStateAsync(cancellationToken);
                LogMigrated(context.ContextType.Name, db.Database.ProviderName ?? "?");
            }
            else
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count > 0)
                {
                    throw new InvalidOperationException(
                        $"The database of {context.ContextType.Name} lacks {pending.Count} migration(s) " +
                        $"({string.Join(", ", pending)}). Run the 'migrate' command or set Database:ApplyMigrationsAtStartup=true.");
                }
            }
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    private static async Task EnableSqliteWriteAheadLogAsync(DbContext db, CancellationToken cancellationToken)
    {
        // Readers then never wait for a writer; the setting is stored in the database file itself.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} is up to date on {Provider}")]
    private partial void LogMigrated(string context, string provider);
}
