using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneStop.IntegrationTests.Infrastructure;

namespace OneStop.IntegrationTests.Catalog;

/// <summary>The public catalogue API on the shipped procedures, through the real host.</summary>
public sealed class CatalogApiTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ProblemAsync(string path, HttpStatusCode status)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Codes(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!)];

    [Fact]
    public async Task The_whole_catalogue_is_listed_with_paging_information()
    {
        var list = await GetJsonAsync("/api/procedures");

        Assert.Equal(8, list.GetProperty("total").GetInt32());
        Assert.Equal(1, list.GetProperty("page").GetInt32());
        Assert.Equal(20, list.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, list.GetProperty("pageCount").GetInt32());
        Assert.Equal(8, Codes(list).Length);
        var first = list.GetProperty("items")[0];
        Assert.True(first.GetProperty("name").TryGetProperty("en", out _));
        Assert.Equal(JsonValueKind.String, first.GetProperty("level").ValueKind);
        Assert.False(first.GetProperty("name").TryGetProperty("current", out _));
    }

    [Theory]
    [InlineData("dang ky khai sinh")]
    [InlineData("đăng ký khai sinh")]
    [InlineData("ĐĂNG KÝ KHAI SINH")]
    [InlineData("khai sinh")]
    [InlineData("giay khai sinh")]
    [InlineData("birth registration")]
    [InlineData("1.001193")]
    public async Task Birth_registration_is_found_however_it_is_typed(string query)
    {
        var list = await GetJsonAsync("/api/procedures?q=" + Uri.EscapeDataString(query));

        Assert.Equal("1.001193", Codes(list)[0]);
    }

    [Fact]
    public async Task Decomposed_text_and_misplaced_tone_marks_still_find_the_procedure()
    {
        // "họat động" puts the tone on the o (old style), decomposed as some phones send it.
        var query = "họat động xây dựng".Normalize(NormalizationForm.FormD);

        var list = await GetJsonAsync("/api/procedures?q=" + Uri.EscapeDataString(query));

        Assert.Equal(["1.013225"], Codes(list));
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        var list = await GetJsonAsync("/api/procedures?q=" + Uri.EscapeDataString("khai tử"));
        Assert.Equal(["1.000656"], Codes(list));

        var none = await GetJsonAsync("/api/procedures?q=" + Uri.EscapeDataString("khai sinh xây dựng"));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_query_shared_by_several_procedures_lists_the_best_name_match_first()
    {
        var list = await GetJsonAsync("/api/procedures?q=" + Uri.EscapeDataString("đăng ký kết hôn"));

        Assert.Equal("1.000894", Codes(list)[0]);
    }

    [Fact]
    public async Task Field_and_level_filter_the_catalogue()
    {
        var civilStatus = await GetJsonAsync("/api/procedures?field=civil-status");
        Assert.Equal(["1.000656", "1.000894", "1.001193"], Codes(civilStatus).Order(StringComparer.Ordinal));

        var province = await GetJsonAsync("/api/procedures?level=province");
        Assert.Equal(["3.000333"], Codes(province));

        var commune = await GetJsonAsync("/api/procedures?level=commune&field=civil-status&q=khai");
        Assert.Equal(["1.000656", "1.001193"], Codes(commune).Order(StringComparer.Ordinal));

        var unknownField = await GetJsonAsync("/api/procedures?field=no-such-field");
        Assert.Equal(0, unknownField.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Pages_split_the_list_without_losing_or_repeating_a_procedure()
    {
        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var list = await GetJsonAsync($"/api/procedures?pageSize=3&page={page}");
            Assert.Equal(3, list.GetProperty("pageCount").GetInt32());
            pages.AddRange(Codes(list));
        }

        Assert.Equal(8, pages.Distinct().Count());
        Assert.Empty(Codes(await GetJsonAsync("/api/procedures?pageSize=3&page=4")));
    }

    [Theory]
    [InlineData("/api/procedures?page=0", "page")]
    [InlineData("/api/procedures?page=abc", "page")]
    [InlineData("/api/procedures?pageSize=0", "pageSize")]
    [InlineData("/api/procedures?pageSize=101", "pageSize")]
    [InlineData("/api/procedures?level=district", "level")]
    public async Task Bad_search_parameters_get_a_validation_problem(string path, string parameter)
    {
        var problem = await ProblemAsync(path, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages));
        Assert.NotEmpty(messages[0].GetString()!);
    }

    [Fact]
    public async Task A_procedure_comes_with_its_form_workflow_fees_and_documents()
    {
        var procedure = await GetJsonAsync("/api/procedures/1.004222");

        Assert.Equal("1.004222", procedure.GetProperty("code").GetString());
        Assert.Equal(1, procedure.GetProperty("version").GetInt32());
        Assert.Equal(1, procedure.GetProperty("currentVersion").GetInt32());
        Assert.Equal(64, procedure.GetProperty("contentHash").GetString()!.Length);
        var definition = procedure.GetProperty("definition");
        Assert.Equal("working-days", definition.GetProperty("processingTime").GetProperty("unit").GetString());
        Assert.Equal(7, definition.GetProperty("processingTime").GetProperty("amount").GetInt32());
        var amounts = definition.GetProperty("fees")[0].GetProperty("amounts");
        Assert.Equal([20000L, 10000L], amounts.EnumerateArray().Select(a => a.GetProperty("amount").GetInt64()));
        Assert.Equal("in-person", amounts[0].GetProperty("channel").GetString());
        Assert.NotEmpty(definition.GetProperty("form").GetProperty("pages").EnumerateArray());
        Assert.False(definition.GetProperty("form").TryGetProperty("allFields", out _));
        Assert.Equal("submitted", definition.GetProperty("workflow").GetProperty("initialState").GetString());
        Assert.Contains(definition.GetProperty("documents").EnumerateArray(), d => d.TryGetProperty("replacedBy", out _));
    }

    [Fact]
    public async Task An_unknown_procedure_is_a_404_with_a_detail()
    {
        var problem = await ProblemAsync("/api/procedures/9.999999", HttpStatusCode.NotFound);
        Assert.Contains("9.999999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await ProblemAsync("/api/procedures/9.999999/versions", HttpStatusCode.NotFound);
        await ProblemAsync("/api/procedures/9.999999/versions/1", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_code_or_version_is_a_400_saying_what_is_expected()
    {
        var code = await ProblemAsync("/api/procedures/birth", HttpStatusCode.BadRequest);
        Assert.Contains("1.001193", code.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var version = await ProblemAsync("/api/procedures/1.001193/versions/0", HttpStatusCode.BadRequest);
        Assert.Contains("whole numbers from 1", version.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versions_are_listed_and_each_can_be_fetched()
    {
        var versions = await GetJsonAsync("/api/procedures/2.000815/versions");
        var only = Assert.Single(versions.EnumerateArray());
        Assert.True(only.GetProperty("isCurrent").GetBoolean());
        Assert.StartsWith("file:2.000815", only.GetProperty("source").GetString(), StringComparison.Ordinal);

        var first = await GetJsonAsync("/api/procedures/2.000815/versions/1");
        Assert.Equal(only.GetProperty("contentHash").GetString(), first.GetProperty("contentHash").GetString());

        var missing = await ProblemAsync("/api/procedures/2.000815/versions/7", HttpStatusCode.NotFound);
        Assert.Contains("has no version 7", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fields_are_listed_with_their_counts()
    {
        var fields = await GetJsonAsync("/api/procedures/fields");

        var civilStatus = fields.EnumerateArray().Single(f => f.GetProperty("key").GetString() == "civil-status");
        Assert.Equal(3, civilStatus.GetProperty("procedureCount").GetInt32());
        Assert.Equal("Hộ tịch", civilStatus.GetProperty("name").GetProperty("vi").GetString());
        Assert.Equal(8, fields.EnumerateArray().Sum(f => f.GetProperty("procedureCount").GetInt32()));
    }

    [Fact]
    public async Task The_schema_is_served()
    {
        var response = await _client.GetAsync("/api/procedures/schema");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        using var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("OneStop procedure definition", schema.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Every_catalogue_operation_is_in_the_OpenAPI_document_with_a_summary()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        foreach (var (path, method) in new[]
        {
            ("/api/procedures", "get"), ("/api/procedures/fields", "get"), ("/api/procedures/schema", "get"),
            ("/api/procedures/{code}", "get"), ("/api/procedures/{code}/versions", "get"),
            ("/api/procedures/{code}/versions/{version}", "get"), ("/api/procedures/import", "post"),
        })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
        }
    }

    [Fact]
    public async Task Importing_needs_a_signed_in_province_administrator()
    {
        using var yaml = new StringContent("code: \"9.000001\"\n", Encoding.UTF8, "application/yaml");
        var response = await _client.PostAsync("/api/procedures/import", yaml);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var list = await GetJsonAsync("/api/procedures");
        Assert.Equal(8, list.GetProperty("total").GetInt32());
    }
}
