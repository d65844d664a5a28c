namespace OneStop.Web.AdministrativeUnits;

public static class AdministrativeUnitsModule
{
    public static IServiceCollection AddAdministrativeUnits(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapAdministrativeUnitsApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
