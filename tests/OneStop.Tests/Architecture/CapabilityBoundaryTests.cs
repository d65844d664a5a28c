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
        "Audit",
        "Identity",
    ];

    /// <summary>What each capability may use besides Shared. Anything not listed is forbidden.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["AdministrativeUnits"] = [],
        ["Audit"] = [],
        ["Identity"] = ["Audit"],
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
        var result = Types.InAssembly(typeof(OneStopDbContext).Assembly)
            .That().ResideInNamespace($"{Root}.Shared")
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
}
