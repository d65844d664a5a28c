using OneStop.Web.Applications.Api;
using OneStop.Web.Applications.Deadlines;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Portal;
using OneStop.Web.Applications.Receipt;
using OneStop.Web.Applications.Tracking;
using OneStop.Web.Shared.Hosting;

namespace OneStop.Web.Applications;

/// <summary>Applications: intake, the journal of their steps, their deadlines.</summary>
public static class ApplicationsModule
{
    public static IServiceCollection AddApplications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApplicationDeadlines>();
        services.AddScoped<ApplicationJournal>();
        services.AddScoped<ApplicationCodes>();
        services.AddScoped<ApplicationIntake>();
        services.AddScoped<ApplicationDrafts>();
        services.AddScoped<ReceiptDocument>();
        services.AddScoped<ApplicationReceipts>();
        services.AddScoped<CitizenApplications>();
        services.AddSingleton<ApplicationStatusLookup>();
        services.AddSingleton(configuration.GetSection("Applications:StatusLookup").Get<StatusLookupQueueOptions>() ?? new StatusLookupQueueOptions());
        services.AddSingleton<ApplicationStatusRows>();
        services.AddSingleton(provider => new StatusLookupQueue(
            provider.GetRequiredService<ApplicationStatusRows>().Read,
            provider.GetRequiredService<StatusLookupQueueOptions>(),
            provider.GetService<OneStopMetrics>()?.Meter));
        services.AddSingleton(configuration.GetSection("Applications:StatusCache").Get<ApplicationStatusCacheOptions>() ?? new ApplicationStatusCacheOptions());
        services.AddSingleton(provider => new ApplicationStatusCache(
            provider.GetRequiredService<ApplicationStatusCacheOptions>(),
            provider.GetService<OneStopMetrics>()?.Meter));
        services.AddSingleton<TrackingLink>();
        return services;
    }

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        app.MapSubmissionApi();
        app.MapTrackingApi();
        return app;
    }
}
