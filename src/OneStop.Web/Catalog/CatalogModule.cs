using OneStop.Web.Catalog.Api;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Catalog.Loading;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Catalog;

public static class CatalogModule
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new CatalogOptions();
        configuration.GetSection(CatalogOptions.Section).Bind(options);
        services.AddSingleton(options);

        services.AddSingleton(_ => ProcedureDefinitionReader.Create());
        services.AddSingleton<ProcedureVersionCache>();
        services.AddSingleton<FormValidator>();
        services.AddScoped<IProcedureCatalog, ProcedureCatalog>();
        services.AddScoped<ProcedureNames>();
        services.AddScoped<IProcedureImporter, ProcedureImporter>();
        services.AddSingleton<IDataSeeder, CatalogSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        CatalogApi.Map(app);
        return app;
    }
}
