using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Identity;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Calendar;

namespace OneStop.IntegrationTests.Calendar;

/// <summary>The signed-in host with an audit trail that remembers the settings changes reported to it.</summary>
public sealed class CalendarSettingsAppFactory : IdentityAppFactory
{
    public ConcurrentQueue<CalendarSettingsRecorded> Audited { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddScoped<ICalendarAudit>(_ => new RememberingAudit(Audited));
    }

    private sealed class RememberingAudit(ConcurrentQueue<CalendarSettingsRecorded> audited) : ICalendarAudit
    {
        public Task RecordingAsync(CalendarYearRecorded change, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecordingAsync(CalendarSettingsRecorded change, CancellationToken cancellationToken)
        {
            audited.Enqueue(change);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// A province administrator changes the hours and holiday rules of Hưng Yên (33) through the API, and
/// deadlines count on them at once. Province 33 has a database of its own here, so no other calendar
/// test sees the change.
/// </summary>
public sealed class CalendarSettingsApiTests(CalendarSettingsAppFactory app) : IClassFixture<CalendarSettingsAppFactory>
{
    private const string HanoiAdministrator = "quantri.hanoi@onestop.example";
    private const string HungYenAdministrator = "quantri.hungyen@onestop.example";

    [Fact]
    public async Task The_administrator_changes_the_afternoon_and_adds_a_lunar_holiday_and_deadlines_follow()
    {
        var anonymous = app.CreateClient();
        var (holiday, lunarDay) = await WeekdayOfLunarMonthAsync(anonymous);
        var receivedAt = Uri.EscapeDataString($"{holiday.AddDays(-1):yyyy-MM-dd}T16:00:00+07:00");
        var due = $"/api/calendar/due?receivedAt={receivedAt}&workingHours=2&province=33";

        // Before: one hour left on the day, the second the next morning (07:30 start).
        Assert.Equal(holiday.ToDateTime(new TimeOnly(8, 30)), await DueAsync(anonymous, due));

        var hungYen = await app.SignInOfficerAsync(HungYenAdministrator);
        var settings = await anonymous.GetFromJsonAsync<JsonElement>("/api/calendar/settings?province=33");
        Assert.Equal("17:00", settings.GetProperty("afternoonEnd").GetString());
        var body = Body(settings, afternoonEnd: "17:30", extraRule: new { key = "le-hoi-tinh", name = "Lễ hội của tỉnh", calendar = "Lunar", month = 6, day = lunarDay, days = 1, enabled = true });

        var response = await hungYen.PutAsJsonAsync("/api/calendar/settings?province=33", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        var again = await hungYen.PutAsJsonAsync("/api/calendar/settings?province=33", body);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        var audited = Assert.Single(app.Audited);
        Assert.Equal(("33", new TimeOnly(17, 0), new TimeOnly(17, 30)), (audited.ProvinceCode, audited.Before.Afternoon.End, audited.After.Afternoon.End));
        Assert.Contains(audited.After.Rules, r => r.Rule.Key == "le-hoi-tinh");

        var stored = await anonymous.GetFromJsonAsync<JsonElement>("/api/calendar/settings?province=33");
        Assert.Equal("17:30", stored.GetProperty("afternoonEnd").GetString());
        Assert.Contains(stored.GetProperty("holidayRules").EnumerateArray(), r => r.GetProperty("key").GetString() == "le-hoi-tinh" && r.GetProperty("calendar").GetString() == "Lunar");

        // After: an hour and a half left on the day; the lunar holiday is skipped; half an hour the day after.
        Assert.Equal(holiday.AddDays(1).ToDateTime(new TimeOnly(8, 0)), await DueAsync(anonymous, due));
    }

    [Fact]
    public async Task Bad_settings_are_refused_with_422_and_change_nothing()
    {
        var anonymous = app.CreateClient();
        var before = await anonymous.GetFromJsonAsync<JsonElement>("/api/calendar/settings?province=33");
        var hungYen = await app.SignInOfficerAsync(HungYenAdministrator);
        var bad = Body(before, afternoonEnd: "25:00", extraRule: new { key = "tet", name = "", calendar = "Lunar", month = 13, day = 31, days = 11, enabled = true });

        var response = await hungYen.PutAsJsonAsync("/api/calendar/settings?province=33", bad);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var last = before.GetProperty("holidayRules").GetArrayLength();
        foreach (var field in new[] { "afternoonEnd", $"holidayRules[{last}].key", $"holidayRules[{last}].name", $"holidayRules[{last}].month", $"holidayRules[{last}].days" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var endsAsItStarts = Body(before, afternoonEnd: before.GetProperty("afternoonStart").GetString()!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await hungYen.PutAsJsonAsync("/api/calendar/settings?province=33", endsAsItStarts)).StatusCode);

        var after = await anonymous.GetFromJsonAsync<JsonElement>("/api/calendar/settings?province=33");
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.DoesNotContain(app.Audited, a => a.After.Afternoon.End.Hour == 13);
    }

    [Fact]
    public async Task Only_the_province_s_own_administrator_may_change_its_settings()
    {
        var before = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/settings?province=33");
        var body = Body(before, afternoonEnd: "18:15");

        var hanoi = await app.SignInOfficerAsync(HanoiAdministrator);
        Assert.Equal(HttpStatusCode.Forbidden, (await hanoi.PutAsJsonAsync("/api/calendar/settings?province=33", body)).StatusCode);

        var anonymous = app.NewBrowser();
        var refused = await anonymous.PutAsJsonAsync("/api/calendar/settings?province=33", body);
        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Found, refused.StatusCode.ToString());

        var after = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/settings?province=33");
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    /// <summary>The settings as read, with the afternoon end replaced and a rule added.</summary>
    private static object Body(JsonElement settings, string afternoonEnd, object? extraRule = null)
    {
        var rules = settings.GetProperty("holidayRules").EnumerateArray().Select(r => (object)r).ToList();
        if (extraRule is not null)
        {
            rules.Add(extraRule);
        }

        return new
        {
            morningStart = settings.GetProperty("morningStart").GetString(),
            morningEnd = settings.GetProperty("morningEnd").GetString(),
            afternoonStart = settings.GetProperty("afternoonStart").GetString(),
            afternoonEnd,
            weeklyDaysOff = settings.GetProperty("weeklyDaysOff"),
            holidayRules = rules,
        };
    }

    /// <summary>A day of lunar month 6 of 2027 (July–August, no public holiday near) falling on a Tuesday to Thursday.</summary>
    private static async Task<(DateOnly Solar, int LunarDay)> WeekdayOfLunarMonthAsync(HttpClient client)
    {
        for (var day = 2; day <= 20; day++)
        {
            var conversion = await client.GetFromJsonAsync<JsonElement>($"/api/calendar/solar?lunarYear=2027&lunarMonth=6&lunarDay={day}");
            var solar = DateOnly.Parse(conversion.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            if (solar.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday)
            {
                return (solar, day);
            }
        }

        throw new InvalidOperationException("No weekday found.");
    }

    private static async Task<DateTime> DueAsync(HttpClient client, string path)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(path);
        return body.GetProperty("dueInVietnamTime").GetDateTimeOffset().DateTime;
    }
}

/// <summary>The settings page: the form the administrator fills in without JavaScript.</summary>
public sealed class CalendarSettingsPageTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    private const string HanoiAdministrator = "quantri.hanoi@onestop.example";
    private const string HungYenAdministrator = "quantri.hungyen@onestop.example";

    [Fact]
    public async Task The_administrator_saves_hours_days_off_and_a_new_rule_through_the_form()
    {
        var browser = await app.SignInOfficerAsync(HungYenAdministrator);
        var index = await (await browser.GetAsync("/calendar?province=33")).Content.ReadAsStringAsync();
        Assert.Contains("/calendar/settings?province=33", index, StringComparison.Ordinal);

        var bad = await PostAsync(browser,
        [
            ("MorningStart", "08:00"), ("MorningEnd", "07:00"), ("AfternoonStart", "13:30"), ("AfternoonEnd", "17:00"),
            .. OneStop.Web.Calendar.Pages.CalendarSettingsModel.Week.Select(day => ("WeeklyDaysOff", day.ToString())),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#MorningEnd\"", html, StringComparison.Ordinal);
        FormControls.AssertInError(html, "MorningEnd");
        Assert.Contains("hours-hint", FormControls.Of(html, "MorningEnd")["aria-describedby"], StringComparison.Ordinal);
        FormControls.AssertNotInError(html, "MorningStart");
        FormControls.AssertInError(html, "WeeklyDaysOff");
        FormControls.AssertNotInError(html, "Rules_0__Month");

        var saved = await PostAsync(browser,
        [
            ("MorningStart", "08:00"), ("MorningEnd", "12:00"), ("AfternoonStart", "13:00"), ("AfternoonEnd", "17:00"),
            ("WeeklyDaysOff", "Sunday"),
            ("Rules[0].Key", "new-year"), ("Rules[0].Name", "Tết Dương lịch"), ("Rules[0].Calendar", "Solar"), ("Rules[0].Month", "1"), ("Rules[0].Day", "1"),
            ("Rules[0].Days", "1"), ("Rules[0].AdjacentDay", "None"), ("Rules[0].Enabled", "true"), ("Rules[0].Enabled", "false"),
            ("Rules[1].Key", "vu-lan"), ("Rules[1].Name", "Lễ Vu Lan"), ("Rules[1].Calendar", "Lunar"), ("Rules[1].Month", "7"), ("Rules[1].Day", "15"),
            ("Rules[1].Days", "1"), ("Rules[1].AdjacentDay", "None"), ("Rules[1].Enabled", "false"),
            ("Rules[2].Calendar", "Solar"), ("Rules[2].Days", "1"), ("Rules[2].AdjacentDay", "None"), ("Rules[2].Enabled", "true"), ("Rules[2].Enabled", "false"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var settings = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/settings?province=33");
        Assert.Equal("08:00", settings.GetProperty("morningStart").GetString());
        Assert.Equal(["Sunday"], settings.GetProperty("weeklyDaysOff").EnumerateArray().Select(d => d.GetString()));
        var rules = settings.GetProperty("holidayRules").EnumerateArray().ToList();
        Assert.Equal(["new-year", "vu-lan"], rules.Select(r => r.GetProperty("key").GetString()));
        Assert.True(rules[0].GetProperty("enabled").GetBoolean());
        Assert.False(rules[1].GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Another_province_s_administrator_cannot_open_the_page()
    {
        var hanoi = await app.SignInOfficerAsync(HanoiAdministrator);
        var refused = await hanoi.GetAsync("/calendar/settings?province=33");
        Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
        Assert.StartsWith("/error/403", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_whose_address_names_no_province_gets_their_own_province()
    {
        var hungYen = await app.SignInOfficerAsync(HungYenAdministrator);

        var settings = await hungYen.GetAsync("/calendar/settings");
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        var html = WebUtility.HtmlDecode(await settings.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Giờ làm việc và ngày nghỉ lễ – Tỉnh Hưng Yên</h1>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"province\" value=\"33\"", html, StringComparison.Ordinal);

        var calendar = await (await hungYen.GetAsync("/calendar")).Content.ReadAsStringAsync();
        Assert.Contains("<option value=\"33\" selected=\"selected\">", calendar, StringComparison.Ordinal);
        Assert.Contains("/calendar/settings?province=33", calendar, StringComparison.Ordinal);

        // Anyone not signed in still opens on the default province.
        var anonymous = await (await app.NewBrowser().GetAsync("/calendar")).Content.ReadAsStringAsync();
        Assert.Contains($"<option value=\"{OneStop.Web.Calendar.Pages.CalendarIndexModel.DefaultProvince}\" selected=\"selected\">", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"33\" selected=\"selected\">", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_names_the_line_the_administrator_sees_when_a_line_above_was_cleared()
    {
        var hanoi = await app.SignInOfficerAsync(HanoiAdministrator);

        var response = await PostAsync(hanoi,
        [
            ("MorningStart", "07:30"), ("MorningEnd", "11:30"), ("AfternoonStart", "13:30"), ("AfternoonEnd", "17:00"),
            ("WeeklyDaysOff", "Saturday"), ("WeeklyDaysOff", "Sunday"),
            ("Rules[0].Calendar", "Solar"), ("Rules[0].Month", "1"), ("Rules[0].Day", "1"), ("Rules[0].Days", "1"), ("Rules[0].AdjacentDay", "None"), ("Rules[0].Enabled", "false"),
            ("Rules[1].Key", "le-sai-thang"), ("Rules[1].Name", "Lễ sai tháng"), ("Rules[1].Calendar", "Solar"), ("Rules[1].Month", "13"), ("Rules[1].Day", "1"),
            ("Rules[1].Days", "1"), ("Rules[1].AdjacentDay", "None"), ("Rules[1].Enabled", "true"), ("Rules[1].Enabled", "false"),
        ], "01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Rules_1__Month\">Quy tắc 2: tháng phải từ 1 đến 12.</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Quy tắc 1:", html, StringComparison.Ordinal);
        FormControls.AssertInError(html, "Rules_1__Month");
        FormControls.AssertNotInError(html, "Rules_1__Day");
        FormControls.AssertNotInError(html, "WeeklyDaysOff");

        // The year's form, by the same administrator: a demo account may sign in only twice in 30 seconds.
        await TheYearFormMarksTheDateInErrorAsync(hanoi);
    }

    private static async Task TheYearFormMarksTheDateInErrorAsync(HttpClient hanoi)
    {
        var response = await IdentityAppFactory.PostFormAsync(hanoi, "/calendar/2026/edit?province=01", new()
        {
            ["province"] = "01",
            ["DaysOff[0].Date"] = "2025-05-01",
            ["DaysOff[0].Reason"] = "Ngày Quốc tế Lao động",
            ["WorkedDays[0].Date"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        FormControls.AssertInError(html, "DaysOff_0__Date");
        Assert.Contains("DaysOff_0__Date-row", FormControls.Of(html, "DaysOff_0__Date")["aria-labelledby"], StringComparison.Ordinal);
        FormControls.AssertNotInError(html, "DaysOff_0__Reason");
        FormControls.AssertNotInError(html, "WorkedDays_0__Date");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, List<(string Name, string Value)> fields, string province = "33")
    {
        var page = await browser.GetAsync($"/calendar/settings?province={province}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"").Groups[1].Value;
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await browser.PostAsync($"/calendar/settings?province={province}", new FormUrlEncodedContent(form));
    }
}
