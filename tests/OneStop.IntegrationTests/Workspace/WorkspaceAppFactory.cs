using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Applications;
using OneStop.IntegrationTests.Identity;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Identity.Officers;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>The demo officers the workspace tests act as.</summary>
public static class Officers
{
    public const string BaDinhReceptionist = "tiepnhan.badinh@onestop.example";
    public const string BaDinhSpecialist = "chuyenvien.badinh@onestop.example";
    public const string BaDinhLeader = "lanhdao.badinh@onestop.example";
    public const string PhoHienReceptionist = "tiepnhan.phohien@onestop.example";
    public const string PoliceReceptionist = "tiepnhan.ca.hungyen@onestop.example";
    public const string PoliceSpecialist = "chuyenvien.ca.hungyen@onestop.example";
    public const string PoliceLeader = "lanhdao.ca.hungyen@onestop.example";
    public const string SystemAdministrator = "quantri.hethong@onestop.example";
}

/// <summary>
/// The real host with demo officers signed in once each (an authenticator code is accepted only
/// once per time step), and helpers that act as the citizen through the intake and the journal.
/// </summary>
public class WorkspaceAppFactory : IdentityAppFactory
{
    private readonly Dictionary<string, HttpClient> _signedIn = [];
    private readonly SemaphoreSlim _signing = new(1, 1);

    public async Task<HttpClient> OfficerAsync(string email)
    {
        await _signing.WaitAsync();
        try
        {
            if (!_signedIn.TryGetValue(email, out var browser))
            {
                browser = await SignInOfficerAsync(email);
                _signedIn[email] = browser;
            }

            return browser;
        }
        finally
        {
            _signing.Release();
        }
    }

    public async Task<string> OfficerIdAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Officer>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    public async Task<Application> SubmitAsync(string procedure, string commune, string idNumber = "033085001234", string name = "Nguyễn Văn An")
    {
        await using var scope = Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ApplicationIntake>();
        var result = await intake.SubmitAsync(new SubmissionRequest
        {
            ProcedureCode = procedure,
            Channel = ApplicationChannel.Online,
            ApplicantIdNumber = idNumber,
            ApplicantName = name,
            CommuneCode = commune,
            Email = "an@example.vn",
            Phone = "0912345678",
            Values = SampleAnswers.For(procedure, idNumber, name, commune),
            SubmittedBy = StepActor.Citizen(idNumber, name),
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.FieldKey + ": " + e.Message.En)));
        return result.Application!;
    }

    /// <summary>The citizen's own steps (supplying documents, withdrawing) go through the journal, as the portal will.</summary>
    public async Task<StepOutcome> CitizenStepAsync(string code, string action, string toState)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var journal = scope.ServiceProvider.GetRequiredService<ApplicationJournal>();
        var application = await db.Applications.SingleAsync(a => a.Code == code);
        return await journal.RecordAsync(application, new ApplicationStep(action, toState, StepActor.Citizen(application.ApplicantIdNumber, application.ApplicantName))
        {
            RequestKey = "citizen:" + Guid.NewGuid().ToString("N"),
        });
    }

    public async Task<Application> ApplicationAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await db.Applications.AsNoTracking().SingleAsync(a => a.Code == code);
    }

    public async Task<List<ApplicationEvent>> EventsAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Code == code);
        return await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == application.Id).OrderBy(e => e.Sequence).ToListAsync();
    }

    public static async Task<HttpResponseMessage> PostActionAsync(HttpClient officer, string code, string action, object? body = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspace/applications/{code}/actions/{action}")
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return await officer.SendAsync(request);
    }

    /// <summary>Takes an action that must succeed; returns the API's answer.</summary>
    public static async Task<JsonElement> ActAsync(HttpClient officer, string code, string action, object? body = null, string? key = null)
    {
        var response = await PostActionAsync(officer, code, action, body, key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} on {code}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var browser in _signedIn.Values)
        {
            browser.Dispose();
        }

        _signing.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
