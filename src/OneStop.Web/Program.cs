using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Audit;
using OneStop.Web.Identity;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;
using OneStop.Web.Shared.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddOneStopHosting();
builder.Services.AddOneStopDatabase(builder.Configuration);
builder.Services.AddOneStopSecurity();
builder.Services.AddOneStopLocalization();
builder.Services.AddOneStopWeb();

// Capabilities: each one registers its own services, pages and API.
builder.Services.AddAdministrativeUnits(builder.Configuration);
builder.Services.AddAudit(builder.Configuration);
builder.Services.AddIdentityAndAccess(builder.Configuration);

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

app.UseOneStopPipeline();

app.MapAdministrativeUnitsApi();
app.MapAuditApi();
app.MapIdentityApi();

app.MapOneStopEndpoints();

await app.RunAsync();
return 0;

/// <summary>The application's entry point, visible to the test hosts.</summary>
public partial class Program;
