using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications;
using OneStop.Web.Audit;
using OneStop.Web.Calendar;
using OneStop.Web.Catalog;
using OneStop.Web.Documents;
using OneStop.Web.Exchange;
using OneStop.Web.Identity;
using OneStop.Web.Notifications;
using OneStop.Web.Overdue;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Scheduling;
using OneStop.Web.Shared.Security;
using OneStop.Web.Shared.Web;
using OneStop.Web.Signing;
using OneStop.Web.Workspace;

var builder = WebApplication.CreateBuilder(args);

builder.AddOneStopHosting();
builder.Services.AddOneStopDatabase(builder.Configuration);
builder.Services.AddOneStopSecurity(builder.Configuration);
builder.Services.AddOneStopLocalization();
builder.Services.AddOneStopWeb(builder.Configuration);
builder.Services.AddOneStopScheduling(builder.Configuration);

// Capabilities: each one registers its own services, pages and API.
builder.Services.AddAdministrativeUnits(builder.Configuration);
builder.Services.AddDocuments(builder.Configuration);
builder.Services.AddSigning(builder.Configuration);
builder.Services.AddExchange(builder.Configuration);
builder.Services.AddCalendar(builder.Configuration);
builder.Services.AddCatalog(builder.Configuration);
builder.Services.AddAudit(builder.Configuration);
builder.Services.AddIdentityAndAccess(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddApplications(builder.Configuration);
builder.Services.AddWorkspace(builder.Configuration);
builder.Services.AddOverdue(builder.Configuration);

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

app.UseOneStopPipeline();

app.MapAdministrativeUnitsApi();
app.MapDocumentsApi();
app.MapSigningApi();
app.MapExchangeApi();
app.MapCalendarApi();
app.MapCatalogApi();
app.MapAuditApi();
app.MapIdentityApi();
app.MapNotificationsApi();
app.MapApplicationsApi();
app.MapWorkspaceApi();
app.MapOverdueApi();

app.MapOneStopEndpoints();

await app.RunAsync();
return 0;

/// <summary>The application's entry point, visible to the test hosts.</summary>
public partial class Program;
