using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace OneStop.Web.Shared.Persistence;

/// <summary>
/// The one-stop's own database. Each capability adds its tables in its own folder: an
/// <see cref="IEntityTypeConfiguration{T}"/> per entity, and its sets as extension members
/// (see docs/conventions.md). The registries are separate systems with their own context and never appear here.
/// </summary>
public class OneStopDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The data protection key ring that every instance shares (see <c>Shared/Security/KeyRing.cs</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(
            typeof(OneStopDbContext).Assembly,
            type => !ModelOwnership.BelongsToRegistries(type));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ProviderConventions.Apply(configurationBuilder, Database.ProviderName);
    }
}

/// <summary>The SQLite flavour, so that each provider keeps its own migrations.</summary>
public sealed class SqliteOneStopDbContext(DbContextOptions<SqliteOneStopDbContext> options) : OneStopDbContext(options);

/// <summary>The PostgreSQL flavour, so that each provider keeps its own migrations.</summary>
public sealed class PostgresOneStopDbContext(DbContextOptions<PostgresOneStopDbContext> options) : OneStopDbContext(options);
