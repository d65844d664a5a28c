using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Signing;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Applications.Tracking;
using OneStop.Web.Shared.Localization;
using static OneStop.IntegrationTests.Applications.Tracking.TrackingScenario;

namespace OneStop.IntegrationTests.Applications.Tracking;

/// <summary>The same follow-up through the API, with the citizen's session as Exchange's /api/me endpoints use it.</summary>
public sealed class TrackingApiTests(TrackingAppFactory app) : IClassFixture<TrackingAppFactory>
{
    private static HttpRequestMessage Post(string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task The_owner_reads_the_full_status_anyone_with_the_ID_number_the_minimal_one_and_everyone_else_404()
    {
        var application = await SubmitAsync(app.Services, Hoa);
        var someoneElses = await SubmitAsync(app.Services, Khanh);
        await StepAsync(app.Services, application.Code, "receive", "received");
        var owner = await app.SignInCitizenAsync(Hoa);

        var mine = await JsonAsync(await owner.GetAsync("/api/me/applications"), HttpStatusCode.OK);
        var codes = mine.EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains(application.Code, codes);
        Assert.DoesNotContain(someoneElses.Code, codes);

        var full = await JsonAsync(await owner.GetAsync($"/api/applications/{application.Code}"), HttpStatusCode.OK);
        Assert.Equal("received", full.GetProperty("status").GetString());
        Assert.Equal(2, full.GetProperty("statusNumber").GetInt32());
        Assert.Equal("Được tiếp nhận", full.GetProperty("statusName").GetString());
        var history = full.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["submit", "receive"], history.Select(h => h.GetProperty("action").GetString()));
        Assert.Equal("officer", history[1].GetProperty("actor").GetString());
        Assert.DoesNotContain("Nguyễn Thị Lan", full.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("withdrawal-request", full.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()));

        var notMine = await owner.GetAsync($"/api/applications/{someoneElses.Code}");
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal("application/problem+json", notMine.Content.Headers.ContentType?.MediaType);

        var anonymous = app.CreateClient();
        var minimal = await JsonAsync(await anonymous.GetAsync($"/api/applications/{application.Code}?idNumber={Hoa}"), HttpStatusCode.OK);
        Assert.Equal("received", minimal.GetProperty("status").GetString());
        Assert.Equal("Phường Ba Đình", minimal.GetProperty("unitName").GetString());
        Assert.False(minimal.TryGetProperty("history", out _));
        Assert.DoesNotContain("Người Nộp Thử", minimal.GetRawText(), StringComparison.Ordinal);

        var wrong = await JsonAsync(await anonymous.GetAsync($"/api/applications/{application.Code}?idNumber={Khanh}"), HttpStatusCode.NotFound);
        var unknown = await JsonAsync(await anonymous.GetAsync($"/api/applications/00004-990101-9999?idNumber={Hoa}"), HttpStatusCode.NotFound);
        Assert.Equal(wrong.GetProperty("title").GetString(), unknown.GetProperty("title").GetString());

        var missing = await JsonAsync(await anonymous.GetAsync($"/api/applications/{application.Code}"), HttpStatusCode.UnprocessableEntity);
        Assert.True(missing.GetProperty("errors").TryGetProperty("idNumber", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/applications")).StatusCode);
    }

    [Fact]
    public async Task The_status_answers_the_same_in_every_language_without_a_request_culture()
    {
        var application = await SubmitAsync(app.Services, Hoa);
        await StepAsync(app.Services, application.Code, "receive", "received");
        var owner = await app.SignInCitizenAsync(Hoa);
        var anonymous = app.CreateClient();

        async Task<string> AnswerAsync(HttpClient client, string path, bool english)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, english ? path + (path.Contains('?') ? "&" : "?") + "culture=en&ui-culture=en" : path);
            if (english)
            {
                var choice = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(LocalizationSetup.English));
                request.Headers.Add("Cookie", $"{LocalizationSetup.CultureCookieName}={Uri.EscapeDataString(choice)}");
            }

            var response = await client.SendAsync(request);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            body.Remove("traceId");
            return $"{(int)response.StatusCode} {body.ToJsonString()}";
        }

        foreach (var (client, path) in new[]
        {
            (owner, $"/api/applications/{application.Code}"),
            (anonymous, $"/api/applications/{application.Code}?idNumber={Hoa}"),
            (anonymous, $"/api/applications/{application.Code}?idNumber={Khanh}"),
            (anonymous, $"/api/applications/{application.Code}"),
        })
        {
            Assert.Equal(await AnswerAsync(client, path, english: false), await AnswerAsync(client, path, english: true));
        }

        // Marked so, the look-up skips the request culture (ADR 0081); no page may ever be, since pages speak the person's language.
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        Assert.Contains(endpoints, e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "GetApplicationStatus"
            && e.Metadata.GetMetadata<SameInEveryLanguage>() is not null);
        var pages = endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null).ToList();
        Assert.NotEmpty(pages);
        Assert.DoesNotContain(pages, e => e.Metadata.GetMetadata<SameInEveryLanguage>() is not null);
    }

    [Fact]
    public async Task A_looked_up_status_is_kept_for_seconds_and_forgotten_when_the_journal_records_a_step()
    {
        var application = await SubmitAsync(app.Services, Hoa);
        var anonymous = app.CreateClient();
        var path = $"/api/applications/{application.Code}?idNumber={Hoa}";
        Assert.Equal("new", (await JsonAsync(await anonymous.GetAsync(path), HttpStatusCode.OK)).GetProperty("status").GetString());

        // A change that bypasses the journal is not seen while the status is kept: the answer comes from the cache…
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStop.Web.Shared.Persistence.OneStopDbContext>();
            await db.Set<OneStop.Web.Applications.Model.Application>().Where(a => a.Code == application.Code)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.ProcedureName, "Đổi ngoài nhật ký"));
        }

        var kept = await JsonAsync(await anonymous.GetAsync(path), HttpStatusCode.OK);
        Assert.NotEqual("Đổi ngoài nhật ký", kept.GetProperty("procedureName").GetString());

        // …and the cached entry answers a wrong ID number exactly as the database does.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/applications/{application.Code}?idNumber={Khanh}")).StatusCode);

        // A step recorded by the journal is seen at once.
        await StepAsync(app.Services, application.Code, "receive", "received");
        var received = await JsonAsync(await anonymous.GetAsync(path), HttpStatusCode.OK);
        Assert.Equal("received", received.GetProperty("status").GetString());
        Assert.Equal("Đổi ngoài nhật ký", received.GetProperty("procedureName").GetString());
    }

    [Fact]
    public async Task Look_ups_made_together_share_queries_and_each_gets_its_own_answer()
    {
        var hoas = await SubmitAsync(app.Services, Hoa);
        var khanhs = await SubmitAsync(app.Services, Khanh);
        await StepAsync(app.Services, khanhs.Code, "receive", "received");
        // The appointment may be absent (the column is nullable): a null must read back as null.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OneStop.Web.Shared.Persistence.OneStopDbContext>().Set<OneStop.Web.Applications.Model.Application>()
                .Where(a => a.Code == hoas.Code).ExecuteUpdateAsync(set => set.SetProperty(a => a.AppointmentAt, (DateTimeOffset?)null));
        }

        // The query a batch runs, on this run's database: several codes at once, an unknown one simply absent,
        // every column as EF Core reads it (on PostgreSQL the query is hand-written, ADR 0076).
        var rows = app.Services.GetRequiredService<ApplicationStatusRows>().Read([hoas.Code, khanhs.Code, "00004-000101-9999"]);
        var stored = await ReadAsync(app.Services, db => db.Applications.AsNoTracking()
            .Where(a => a.Code == hoas.Code || a.Code == khanhs.Code)
            .Select(a => new ApplicationStatusRow(a.Code, a.ApplicantIdNumber, a.ProcedureCode, a.ProcedureName, a.UnitCode, a.Status, a.SubmittedAt, a.AppointmentAt))
            .ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Null(stored.Single(r => r.Code == hoas.Code).AppointmentAt);
        Assert.NotNull(stored.Single(r => r.Code == khanhs.Code).AppointmentAt);
        Assert.Equal(ApplicationStatus.Received, stored.Single(r => r.Code == khanhs.Code).Status);
        Assert.Equal(stored.OrderBy(r => r.Code, StringComparer.Ordinal), rows.OrderBy(r => r.Code, StringComparer.Ordinal));
        Assert.Equal(new[] { Hoa, Khanh }.Order(StringComparer.Ordinal), rows.Select(r => r.ApplicantIdNumber).Order(StringComparer.Ordinal));

        // Many at once through the API, first look-ups and wrong ID numbers mixed: each answer is its own.
        var anonymous = app.CreateClient();
        var asked = Enumerable.Range(0, 30).Select(i => (i % 3) switch
        {
            0 => (Path: $"/api/applications/{hoas.Code}?idNumber={Hoa}", Expected: HttpStatusCode.OK, Code: hoas.Code),
            1 => (Path: $"/api/applications/{khanhs.Code}?idNumber={Khanh}", Expected: HttpStatusCode.OK, Code: khanhs.Code),
            _ => (Path: $"/api/applications/{khanhs.Code}?idNumber={Hoa}", Expected: HttpStatusCode.NotFound, Code: khanhs.Code),
        }).ToList();
        var answers = await Task.WhenAll(asked.Select(async ask =>
        {
            var response = await anonymous.GetAsync(ask.Path);
            return (ask, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        Assert.All(answers, answer =>
        {
            Assert.Equal(answer.ask.Expected, answer.StatusCode);
            if (answer.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(answer.ask.Code, JsonDocument.Parse(answer.Body).RootElement.GetProperty("code").GetString());
            }
        });

        // An operator sees how many look-ups each query answered and how many statuses are kept.
        var metrics = await (await anonymous.GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.Contains("onestop_applications_status_lookup_batch_size_count", metrics, StringComparison.Ordinal);
        Assert.Contains("onestop_applications_status_cache_entries", metrics, StringComparison.Ordinal);

        // The gauge's value is read from this host's own meter: every test host in this process has a meter named
        // "OneStop", and each host's exporter listens to all of them by name, so the exported value may be another
        // host's (production runs one host per process).
        Assert.True(KeptStatusesObserved(app.Services) > 0, "the status cache gauge of this host shows no kept status");
    }

    private static long KeptStatusesObserved(IServiceProvider services)
    {
        var ownMeters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        long observed = -1;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, listening) =>
            {
                if (instrument.Name == ApplicationStatusCache.EntriesInstrument && ReferenceEquals(instrument.Meter.Scope, ownMeters))
                {
                    listening.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => observed = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return observed;
    }

    [Fact]
    public async Task A_supplement_through_the_API_is_checked_recorded_once_per_key_and_refused_for_another_citizen()
    {
        var application = await SubmitAsync(app.Services, An);
        await StepAsync(app.Services, application.Code, "request-supplement", "supplement-requested", "Bổ sung ảnh chụp giấy tờ", stopsClock: true);
        var owner = await app.SignInCitizenAsync(An);
        var path = $"/api/applications/{application.Code}/supplement";
        var good = new { note = "Ảnh chụp kèm theo", files = new[] { new { documentKey = "supplement", fileName = "anh.png", contentBase64 = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]) } } };

        var noKey = await JsonAsync(await owner.SendAsync(Post(path, good, null)), HttpStatusCode.UnprocessableEntity);
        Assert.True(noKey.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        var badFile = new { note = "x", files = new[] { new { documentKey = "supplement", fileName = "a.exe", contentBase64 = Convert.ToBase64String("MZ"u8.ToArray()) } } };
        var refused = await JsonAsync(await owner.SendAsync(Post(path, badFile, "k-bad")), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not a PDF, JPEG or PNG", refused.GetProperty("errors").GetProperty("files[0]")[0].GetString(), StringComparison.Ordinal);
        var notBase64 = await JsonAsync(await owner.SendAsync(Post(path, new { files = new[] { new { fileName = "a.pdf", contentBase64 = "***" } } }, "k-b64")), HttpStatusCode.UnprocessableEntity);
        Assert.True(notBase64.GetProperty("errors").TryGetProperty("files[0].contentBase64", out _));
        Assert.Equal(0, await ReadAsync(app.Services, db => db.ApplicationAttachments.CountAsync(a => a.ApplicationId == application.Id)));

        var stranger = await app.SignInCitizenAsync(Binh);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendAsync(Post(path, good, "k-stranger"))).StatusCode);

        var key = Guid.NewGuid().ToString();
        var first = await JsonAsync(await owner.SendAsync(Post(path, good, key)), HttpStatusCode.OK);
        Assert.Equal("recorded", first.GetProperty("outcome").GetString());
        Assert.Equal("new", first.GetProperty("status").GetString());
        var second = await JsonAsync(await owner.SendAsync(Post(path, good, key)), HttpStatusCode.OK);
        Assert.Equal("already-recorded", second.GetProperty("outcome").GetString());
        Assert.Equal(1, await ReadAsync(app.Services, db => db.ApplicationAttachments.CountAsync(a => a.ApplicationId == application.Id)));
        Assert.Equal(3, await ReadAsync(app.Services, db => db.ApplicationEvents.CountAsync(e => e.ApplicationId == application.Id)));

        // No longer waiting for documents: a new key is refused as a conflict with the state.
        var late = await JsonAsync(await owner.SendAsync(Post(path, good, Guid.NewGuid().ToString())), HttpStatusCode.Conflict);
        Assert.Contains("supplement-requested", late.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawal_request_through_the_API_is_recorded_when_the_workflow_allows_it()
    {
        var application = await SubmitAsync(app.Services, Dung);
        var owner = await app.SignInCitizenAsync(Dung);
        var path = $"/api/applications/{application.Code}/withdrawal-request";

        var noReason = await JsonAsync(await owner.SendAsync(Post(path, new { reason = "" }, "w-0")), HttpStatusCode.UnprocessableEntity);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));

        var done = await JsonAsync(await owner.SendAsync(Post(path, new { reason = "Nộp nhầm thủ tục" }, "w-1")), HttpStatusCode.OK);
        Assert.Equal("recorded", done.GetProperty("outcome").GetString());
        Assert.Equal("stopped", done.GetProperty("status").GetString());
        Assert.Equal("already-recorded", (await JsonAsync(await owner.SendAsync(Post(path, new { reason = "Nộp nhầm thủ tục" }, "w-1")), HttpStatusCode.OK)).GetProperty("outcome").GetString());
        await JsonAsync(await owner.SendAsync(Post(path, new { reason = "Lần nữa" }, "w-2")), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInCitizenAsync(Lan)).SendAsync(Post(path, new { reason = "x" }, "w-3"))).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_follow_up_endpoints_under_their_tag()
    {
        var document = await JsonAsync(await app.CreateClient().GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        foreach (var (path, method, operationId) in new[]
        {
            ("/api/applications/{code}", "get", "GetApplicationStatus"),
            ("/api/me/applications", "get", "MyApplications"),
            ("/api/applications/{code}/supplement", "post", "SupplyMissingDocuments"),
            ("/api/applications/{code}/withdrawal-request", "post", "RequestWithdrawal"),
            ("/api/applications/{code}/results/{id}", "get", "DownloadMyApplicationResult"),
        })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
            Assert.Equal("Applications", operation.GetProperty("tags")[0].GetString());
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        }
    }

    [Fact]
    public async Task The_signed_result_downloads_through_the_API_for_its_owner_only()
    {
        var application = await SubmitAsync(app.Services, Lan);
        var (issued, pdf) = await SigningScenario.IssueAsync(app.Services, application.Code);
        var owner = await app.SignInCitizenAsync(Lan);

        var full = await JsonAsync(await owner.GetAsync($"/api/applications/{application.Code}"), HttpStatusCode.OK);
        var download = full.GetProperty("results")[0].GetProperty("download").GetString()!;
        Assert.Equal($"/api/applications/{application.Code}/results/{issued.Id}", download);
        Assert.Equal(pdf, await owner.GetByteArrayAsync(download));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInCitizenAsync(Khanh)).GetAsync(download)).StatusCode);
    }
}

/// <summary>A host whose public look-up limit is tiny, to see it bite.</summary>
public sealed class LookupLimitedAppFactory : TrackingAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("RateLimiting:PublicLookup:PermitLimit", "2"), new("RateLimiting:PublicLookup:WindowSeconds", "3600")];
}

public sealed class LookupRateLimitTests(LookupLimitedAppFactory app) : IClassFixture<LookupLimitedAppFactory>
{
    [Fact]
    public async Task Anonymous_lookups_past_the_limit_get_429_while_the_lookup_form_itself_stays_open()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/applications/00004-990101-0001?idNumber=033085001234")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/applications/00004-990101-0002?idNumber=033085001234")).StatusCode);
        var limited = await client.GetAsync("/api/applications/00004-990101-0003?idNumber=033085001234");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/applications/lookup")).StatusCode);
    }
}
