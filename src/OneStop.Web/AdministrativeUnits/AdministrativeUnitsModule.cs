using OneStop.Web.AdministrativeUnits.Api;
using OneStop.Web.AdministrativeUnits.Loading;
using OneStop.Web.AdministrativeUnits.Persistence;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.AdministrativeUnits;

public static class AdministrativeUnitsModule
{
    public const string Section = "AdministrativeUnits";

    public static IServiceCollection AddAdministrativeUnits(this IServiceCollection services, IConfiguration configuration)
    {
        var dataDirectory = configuration[$"{Section}:DataDirectory"];
        services.AddSingleton(provider =>
        {
            var directory = string.IsNullOrWhiteSpace(dataDirectory)
                ? AdministrativeUnitLoader.LoadEmbedded()
                : AdministrativeUnitLoader.Load(new DirectoryUnitDataSource(dataDirectory));
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdministrativeUnitDirectory).FullName!);
            var report = string.Join(Environment.NewLine, directory.Report.Lines());
            AdministrativeUnitLog.Report(logger, report);
            return directory;
        });
        services.AddSingleton<IAdministrativeUnitDirectory>(provider => provider.GetRequiredService<AdministrativeUnitDirectory>());
        services.AddSingleton<UnitNames>();

        // The seeder runs while the host starts: it loads the directory, so bad data stops the start.
        services.AddSingleton<AdministrativeUnitSeeder>();
        services.AddSingleton<IDataSeeder>(provider => provider.GetRequiredService<AdministrativeUnitSeeder>());
        return services;
    }

    public static IEndpointRouteBuilder MapAdministrativeUnitsApi(this IEndpointRouteBuilder app)
    {
        app.MapAdministrativeUnitEndpoints();
        return app;
    }
}

internal static partial class AdministrativeUnitLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Report}")]
    public static partial void Report(ILogger logger, string report);
}
