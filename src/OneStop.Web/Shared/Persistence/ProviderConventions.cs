using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneStop.Web.Shared.Persistence;

/// <summary>Conventions every OneStop database shares, whatever the capability.</summary>
public static class ProviderConventions
{
    public static bool IsSqlite(string? providerName) =>
        providerName == "Microsoft.EntityFrameworkCore.Sqlite";

    public static void Apply(ModelConfigurationBuilder configurationBuilder, string? providerName)
    {
        if (IsSqlite(providerName))
        {
            // SQLite has no date-time type: stored as text, instants could not be compared or sorted
            // in SQL. As a 64-bit number they can, and deadline queries depend on that.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}

/// <summary>Which database context owns an entity configuration, decided by its capability folder.</summary>
public static class ModelOwnership
{
    public const string RegistriesNamespace = "OneStop.Web.Registries";

    public static bool BelongsToRegistries(Type type) =>
        type.Namespace is { } ns && (ns == RegistriesNamespace || ns.StartsWith(RegistriesNamespace + ".", StringComparison.Ordinal));
}
