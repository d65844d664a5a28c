using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Web.Calendar.Api;
using OneStop.Web.Calendar.Persistence;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Calendar;

public static class CalendarModule
{
    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddMemoryCache();
        services.AddScoped<WorkingCalendarService>();
        services.AddScoped<DeadlineService>();
        services.TryAddScoped<ICalendarAudit, AuditTrailCalendarAudit>();
        services.AddSingleton<IDataSeeder, CalendarSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        CalendarApi.Map(app);
        return app;
    }
}
