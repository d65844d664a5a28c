using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneStop.IntegrationTests.Applications;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>A body the API cannot read, or sent as something else than JSON, is refused in words that name what to correct.</summary>
public sealed class ApiRequestProblemsTests(WorkspaceAppFactory app) : IClassFixture<WorkspaceAppFactory>
{
    [Theory]
    [InlineData("{bad", "body")]
    [InlineData("[]", "body")]
    [InlineData("{\"revision\":\"abc\"}", "revision")]
    [InlineData("{\"revision\":99999999999}", "revision")]
    [InlineData("{\"note\":5}", "note")]
    public async Task A_body_that_cannot_be_read_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033090005678", "Lê Văn Dũng");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);

        var response = await SendAsync(receptionist, application.Code, body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("The request body is not valid", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal("submitted", (await app.ApplicationAsync(application.Code)).State);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task A_body_in_another_content_type_is_a_415_not_a_404(string contentType)
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033090005678", "Lê Văn Dũng");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);

        var response = await SendAsync(receptionist, application.Code, "{}", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("submitted", (await app.ApplicationAsync(application.Code)).State);
    }

    [Fact]
    public async Task A_known_address_with_another_method_is_a_405_and_an_unknown_one_a_404()
    {
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);

        var wrongMethod = await receptionist.DeleteAsync("/api/workspace/applications");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Contains("GET", wrongMethod.Content.Headers.Allow);

        var unknown = await receptionist.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_idempotency_key_longer_than_the_journal_keeps_is_a_400_and_the_longest_allowed_one_is_recorded()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033090005678", "Lê Văn Dũng");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);

        var tooLong = await WorkspaceAppFactory.PostActionAsync(receptionist, application.Code, "receive", key: new string('k', 100));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Idempotency-Key", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("submitted", (await app.ApplicationAsync(application.Code)).State);

        var longest = new string('k', 96);
        var first = await WorkspaceAppFactory.ActAsync(receptionist, application.Code, "receive", key: longest);
        var again = await WorkspaceAppFactory.ActAsync(receptionist, application.Code, "receive", key: longest);
        Assert.Equal("done", first.GetProperty("outcome").GetString());
        Assert.Equal("already-done", again.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("unit=abc", "unit", "The unit is malformed", "'abc' is not a unit code")]
    [InlineData("unit=0004", "unit", "The unit is malformed", "'0004' is not a unit code")]
    [InlineData("unit=33", "unit", "The unit is malformed", "narrow to the province with province=33")]
    [InlineData("province=abc", "province", "The province is malformed", "'abc' is not a province code")]
    [InlineData("province=1", "province", "The province is malformed", "'1' is not a province code")]
    [InlineData("province=001", "province", "The province is malformed", "'001' is not a province code")]
    [InlineData("queue=someday", "queue", "The queue is unknown", "Unknown queue 'someday'")]
    [InlineData("page=0", "page", "The page is out of range", "Pages are numbered from 1")]
    public async Task A_queue_asked_for_with_an_ill_formed_parameter_is_a_400_whose_title_says_what_was_wrong(string query, string parameter, string title, string message)
    {
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);

        var response = await receptionist.GetAsync("/api/workspace/applications?" + query);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(message, Assert.Single(problem.GetProperty("errors").GetProperty(parameter).EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_unit_outside_the_jurisdiction_stays_a_403_and_the_page_is_not_found_for_an_ill_formed_one()
    {
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);

        Assert.Equal(HttpStatusCode.OK, (await receptionist.GetAsync($"/api/workspace/applications?unit={SampleAnswers.BaDinh}")).StatusCode);
        foreach (var unit in new[] { SampleAnswers.PhoHien, "33-CA" })
        {
            var problem = await ProblemAsync(await receptionist.GetAsync($"/api/workspace/applications?unit={unit}"), HttpStatusCode.Forbidden);
            Assert.Equal("Outside your jurisdiction", problem.GetProperty("title").GetString());
        }

        // The page treats a unit that cannot exist as it treats an unknown queue: there is no such list.
        Assert.Equal(HttpStatusCode.NotFound, (await receptionist.GetAsync("/workspace?queue=all&unit=abc")).StatusCode);
    }

    [Fact]
    public async Task An_ill_formed_province_is_a_400_and_a_well_formed_one_outside_the_jurisdiction_stays_a_403()
    {
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);

        var problem = await ProblemAsync(await receptionist.GetAsync("/api/workspace/applications?province=abc"), HttpStatusCode.BadRequest);
        Assert.Equal("The province is malformed", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("province", out _), problem.ToString());
        var outside = await ProblemAsync(await receptionist.GetAsync("/api/workspace/applications?province=33"), HttpStatusCode.Forbidden);
        Assert.Equal("Outside your jurisdiction", outside.GetProperty("title").GetString());

        // As for a unit that cannot exist, the page has no such list.
        Assert.Equal(HttpStatusCode.NotFound, (await receptionist.GetAsync("/workspace?queue=all&province=abc")).StatusCode);
    }

    [Fact]
    public async Task An_ill_formed_province_is_a_400_even_for_the_system_administrator_whom_every_province_is_open_to()
    {
        var administrator = await app.OfficerAsync(Officers.SystemAdministrator);

        // Unchecked, the province was only a filter: the administrator got an empty list of a province that cannot exist.
        var problem = await ProblemAsync(await administrator.GetAsync("/api/workspace/applications?province=abc"), HttpStatusCode.BadRequest);
        Assert.Equal("The province is malformed", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/api/workspace/applications?province=33")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await administrator.GetAsync("/workspace?queue=all&province=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/workspace?queue=all&province=33")).StatusCode);
    }

    [Fact]
    public async Task A_refused_action_is_a_400_whose_title_says_what_was_wrong_and_whose_detail_names_the_field()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033090005678", "Lê Văn Dũng");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var leader = await app.OfficerAsync(Officers.BaDinhLeader);

        var withoutKey = await ProblemAsync(await receptionist.PostAsJsonAsync($"/api/workspace/applications/{application.Code}/actions/receive", new { }), HttpStatusCode.BadRequest);
        Assert.Equal("The Idempotency-Key header is missing or too long", withoutKey.GetProperty("title").GetString());
        Assert.True(withoutKey.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), withoutKey.ToString());

        var withoutNote = await ProblemAsync(await WorkspaceAppFactory.PostActionAsync(receptionist, application.Code, "refuse"), HttpStatusCode.BadRequest);
        Assert.Equal("The note is missing or too long", withoutNote.GetProperty("title").GetString());
        Assert.Equal("Give the reason for refusing: the applicant is told it.", Assert.Single(withoutNote.GetProperty("errors").GetProperty("note").EnumerateArray()).GetString());
        Assert.Equal("'note': Give the reason for refusing: the applicant is told it.", withoutNote.GetProperty("detail").GetString());

        await WorkspaceAppFactory.ActAsync(receptionist, application.Code, "receive");
        var withoutAssignee = await ProblemAsync(await WorkspaceAppFactory.PostActionAsync(leader, application.Code, "assign"), HttpStatusCode.BadRequest);
        Assert.Equal("The assignee is not valid", withoutAssignee.GetProperty("title").GetString());
        Assert.StartsWith("'assignTo': ", withoutAssignee.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("received", (await app.ApplicationAsync(application.Code)).State);
    }

    [Fact]
    public async Task The_api_names_actions_states_and_fields_by_their_keys_where_the_page_names_them_as_the_workflow_does()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033090005679", "Lê Thị Mai");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var leader = await app.OfficerAsync(Officers.BaDinhLeader);
        var specialist = await app.OfficerIdAsync(Officers.BaDinhSpecialist);

        var withAssignee = await ProblemAsync(
            await WorkspaceAppFactory.PostActionAsync(receptionist, application.Code, "refuse", new { note = "Không đủ điều kiện.", assignTo = specialist }),
            HttpStatusCode.BadRequest);
        Assert.Equal("The assignee is not valid", withAssignee.GetProperty("title").GetString());
        const string onlyWith = "An assignee may be named only with 'receive' or 'send-back'; use the 'assign' action otherwise.";
        Assert.Equal(onlyWith, Assert.Single(withAssignee.GetProperty("errors").GetProperty("assignTo").EnumerateArray()).GetString());
        Assert.Equal("'assignTo': " + onlyWith, withAssignee.GetProperty("detail").GetString());

        var notYet = await ProblemAsync(await WorkspaceAppFactory.PostActionAsync(leader, application.Code, "approve"), HttpStatusCode.Conflict);
        Assert.StartsWith("The action 'approve' is not allowed from the state 'submitted'", notYet.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("submitted", (await app.ApplicationAsync(application.Code)).State);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient officer, string code, string body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspace/applications/{code}/actions/receive")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await officer.SendAsync(request);
    }
}
