using OneStop.IntegrationTests.Infrastructure;

namespace OneStop.IntegrationTests.AdministrativeUnits;

/// <summary>One host for every administrative-unit test class: the data is read-only, so they can share it.</summary>
[CollectionDefinition(Name)]
public sealed class UnitsHost : ICollectionFixture<OneStopAppFactory>
{
    public const string Name = "administrative units host";
}
