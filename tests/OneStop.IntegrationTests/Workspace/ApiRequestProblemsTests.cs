using System.Net;
using System.Net.Http.Headers;
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
