using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Tests.Shared;

/// <summary>A model change without its migration (for either provider) fails here, not in production.</summary>
public sealed class MigrationsTests
{
    public static TheoryData<string> ContextFactories => new()
    {
        typeof(SqliteOneStopDbContext).FullName!,
        typeof(PostgresOneStopDbContext).FullName!,
    };

    [Theory]
    [MemberData(nameof(ContextFactories))]
    public void Every_model_change_has_a_migration(string contextTypeName)
    {
        using var context = DesignTimeContexts.Create(contextTypeName);
        Assert.False(
            context.Database.HasPendingModelChanges(),
            $"{contextTypeName} has model changes without a migration. Run scripts/add-migration.sh NAME.");
    }

    [Theory]
    [MemberData(nameof(ContextFactories))]
    public void Every_provider_has_migrations(string contextTypeName)
    {
        using var context = DesignTimeContexts.Create(contextTypeName);
        Assert.NotEmpty(context.Database.GetMigrations());
    }
}

/// <summary>Builds a context the way 'dotnet ef' does: through its design-time factory.</summary>
internal static class DesignTimeContexts
{
    public static DbContext Create(string contextTypeName)
    {
        var assembly = typeof(OneStopDbContext).Assembly;
        var factoryType = assembly.GetTypes().Single(t =>
            !t.IsAbstract && t.GetInterfaces().Any(i =>
                i.IsGenericType
                && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)
                && i.GetGenericArguments()[0].FullName == contextTypeName));
        var factory = Activator.CreateInstance(factoryType, nonPublic: true)!;
        var create = factoryType.GetMethod("CreateDbContext")!;
        return (DbContext)create.Invoke(factory, [Array.Empty<string>()])!;
    }
}
