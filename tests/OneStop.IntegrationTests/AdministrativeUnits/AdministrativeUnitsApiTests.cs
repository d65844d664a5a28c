using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.IntegrationTests.Infrastructure;

namespace OneStop.IntegrationTests.AdministrativeUnits;

[Collection(UnitsHost.Name)]
public sealed class AdministrativeUnitsApiTests(OneStopAppFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("2025-06-30", 63, "2025-03-01")]
    [InlineData("2025-07-01", 34, "2025-07-01")]
    [InlineData("2026-04-30", 34, "2026-04-30")]
    public async Task Provinces_are_those_in_force_on_the_date(string at, int count, string set)
    {
        var body = await GetJson($"/api/units/provinces?at={at}");
        Assert.Equal(count, body.GetProperty("provinces").GetArrayLength());
        Assert.Equal(set, body.GetProperty("unitSet").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Provinces_default_to_today_and_tell_what_they_were_formed_from()
    {
        var body = await GetJson("/api/units/provinces");
        Assert.Equal(34, body.GetProperty("provinces").GetArrayLength());
        var tuyenQuang = body.GetProperty("provinces").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "08");
        Assert.Equal(["02", "08"], tuyenQuang.GetProperty("formedFrom").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        Assert.Equal(124, tuyenQuang.GetProperty("communes").GetInt32());
        var dongNai = body.GetProperty("provinces").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "75");
        Assert.Equal("municipality", dongNai.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_new_unit_tells_what_it_was_formed_from()
    {
        var body = await GetJson("/api/units/00004?at=2025-07-01");
        Assert.Equal("Phường Ba Đình", body.GetProperty("fullName").GetString());
        Assert.Equal("in-force", body.GetProperty("status").GetString());
        Assert.Equal("01", body.GetProperty("parent").GetProperty("code").GetString());
        var formedFrom = body.GetProperty("formedFrom").EnumerateArray()
            .ToDictionary(f => f.GetProperty("code").GetString()!, f => f.GetProperty("succession").GetString());
        Assert.Equal("full", formedFrom["00004"]);
        Assert.Equal("full", formedFrom["00013"]);
        Assert.Equal("partial", formedFrom["00016"]);
        Assert.Contains(body.GetProperty("otherUnitsWithThisCode").EnumerateArray(), u => u.GetProperty("fullName").GetString() == "Phường Trúc Bạch");
    }

    [Fact]
    public async Task The_date_decides_which_unit_a_code_means()
    {
        var before = await GetJson("/api/units/00004?at=2025-06-30");
        Assert.Equal("Phường Trúc Bạch", before.GetProperty("fullName").GetString());
        Assert.Equal("001", before.GetProperty("district").GetProperty("code").GetString());
        Assert.Equal("in-force", before.GetProperty("status").GetString());
        Assert.Equal("00004", before.GetProperty("successors")[0].GetProperty("code").GetString());
        Assert.Equal("full", before.GetProperty("successors")[0].GetProperty("succession").GetString());
    }

    [Fact]
    public async Task A_unit_that_no_longer_exists_lists_its_successors()
    {
        var body = await GetJson("/api/units/00007?at=2026-05-01");
        Assert.Equal("Phường Cống Vị", body.GetProperty("fullName").GetString());
        Assert.Equal("no-longer-exists", body.GetProperty("status").GetString());
        Assert.Equal(
            [("00008", "partial", "2026-04-30"), ("00025", "partial", "2026-04-30")],
            body.GetProperty("successors").EnumerateArray().Select(s => (s.GetProperty("code").GetString(), s.GetProperty("succession").GetString(), s.GetProperty("unitSet").GetString())));
    }

    [Fact]
    public async Task The_corrected_codes_are_the_codes_of_the_new_communes()
    {
        var baChe = await GetJson("/api/units/06978?at=2026-05-01");
        Assert.Equal("Xã Ba Chẽ", baChe.GetProperty("fullName").GetString());
        Assert.Contains(baChe.GetProperty("formedFrom").EnumerateArray(), f => f.GetProperty("code").GetString() == "06970");
        var oldBaChe = await GetJson("/api/units/06970?at=2026-05-01");
        Assert.Equal("Thị trấn Ba Chẽ", oldBaChe.GetProperty("fullName").GetString());
        Assert.Equal("06978", oldBaChe.GetProperty("successors")[0].GetProperty("code").GetString());
        var iaMo = await GetJson("/api/units/23938?at=2026-05-01");
        Assert.Equal("Xã Ia Mơ", iaMo.GetProperty("fullName").GetString());
    }

    [Theory]
    [InlineData("Yên Hòa")]
    [InlineData("Yên Hoà")]
    [InlineData("yen hoa")]
    public async Task Search_finds_the_ward_whatever_the_tone_marks(string q)
    {
        var body = await GetJson($"/api/units/search?q={Uri.EscapeDataString(q)}&at=2026-05-01&limit=5");
        var first = body.GetProperty("results")[0];
        Assert.Equal("00175", first.GetProperty("code").GetString());
        Assert.Equal("Phường Yên Hoà, Thành phố Hà Nội", first.GetProperty("qualifiedName").GetString());
        Assert.Equal("exact", first.GetProperty("match").GetString());
        Assert.True(first.GetProperty("inForce").GetBoolean());
        Assert.Equal(5, body.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Search_in_a_decomposed_query_finds_the_same_ward()
    {
        var q = "Phường Yên Hòa".Normalize(System.Text.NormalizationForm.FormD);
        var body = await GetJson($"/api/units/search?q={Uri.EscapeDataString(q)}&at=2026-05-01");
        Assert.Equal("00175", body.GetProperty("results")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Converting_a_ward_merged_whole_answers_one_new_ward()
    {
        var body = await GetJson($"/api/units/convert?province={Q("Hà Nội")}&district={Q("Ba Đình")}&commune={Q("Trúc Bạch")}&at=2026-05-01");
        Assert.Equal("commune", body.GetProperty("outcome").GetString());
        Assert.False(body.GetProperty("moreDetailNeeded").GetBoolean());
        Assert.Equal("00004", body.GetProperty("communes")[0].GetProperty("code").GetString());
        Assert.Equal("full", body.GetProperty("communes")[0].GetProperty("succession").GetString());
        Assert.Equal("01", body.GetProperty("province").GetProperty("code").GetString());
        Assert.Equal("Phường Trúc Bạch", body.GetProperty("old").GetProperty("commune").GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task Converting_by_codes_and_without_diacritics_gives_the_same_answer()
    {
        var byCode = await GetJson("/api/units/convert?commune=00004&at=2026-05-01");
        var byText = await GetJson("/api/units/convert?province=ha%20noi&district=ba%20dinh&commune=truc%20bach&at=2026-05-01");
        Assert.Equal(byCode.GetProperty("communes").GetRawText(), byText.GetProperty("communes").GetRawText());
    }

    [Fact]
    public async Task Converting_a_split_commune_lists_every_candidate_and_asks_for_more_detail()
    {
        var body = await GetJson($"/api/units/convert?province=01&district=001&commune={Q("Cống Vị")}");
        Assert.Equal("split", body.GetProperty("outcome").GetString());
        Assert.True(body.GetProperty("moreDetailNeeded").GetBoolean());
        Assert.Contains("More detail", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            [("00008", "partial"), ("00025", "partial")],
            body.GetProperty("communes").EnumerateArray().Select(c => (c.GetProperty("code").GetString(), c.GetProperty("succession").GetString())));
    }

    [Fact]
    public async Task Converting_the_corrected_codes()
    {
        var baChe = await GetJson($"/api/units/convert?province={Q("Quảng Ninh")}&commune={Q("Thị trấn Ba Chẽ")}");
        Assert.Equal("06978", baChe.GetProperty("communes")[0].GetProperty("code").GetString());
        var iaMo = await GetJson($"/api/units/convert?province=Gia%20Lai&district={Q("Chư Prông")}&commune={Q("Ia Mơ")}");
        Assert.Equal("23938", iaMo.GetProperty("communes")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_commune_name_found_in_several_districts_is_refused_with_its_candidates()
    {
        var response = await _client.GetAsync($"/api/units/convert?province={Q("Hà Nội")}&commune={Q("Đông Xuân")}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ReadProblem(response);
        Assert.Equal("commune", problem.GetProperty("field").GetString());
        Assert.Equal(["00436", "04939"], problem.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Contains("Give the district", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("province=Atlantis", "province")]
    [InlineData("province=01&commune=Kh%C3%B4ng%20C%C3%B3", "commune")]
    [InlineData("district=999", "district")]
    [InlineData("commune=99999", "commune")]
    public async Task An_unknown_part_is_not_found_and_named(string query, string field)
    {
        var response = await _client.GetAsync("/api/units/convert?" + query);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ReadProblem(response);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_commune_outside_the_given_district_is_refused()
    {
        var response = await _client.GetAsync($"/api/units/convert?district={Q("Hoàn Kiếm")}&commune={Q("Trúc Bạch")}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ReadProblem(response);
        Assert.Contains("Quận Hoàn Kiếm", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/units/provinces?at=2025-13-01", "at")]
    [InlineData("/api/units/provinces?at=yesterday", "at")]
    [InlineData("/api/units/provinces?at=", "at")]
    [InlineData("/api/units/00004?at=01/07/2025", "at")]
    [InlineData("/api/units/abc", "code")]
    [InlineData("/api/units/0004", "code")]
    [InlineData("/api/units/search", "q")]
    [InlineData("/api/units/search?q=%20%20", "q")]
    [InlineData("/api/units/search?q=%3F%3F", "q")]
    [InlineData("/api/units/search?q=ba&limit=0", "limit")]
    [InlineData("/api/units/search?q=ba&limit=101", "limit")]
    [InlineData("/api/units/search?q=ba&limit=ten", "limit")]
    [InlineData("/api/units/search?q=ba&at=2025-02-30", "at")]
    [InlineData("/api/units/convert", "commune")]
    [InlineData("/api/units/convert?province=&district=&commune=", "commune")]
    [InlineData("/api/units/convert?commune=00004&at=2025-06-30", "at")]
    [InlineData("/api/units/convert?commune=00004&at=bad", "at")]
    [InlineData("/api/units/provinces?at=10000-01-01", "at")]
    [InlineData("/api/units/provinces?at=0000-01-01", "at")]
    public async Task Bad_input_gets_a_problem_that_names_the_parameter(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadProblem(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.GetRawText());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task A_too_long_search_or_address_is_refused()
    {
        var text = new string('a', 101);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/units/search?q={text}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/units/convert?commune={text}")).StatusCode);
    }

    [Theory]
    [InlineData("/api/units/provinces?at=0001-01-01", "0001-01-01")]
    [InlineData("/api/units/provinces?at=2025-02-28", "2025-02-28")]
    [InlineData("/api/units/00004?at=2024-12-31", "2024-12-31")]
    [InlineData("/api/units/search?q=ba&at=1990-01-01", "1990-01-01")]
    public async Task A_date_before_the_earliest_list_is_not_found_and_names_the_earliest_date(string url, string at)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ReadProblem(response);
        Assert.Equal("No list of administrative units for this date", problem.GetProperty("title").GetString());
        Assert.Contains($"in force on {at}: its earliest list is that of 2025-03-01", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("2025-03-01", problem.GetProperty("earliestDate").GetString());
    }

    [Theory]
    [InlineData("2025-03-01", "2025-03-01")]
    [InlineData("9999-12-31", "2026-04-30")]
    public async Task The_earliest_date_and_any_date_to_come_are_answered(string at, string set)
    {
        var body = await GetJson($"/api/units/provinces?at={at}");
        Assert.Equal(set, body.GetProperty("unitSet").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_code_is_not_found()
    {
        var response = await _client.GetAsync("/api/units/99999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ReadProblem(response);
        Assert.Contains("99999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_is_described_in_the_OpenAPI_document()
    {
        var document = await GetJson("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/units/provinces", "/api/units/search", "/api/units/convert", "/api/units/{code}" })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()), path);
        }

        var convert = paths.GetProperty("/api/units/convert").GetProperty("get");
        Assert.True(convert.GetProperty("responses").TryGetProperty("422", out _));
        Assert.Contains(convert.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "commune");
    }

    private static string Q(string text) => Uri.EscapeDataString(text);

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> ReadProblem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
