using Microsoft.EntityFrameworkCore;
using OneStop.Tests.Shared;
using OneStop.Web.Registries;

namespace OneStop.Tests.Registries;

/// <summary>The registries' own context keeps its own migrations for each provider.</summary>
public sealed class RegistriesMigrationsTests
{
    public static TheoryData<string> ContextFactories => new()
    {
        typeof(SqliteRegistriesDbContext).FullName!,
        typeof(PostgresRegistriesDbContext).FullName!,
    };

    [Theory]
    [MemberData(nameof(ContextFactories))]
    public void Every_registry_model_change_has_a_migration(string contextTypeName)
    {
        using var context = DesignTimeContexts.Create(contextTypeName);
        Assert.False(context.Database.HasPendingModelChanges(), $"{contextTypeName} has model changes without a migration. Run scripts/add-migration.sh NAME.");
        Assert.NotEmpty(context.Database.GetMigrations());
    }

    [Fact]
    public void Registry_tables_never_appear_in_the_one_stop_database()
    {
        using var oneStop = DesignTimeContexts.Create(typeof(OneStop.Web.Shared.Persistence.SqliteOneStopDbContext).FullName!);
        using var registries = DesignTimeContexts.Create(typeof(SqliteRegistriesDbContext).FullName!);

        var oneStopTables = oneStop.Model.GetEntityTypes().Select(e => e.GetTableName()).ToHashSet();
        var registryTables = registries.Model.GetEntityTypes().Select(e => e.GetTableName()).ToList();
        Assert.NotEmpty(registryTables);
        Assert.DoesNotContain(registryTables, oneStopTables.Contains);
        Assert.All(registryTables, t => Assert.Matches("^(population|enterprise|land|civil_status|judicial|registry)_", t));
    }
}
