using OneStop.Web.Workspace.Api;
using OneStop.Web.Workspace.Casework;
using OneStop.Web.Workspace.Counter;
using OneStop.Web.Workspace.Queues;
using OneStop.Web.Workspace.Sheets;

namespace OneStop.Web.Workspace;

/// <summary>The officer workspace: queues, one application's file and its workflow actions, the counter, the desk's papers.</summary>
public static class WorkspaceModule
{
    public static IServiceCollection AddWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<DueDescriptions>();
        services.AddScoped<UnitOfficers>();
        services.AddScoped<AnswerDisplay>();
        services.AddScoped<ResultIssuing>();
        services.AddScoped<OfficerCasework>();
        services.AddScoped<WorkspaceQueues>();
        services.AddScoped<CaseSheets>();
        services.AddScoped<CounterIntake>();
        services.AddScoped<RegistryCrossCheck>();
        services.AddScoped<OneStop.Web.Exchange.Gateway.IOfficerQueryGrounds, ApplicationQueryGrounds>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        WorkspaceApi.Map(app);
        CrossCheckApi.Map(app);
        return app;
    }
}
