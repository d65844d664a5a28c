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
                    ConnectionString(provider, options),
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
