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

namespace OneStop.IntegrationTests.Overdue;

/// <summary>The real host with demo accounts and a clock the test moves.</summary>
public class OverdueAppFactory : IdentityAppFactory
{
    private readonly Dictionary<string, HttpClient> _signedIn = [];

    public TestClock Clock { get; } = new();

    /// <summary>A browser signed in as the officer, once per test class (an authenticator code serves once).</summary>
    public async Task<HttpClient> OfficerAsync(string email)
    {
        if (!_signedIn.TryGetValue(email, out var browser))
        {
            Clock.Real();
            browser = await SignInOfficerAsync(email);
            _signedIn[email] = browser;
        }

        return browser;
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton<TimeProvider>(Clock);
    }

    /// <summary>Submits a permanent-residence application in <paramref name="commune"/> at the clock's current time.</summary>
    public async Task<Application> SubmitAsync(string idNumber, string commune = SampleAnswers.BaDinh, string? phone = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().SubmitAsync(new SubmissionRequest
        {
            ProcedureCode = SampleAnswers.PermanentResidence,
            Channel = ApplicationChannel.Online,
            ApplicantIdNumber = idNumber,
            ApplicantName = "Nguyễn Văn An",
            CommuneCode = commune,
            Email = "an@example.vn",
            Phone = phone,
            Values = SampleAnswers.For(SampleAnswers.PermanentResidence, idNumber, commune: commune),
            SubmissionKey = Guid.NewGuid().ToString(),
            SubmittedBy = StepActor.Citizen(idNumber, "Nguyễn Văn An"),
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.FieldKey + ": " + e.Message.En)));
        return result.Application!;
    }

    /// <summary>Assigns the application to a demo officer, as the workspace would (through the journal).</summary>
    public async Task AssignAsync(Guid applicationId, string officerEmail)
    {
        await using var scope = Services.CreateAsyncScope();
        var officer = await scope.ServiceProvider.GetRequiredService<UserManager<Officer>>().FindByEmailAsync(officerEmail)
            ?? throw new InvalidOperationException(officerEmail);
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
        var outcome = await scope.ServiceProvider.GetRequiredService<ApplicationJournal>().RecordAsync(application,
            new ApplicationStep("assign", application.State, StepActor.Officer(officer.Id, officer.FullName, "unit-leader", officer.UnitCode))
            {
                Changes = a =>
                {
                    a.AssignedOfficerId = officer.Id;
                    a.AssignedOfficerName = officer.FullName;
                },
            });
        Assert.Equal(StepOutcome.Done, outcome);
    }

    public async Task<Application> LoadAsync(Guid applicationId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId);
    }
}
