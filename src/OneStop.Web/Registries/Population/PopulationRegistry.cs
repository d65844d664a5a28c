using OneStop.Web.Registries.Protocol;

namespace OneStop.Web.Registries.Population;

/// <summary>The population registry: its services and its HTTP API under <c>/registries/population</c>.</summary>
public static class PopulationRegistry
{
    public static IServiceCollection AddPopulationRegistry(this IServiceCollection services)
    {
        services.AddScoped<IRegistryService, PersonService>();
        services.AddScoped<IRegistryService, HouseholdService>();
        return services;
    }

    public static IEndpointRouteBuilder MapPopulationRegistry(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/registries/population").WithTags("Registry: population");
        group.MapRegistryQuery("/people/{pid}", PersonService.ServiceName, "pid", "A person's identity, residence, household and parents.");
        group.MapRegistryQuery("/people/{pid}/household", HouseholdService.ServiceName, "pid", "The household a person belongs to, with its members.");
        return app;
    }
}
