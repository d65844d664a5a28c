using OneStop.Web.Registries.CivilStatus;
using OneStop.Web.Registries.Enterprise;
using OneStop.Web.Registries.JudicialRecords;
using OneStop.Web.Registries.Land;
using OneStop.Web.Registries.Population;
using OneStop.Web.Registries.Protocol;
using OneStop.Web.Registries.Synthetic;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Registries;

/// <summary>
/// The five base registries, hosted beside the one-stop but apart from it: their own tables, keys and
/// HTTP API under <c>/registries/…</c>, reached by the one-stop only through the exchange gateway.
/// </summary>
public static class RegistriesModule
{
    public static IServiceCollection AddRegistries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProviderDbContext<RegistriesDbContext, SqliteRegistriesDbContext, PostgresRegistriesDbContext>(
            configuration, RegistriesDbContext.MigrationsHistoryTable);

        var options = new RegistriesOptions();
        configuration.GetSection(RegistriesOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<RegistryKeyRing>();
        services.AddSingleton<RegistryReplayGuard>();
        services.AddSingleton<IGatewayKeyDirectory, ConfiguredGatewayKeys>();
        services.AddScoped<RegistryDispatcher>();
        services.AddSingleton<IDataSeeder, RegistriesSeeder>();

        services.AddPopulationRegistry();
        services.AddEnterpriseRegistry();
        services.AddLandRegistry();
        services.AddCivilStatusRegistry();
        services.AddJudicialRecordsRegistry();
        return services;
    }

    public static IEndpointRouteBuilder MapRegistriesApi(this IEndpointRouteBuilder app)
    {
        app.MapPopulationRegistry();
        app.MapEnterpriseRegistry();
        app.MapLandRegistry();
        app.MapCivilStatusRegistry();
        app.MapJudicialRecordsRegistry();
        return app;
    }
}
