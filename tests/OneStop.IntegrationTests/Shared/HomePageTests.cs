using System.Net;
using System.Text.RegularExpressions;
using OneStop.IntegrationTests.Identity;

namespace OneStop.IntegrationTests.Shared;

/// <summary>The front page leads to what people come for, and the navigation says where they are.</summary>
public sealed class HomePageTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task The_home_page_searches_the_catalogue_and_leads_a_visitor_to_applying_and_tracking()
    {
        var client = app.CreateClient();
        var home = await client.GetStringAsync("/");

        Assert.Contains("<form method=\"get\" action=\"/procedures\" role=\"search\"", home, StringComparison.Ordinal);
        Assert.Contains("name=\"q\"", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/applications/lookup\">Tra cứu hồ sơ</a></h3>", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/my-applications\">Hồ sơ của tôi</a></h3>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"/workspace\">", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\" aria-current=\"page\">", home, StringComparison.Ordinal);

        // The home page's search is the catalogue's: without tone marks it finds the birth registration.
        var results = await client.GetStringAsync("/procedures?q=khai+sinh");
        Assert.Contains("/procedures/1.001193\"", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_english_home_page_marks_its_vietnamese_search_examples_as_vietnamese_and_the_vietnamese_page_adds_nothing()
    {
        var client = app.CreateClient();
        var vietnamese = await client.GetStringAsync("/");
        Assert.Contains("<span class=\"hint\" id=\"home-q-hint\">Gõ có dấu hoặc không dấu, ví dụ: khai sinh, đăng ký kết hôn, hộ kinh doanh.</span>", vietnamese, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/language/en?returnUrl=%2F")).StatusCode);
        var english = await client.GetStringAsync("/");
        Assert.Contains(
            "e.g. <span lang=\"vi\">khai sinh</span> (birth), <span lang=\"vi\">đăng ký kết hôn</span> (marriage), <span lang=\"vi\">hộ kinh doanh</span> (household business).",
            english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_writes_the_reorganisation_date_as_dd_MM_yyyy()
    {
        var home = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("từ ngày 01/07/2025, cùng", home, StringComparison.Ordinal);
        Assert.Contains("trước ngày 01/07/2025 để", home, StringComparison.Ordinal);
        Assert.DoesNotContain("01/7/2025", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_is_led_to_the_workspace_instead_of_a_citizens_applications()
    {
        var officer = await app.SignInOfficerAsync("chuyenvien.badinh@onestop.example");
        var home = await officer.GetStringAsync("/");

        Assert.Contains("<a href=\"/workspace\">Hồ sơ cần xử lý</a></h3>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"/my-applications\">", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/units/convert", "/units/convert", "page")]
    [InlineData("/units/79", "/units", "true")]
    [InlineData("/procedures/1.001193", "/procedures", "true")]
    [InlineData("/calendar", "/calendar", "page")]
    public async Task The_navigation_marks_the_section_the_page_is_in(string address, string section, string current)
    {
        var response = await app.CreateClient().GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        // The wide list (the narrow screens' "Danh mục" repeats it).
        var start = html.IndexOf("<ul class=\"nav-wide\">", StringComparison.Ordinal);
        var navigation = html[start..html.IndexOf("</ul>", start, StringComparison.Ordinal)];
        Assert.Contains($"<a href=\"{section}\" aria-current=\"{current}\">", navigation, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(navigation, "aria-current="));
    }
}
