using OneStop.Web.Shared.Scheduling;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Overdue;

/// <summary>Who may issue an apology with a new appointment: a receptionist or leader, signed in with the second factor.</summary>
public static class OverduePolicies
{
    public const string IssueApology = "Overdue.IssueApology";
}

/// <summary>Overdue applications: deadline reminders and escalation, apologies with a new appointment.</summary>
public static class OverdueModule
{
    public static IServiceCollection AddOverdue(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new OverdueOptions();
        configuration.GetSection("Overdue").Bind(options);
        services.AddSingleton(options);
        services.AddScoped<OverdueReminders>();
        services.AddScoped<ApologyService>();
        services.AddAuthorizationBuilder().AddPolicy(OverduePolicies.IssueApology, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Receptionist, Roles.UnitLeader)
            .RequireClaim(OneStopClaimTypes.AuthenticationMethod, OneStopAuthentication.MultiFactor));
        services.AddRecurringJob<OverdueReminderJob>(OverdueReminderJob.Name, TimeSpan.FromSeconds(Math.Max(1, options.ReminderIntervalSeconds)));
        return services;
    }

    public static IEndpointRouteBuilder MapOverdueApi(this IEndpointRouteBuilder app)
    {
        OverdueApi.Map(app);
        return app;
    }
}
