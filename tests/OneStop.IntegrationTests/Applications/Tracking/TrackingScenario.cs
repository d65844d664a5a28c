using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Identity;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Applications.Tracking;

/// <summary>The host with demo accounts and the public look-up limit out of the way.</summary>
public class TrackingAppFactory : IdentityAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("RateLimiting:PublicLookup:PermitLimit", "100000")];
}

/// <summary>Applications made through intake, officer steps through the journal, and form posts with files.</summary>
internal static class TrackingScenario
{
    public const string An = "033085001234";
    public const string Binh = "033188004321";
    public const string Dung = "033090005678";
    public const string Hoa = "001192007890";
    public const string Khanh = "001089003456";
    public const string Lan = "033155000888";

    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static async Task<Application> SubmitAsync(IServiceProvider services, string idNumber, string procedure = SampleAnswers.PermanentResidence, string commune = SampleAnswers.BaDinh)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().SubmitAsync(new SubmissionRequest
        {
            ProcedureCode = procedure,
            Channel = ApplicationChannel.Online,
            ApplicantIdNumber = idNumber,
            ApplicantName = "Người Nộp Thử",
            CommuneCode = commune,
            Values = SampleAnswers.For(procedure, idNumber, "Người Nộp Thử", commune),
            SubmittedBy = StepActor.Citizen(idNumber, "Người Nộp Thử"),
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.FieldKey + ": " + e.Message.En)));
        return result.Application!;
    }

    /// <summary>An officer of Phường Ba Đình takes a step.</summary>
    public static async Task StepAsync(IServiceProvider services, string code, string action, string toState, string? note = null, bool stopsClock = false)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var application = await db.Applications.SingleAsync(a => a.Code == code);
        var outcome = await scope.ServiceProvider.GetRequiredService<ApplicationJournal>().RecordAsync(application,
            new ApplicationStep(action, toState, StepActor.Officer("officer-lan", "Nguyễn Thị Lan", "receptionist", "00004")) { Note = note, StopsClock = stopsClock });
        Assert.Equal(StepOutcome.Done, outcome);
    }

    public static async Task<T> ReadAsync<T>(IServiceProvider services, Func<OneStopDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<OneStopDbContext>());
    }

    /// <summary>
    /// GETs the form page, then posts it as multipart with the page's antiforgery token and form token;
    /// with <paramref name="resend"/>, posts the tokens of an earlier post again, as a browser resending the form does.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, FormTokens Tokens)> PostMultipartAsync(
        HttpClient browser, string path, Dictionary<string, string> fields, IEnumerable<(string Name, byte[] Content)> files, FormTokens? resend = null)
    {
        var tokens = resend;
        if (tokens is null)
        {
            var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            tokens = new FormTokens(IdentityAppFactory.HiddenValue(html, "FormToken"), IdentityAppFactory.HiddenValue(html, "__RequestVerificationToken"));
        }

        using var content = new MultipartFormDataContent
        {
            { new StringContent(tokens.Antiforgery), "__RequestVerificationToken" },
            { new StringContent(tokens.FormToken), "FormToken" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Files", name);
        }

        return (await browser.PostAsync(path, content), tokens);
    }
}

internal sealed record FormTokens(string FormToken, string Antiforgery);
