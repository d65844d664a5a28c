using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Registries;

/// <summary>
/// The base registries' own database: one context for the five registries, each registry's tables
/// prefixed with its name (population_, enterprise_, land_, civil_status_, judicial_) and touched only by
/// that registry's code (ADR 0040). It is never the one-stop's <see cref="OneStopDbContext"/>; it keeps
/// its own migrations and migration history, so the registries could move to a server of their own.
/// </summary>
public class RegistriesDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__RegistriesMigrationsHistory";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistriesDbContext).Assembly, ModelOwnership.BelongsToRegistries);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ProviderConventions.Apply(configurationBuilder, Database.ProviderName);
    }
}

/// <summary>The SQLite flavour, so that each provider keeps its own migrations.</summary>
public sealed class SqliteRegistriesDbContext(DbContextOptions<SqliteRegistriesDbContext> options) : RegistriesDbContext(options);

/// <summary>The PostgreSQL flavour, so that each provider keeps its own migrations.</summary>
public sealed class PostgresRegistriesDbContext(DbContextOptions<PostgresRegistriesDbContext> options) : RegistriesDbContext(options);

// Used only by 'dotnet ef migrations add'; the connection strings are never opened.
internal sealed class SqliteRegistriesDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegistriesDbContext>
{
    public SqliteRegistriesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRegistriesDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(RegistriesDbContext.MigrationsHistoryTable)).Options);
}

internal sealed class PostgresRegistriesDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRegistriesDbContext>
{
    public PostgresRegistriesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRegistriesDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable(RegistriesDbContext.MigrationsHistoryTable)).Options);
}
