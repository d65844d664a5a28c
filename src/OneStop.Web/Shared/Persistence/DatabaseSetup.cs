using Microsoft.EntityFrameworkCore;

namespace OneStop.Web.Shared.Persistence;

public static class DatabaseSetup
{
    public static IServiceCollection AddOneStopDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProviderDbContext<OneStopDbContext, SqliteOneStopDbContext, PostgresOneStopDbContext>(
            configuration, migrationsHistoryTable: "__EFMigrationsHistory");
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddDbContextCheck<OneStopDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the configured provider through the provider's own
    /// subclass, so that each provider keeps its own migrations, and has it migrated at start when configured.
    /// </summary>
    public static IServiceCollection AddProviderDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, IConfiguration configuration, string migrationsHistoryTable)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var options = DatabaseOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(new MigratedContext(typeof(TContext)));

        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<TContext, TPostgres>((provider, builder) =>
                builder.UseNpgsql(
                    WithPostgresDefaults(ConnectionString(provider, options)),
                    npgsql => npgsql.MigrationsHistoryTable(migrationsHistoryTable)));
        }
        else
        {
            services.AddDbContextPool<TContext, TSqlite>((provider, builder) =>
                builder.UseSqlite(
                    ConnectionString(provider, options),
                    sqlite => sqlite.MigrationsHistoryTable(migrationsHistoryTable)));
        }

        return services;
    }

    /// <summary>
    /// Two Npgsql settings OneStop can afford because it keeps no session state (no SET, temporary tables or
    /// session advisory locks): a connection handed back to the pool is not reset with DISCARD ALL, and
    /// statements run often are prepared once per connection. Both save PostgreSQL a parse or a reset per
    /// command (BENCHMARKS.md). And a pool of <see cref="DefaultMaxPoolSize"/> connections instead of Npgsql's
    /// 100 (ADR 0080). A connection string that names any of these settings keeps its own value.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);

        // Npgsql writes back only the settings given, each under its canonical name whatever synonym or case was used.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = tuned.ConnectionString };
        if (!given.ContainsKey("No Reset On Close"))
        {
            tuned.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare"))
        {
            tuned.MaxAutoPrepare = 32;
        }

        if (!given.ContainsKey("Maximum Pool Size"))
        {
            tuned.MaxPoolSize = DefaultMaxPoolSize;
        }

        return tuned.ConnectionString;
    }

    /// <summary>
    /// Four connections per processor of this server, at least 8: past a few busy connections per core,
    /// PostgreSQL and OneStop spend the extra on switching between them, and a request waits for a free
    /// connection in the pool instead of for a busy core (ADR 0080).
    /// </summary>
    public static int DefaultMaxPoolSize => Math.Max(8, 4 * Environment.ProcessorCount);

    private static string ConnectionString(IServiceProvider provider, DatabaseOptions options) =>
        options.ResolveConnectionString(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
}

/// <summary>A context the <see cref="DatabaseInitializer"/> migrates at start.</summary>
public sealed record MigratedContext(Type ContextType);

/// <summary>
/// Fills a capability's tables with the data it ships (reference data, demo data). Runs after every
/// migration, in <see cref="Order"/>, before the server accepts requests; it must be safe to run again.
/// </summary>
public interface IDataSeeder
{
    int Order { get; }

    Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}
