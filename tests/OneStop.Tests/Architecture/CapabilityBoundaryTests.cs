using NetArchTest.Rules;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Tests.Architecture;

/// <summary>
/// Which capability may use which. Each capability is a namespace under OneStop.Web; a rule lists
/// the capabilities a capability must not depend on. Add a capability here when you add its folder.
/// </summary>
public sealed class CapabilityBoundaryTests
{
    private const string Root = "OneStop.Web";

    /// <summary>Every capability folder of the web project.</summary>
    public static readonly string[] Capabilities =
    [
        "AdministrativeUnits",
        "Documents",
        "Signing",
        "Exchange",
        "Registries",
        "Calendar",
        "Catalog",
        "Audit",
        "Identity",
        "Notifications",
        "Applications",
        "Workspace",
        "Overdue",
    ];

    /// <summary>What each capability may use besides Shared. Anything not listed is forbidden.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["AdministrativeUnits"] = [],
        ["Documents"] = [],
        ["Signing"] = ["Documents"],

        // Only the exchange gateway talks to the registries; the registries use nothing of the one-stop. The
        // citizen's "who used my data" page names the officer's unit, which only the administrative units know.
        ["Exchange"] = ["Registries", "AdministrativeUnits"],
        ["Registries"] = [],
        ["Calendar"] = ["Audit"],
        ["Catalog"] = ["Audit"],
        ["Audit"] = [],
        ["Identity"] = ["Audit"],
        ["Notifications"] = [],

        // Registry data reaches applications only through the exchange gateway (prefill).
        ["Applications"] = ["AdministrativeUnits", "Catalog", "Calendar", "Documents", "Signing", "Exchange", "Audit", "Notifications"],

        // The officer workspace runs applications; it reads officer accounts only to assign work and to sign as.
        ["Workspace"] = ["Applications", "Catalog", "Calendar", "AdministrativeUnits", "Documents", "Signing", "Audit", "Notifications", "Identity", "Exchange"],
        // Officers are found through Shared's IOfficerDirectory, never through Identity itself.
        ["Overdue"] = ["Applications", "Catalog", "Calendar", "Documents", "Notifications", "Audit", "AdministrativeUnits"],
    };

    public static TheoryData<string> CapabilityNames => new(Capabilities);

    [Theory]
    [MemberData(nameof(CapabilityNames))]
    public void A_capability_uses_only_the_capabilities_it_is_allowed_to(string capability)
    {
        var forbidden = Capabilities
            .Where(other => other != capability && !Allowed[capability].Contains(other))
            .Select(other => $"{Root}.{other}")
            .ToArray();
        if (forbidden.Length == 0)
        {
            return;
        }

        var result = Types.InAssembly(typeof(OneStopDbContext).Assembly)
            .That().ResideInNamespace($"{Root}.{capability}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{capability} uses what it must not: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Shared_depends_on_no_capability()
    {
        // ModelOwnership names the registries' namespace as text, to keep their tables out of the one-stop's context.
        var result = Types.InAssembly(typeof(OneStopDbContext).Assembly)
            .That().ResideInNamespace($"{Root}.Shared")
            .And().DoNotHaveName(nameof(ModelOwnership))
            .ShouldNot().HaveDependencyOnAny([.. Capabilities.Select(c => $"{Root}.{c}")])
            .GetResult();

        Assert.True(result.IsSuccessful, $"Shared uses a capability: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_capability_folder_is_listed_here()
    {
        var namespaces = typeof(OneStopDbContext).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(ns => ns![(Root.Length + 1)..].Split('.')[0])
            .Where(name => name is not "Shared" and not "Migrations")
            .Distinct()
            .Order()
            .ToArray();

        Assert.Equal(Capabilities.Order().ToArray(), namespaces);
    }

    /// <summary>
    /// The registries are separate systems that happen to share the process: of the one-stop they may use
    /// only the persistence infrastructure (provider contexts, seeders) and the hosting infrastructure
    /// (demo mode, commands), never security, localization, web or any capability, Exchange included.
    /// </summary>
    [Fact]
    public void Registries_use_only_the_persistence_and_hosting_infrastructure()
    {
        var assembly = typeof(OneStopDbContext).Assembly;
        var forbidden = assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Where(ns => !ns.StartsWith($"{Root}.Registries", StringComparison.Ordinal)
                && ns != $"{Root}.Shared.Persistence" && ns != $"{Root}.Shared.Hosting")
            .Distinct()
            .ToArray();

        var result = Types.InAssembly(assembly)
            .That().ResideInNamespace($"{Root}.Registries")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        Assert.True(result.IsSuccessful, $"Registries use the one-stop: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private static readonly string[] Registries = ["Population", "Enterprise", "Land", "CivilStatus", "JudicialRecords"];

    public static TheoryData<string> RegistryNames => new(Registries);

    /// <summary>Each registry touches only its own tables: it uses no other registry's types.</summary>
    [Theory]
    [MemberData(nameof(RegistryNames))]
    public void A_registry_uses_no_other_registry(string registry)
    {
        var others = Registries
            .Where(other => other != registry)
            .Append("Synthetic")
            .Select(other => $"{Root}.Registries.{other}")
            .ToArray();

        var result = Types.InAssembly(typeof(OneStopDbContext).Assembly)
            .That().ResideInNamespace($"{Root}.Registries.{registry}")
            .ShouldNot().HaveDependencyOnAny(others)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{registry} uses another registry: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Only_the_exchange_talks_to_the_registries()
    {
        var result = Types.InAssembly(typeof(OneStopDbContext).Assembly)
            .That().DoNotResideInNamespace($"{Root}.Registries")
            .And().DoNotResideInNamespace($"{Root}.Exchange")
            .And().DoNotHaveName("Program")
            .And().DoNotHaveName(nameof(ModelOwnership))
            .ShouldNot().HaveDependencyOn($"{Root}.Registries")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Only Exchange may use the registries: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
