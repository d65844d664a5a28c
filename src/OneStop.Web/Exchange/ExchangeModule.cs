using OneStop.Web.Exchange.DataAccess;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Exchange.Log;
using OneStop.Web.Exchange.Prefill;
using OneStop.Web.Registries;
using OneStop.Web.Registries.Protocol;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Exchange;

/// <summary>
/// The data-exchange gateway between the one-stop and the base registries, its log, "who used my data"
/// and the prefill service. It hosts the registries too (AddRegistries), as separate systems it talks to.
/// </summary>
public static class ExchangeModule
{
    public static IServiceCollection AddExchange(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRegistries(configuration);

        var options = ExchangeOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton<GatewayKeyRing>();
        services.AddSingleton<IGatewayKeyDirectory>(sp => sp.GetRequiredService<GatewayKeyRing>());
        services.AddSingleton<AccessRights>();
        services.AddSingleton<InProcessRegistryTransport>();
        services.AddSingleton<HttpRegistryTransport>();
        services.AddSingleton<RegistryTransports>();
        services.AddHttpClient(HttpRegistryTransport.ClientName);
        services.AddSingleton<ExchangeLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ExchangeLogWriter>());
        services.AddSingleton<IExchangeGateway, ExchangeGateway>();
        services.AddSingleton<PrefillService>();
        services.AddSingleton<IPrefillService>(provider => provider.GetRequiredService<PrefillService>());
        services.AddSingleton<IRegistryCrossCheck>(provider => provider.GetRequiredService<PrefillService>());
        services.AddScoped<ExchangeLogVerifier>();
        services.AddScoped<DataAccessLog>();
        services.AddSingleton<IDataSeeder, ExchangeKeySeeder>();
        services.AddSingleton<ICommand, ExchangeVerifyCommand>();
        return services;
    }

    public static IEndpointRouteBuilder MapExchangeApi(this IEndpointRouteBuilder app)
    {
        app.MapRegistriesApi();
        app.MapExchangeEndpoints();
        return app;
    }
}

/// <summary>Loads (or, in a new installation, creates) the gateway key before the first request.</summary>
internal sealed class ExchangeKeySeeder(GatewayKeyRing keys) : IDataSeeder
{
    public int Order => 40;

    public Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        keys.EnsureLoadedAsync(services.GetRequiredService<OneStopDbContext>(), cancellationToken);
}
