using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Calendar;
using OneStop.Web.Calendar.Deadlines;
using OneStop.Web.Calendar.Persistence;
using OneStop.Web.Calendar.WorkingDays;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Calendar;

/// <summary>The host with an audit trail that remembers what the calendar reported to it.</summary>
public sealed class CalendarAppFactory : OneStopAppFactory
{
    public ConcurrentQueue<CalendarYearRecorded> Audited { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddScoped<ICalendarAudit>(_ => new RememberingAudit(Audited));

    private sealed class RememberingAudit(ConcurrentQueue<CalendarYearRecorded> audited) : ICalendarAudit
    {
        public Task RecordingAsync(CalendarYearRecorded change, CancellationToken cancellationToken)
        {
            audited.Enqueue(change);
            return Task.CompletedTask;
        }

        public Task RecordingAsync(CalendarSettingsRecorded change, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>
/// The working calendar through the real host. Province 01 is only read (its years stay computed by
/// rule); the tests that record decisions use other provinces, each its own.
/// </summary>
public sealed class CalendarTests(CalendarAppFactory app) : IClassFixture<CalendarAppFactory>
{
    /// <summary>The Government's 2026 decisions as announced (Công văn 12729/VPCP-KGVX, Thông báo 9441/TB-BNV).</summary>
    private static YearDecision Decision2026(string tetReason = "Tết Nguyên đán") => new(
        [
            new("2026-01-01", "Tết Dương lịch", "12729/VPCP-KGVX"),
            new("2026-01-02", "Nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026", "12729/VPCP-KGVX"),
            new("2026-02-16", tetReason, "9441/TB-BNV"),
            new("2026-02-17", tetReason, "9441/TB-BNV"),
            new("2026-02-18", tetReason, "9441/TB-BNV"),
            new("2026-02-19", tetReason, "9441/TB-BNV"),
            new("2026-02-20", tetReason, "9441/TB-BNV"),
        ],
        [new("2026-01-10", "Làm bù cho thứ Sáu 02/01/2026", "12729/VPCP-KGVX")]);

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_calendar_page_reads_lunar_dates_in_the_chosen_language()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var vietnamese = await client.GetStringAsync("/calendar?province=33&year=2026");
        Assert.Contains("<td>mùng 10 tháng 3 năm Bính Ngọ</td>", vietnamese, StringComparison.Ordinal);

        var cookie = (await client.GetAsync("/language/en?returnUrl=%2F")).Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("onestop.lang=", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/calendar?province=33&year=2026");
        request.Headers.Add("Cookie", cookie);
        var english = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        // The year's can-chi name has no English and is spoken as Vietnamese.
        Assert.Contains("<td>day 10 of the 3rd lunar month, year <span lang=\"vi\">Bính Ngọ</span></td>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("mùng 10 tháng 3", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_english_calendar_marks_the_vietnamese_holiday_names_as_vietnamese()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var vietnamese = await client.GetStringAsync("/calendar?province=33&year=2026");
        Assert.Contains("<td>Tết Nguyên đán</td>", vietnamese, StringComparison.Ordinal);

        var cookie = (await client.GetAsync("/language/en?returnUrl=%2F")).Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("onestop.lang=", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/calendar?province=33&year=2026");
        request.Headers.Add("Cookie", cookie);
        var english = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<td lang=\"vi\">Tết Nguyên đán</td>", english, StringComparison.Ordinal);
        Assert.Contains("<td lang=\"vi\">Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch) (26/04)</td>", english, StringComparison.Ordinal);
    }

    private async Task<YearDecisionResult> RecordAsync(string province, int year, YearDecision decision)
    {
        using var scope = app.Services.CreateScope();
        var calendars = scope.ServiceProvider.GetRequiredService<WorkingCalendarService>();
        return await calendars.RecordYearAsync(province, year, decision, "Quản trị tỉnh (kiểm thử)");
    }

    [Fact]
    public async Task The_due_moment_of_three_working_days_received_before_Tet_2026_skips_the_holiday()
    {
        var body = await GetJsonAsync("/api/calendar/due?receivedAt=2026-02-13T09:00:00%2B07:00&workingDays=3&province=01");
        Assert.Equal(new DateTimeOffset(2026, 2, 25, 2, 0, 0, TimeSpan.Zero), body.GetProperty("due").GetDateTimeOffset());
        Assert.Equal("2026-02-25T09:00:00+07:00", body.GetProperty("dueInVietnamTime").GetString());
        Assert.Equal("09 giờ 00 phút, ngày 25/02/2026", body.GetProperty("dueText").GetString());
        Assert.Equal(22.5m, body.GetProperty("workingHours").GetDecimal());
        Assert.Equal(new DateTimeOffset(2026, 2, 13, 2, 0, 0, TimeSpan.Zero), body.GetProperty("countingFrom").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("2026-03-06T11:00:00Z", "4", "2026-03-09T04:30:00+00:00")] // Friday 18:00 in Vietnam: Monday 07:30 + 4 h ends at the close of the morning
    [InlineData("2026-03-06T18:00:00 07:00", "4", "2026-03-09T04:30:00+00:00")] // an unencoded '+' arrives as a space
    [InlineData("2026-03-09T05:00:00Z", "2", "2026-03-09T08:30:00+00:00")] // 12:00, the lunch break: counting starts at 13:30
    public async Task The_due_moment_in_working_hours_starts_at_the_next_working_period(string receivedAt, string hours, string due)
    {
        var body = await GetJsonAsync($"/api/calendar/due?receivedAt={receivedAt}&workingHours={hours}&province=01");
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("due").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("receivedAt=2026-03-09T08:00:00Z&workingDays=1", "province")]
    [InlineData("receivedAt=2026-03-09T08:00:00Z&workingDays=1&province=99", "province")]
    [InlineData("receivedAt=2026-03-09T08:00:00Z&workingDays=1&workingHours=4&province=01", "workingDays")]
    [InlineData("receivedAt=2026-03-09T08:00:00Z&province=01", "workingDays")]
    [InlineData("receivedAt=2026-03-09T08:00:00Z&workingDays=abc&province=01", "workingDays")]
    [InlineData("receivedAt=2026-03-09T08:00:00Z&workingDays=0&province=01", "workingDays")]
    [InlineData("receivedAt=2026-03-09T08:00:00Z&workingHours=-1&province=01", "workingHours")]
    [InlineData("receivedAt=2026-03-09T08:00:00Z&workingDays=100000&province=01", "workingDays")]
    [InlineData("workingDays=1&province=01", "receivedAt")]
    [InlineData("receivedAt=2026-03-09T08:00:00&workingDays=1&province=01", "receivedAt")]
    [InlineData("receivedAt=yesterday&workingDays=1&province=01", "receivedAt")]
    [InlineData("receivedAt=2300-03-09T08:00:00Z&workingDays=1&province=01", "receivedAt")]
    public async Task A_bad_due_request_gets_problem_details_naming_the_parameter(string query, string parameter)
    {
        var response = await app.CreateClient().GetAsync("/api/calendar/due?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.ToString());
        Assert.NotEmpty(messages[0].GetString()!);
    }

    [Fact]
    public async Task A_year_not_yet_confirmed_is_computed_by_rule_with_lunar_dates_and_make_up_days()
    {
        var body = await GetJsonAsync("/api/calendar/2026?province=01");
        Assert.Equal("computed", body.GetProperty("status").GetString());
        Assert.Equal("Thành phố Hà Nội", body.GetProperty("provinceName").GetString());
        Assert.Equal(7.5m, body.GetProperty("workingDayHours").GetDecimal());
        Assert.Equal(["Saturday", "Sunday"], body.GetProperty("weeklyDaysOff").EnumerateArray().Select(d => d.GetString()));

        var daysOff = body.GetProperty("daysOff").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!);
        var tet = daysOff["2026-02-17"];
        Assert.Equal("holiday", tet.GetProperty("kind").GetString());
        Assert.Equal("Tết Nguyên đán", tet.GetProperty("reason").GetString());
        Assert.Equal("mùng 1 tháng Giêng năm Bính Ngọ", tet.GetProperty("lunarDate").GetProperty("text").GetString());
        Assert.Equal(1, tet.GetProperty("lunarDate").GetProperty("month").GetInt32());
        Assert.Equal("make-up-day-off", daysOff["2026-04-27"].GetProperty("kind").GetString());
        Assert.Equal(13, daysOff.Count);
        Assert.Empty(body.GetProperty("workedDays").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/calendar/1800?province=01", "year")]
    [InlineData("/api/calendar/2026", "province")]
    [InlineData("/api/calendar/2026?province=00", "province")]
    public async Task A_bad_year_request_gets_problem_details(string url, string parameter)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Recording_a_year_needs_a_signed_in_province_administrator()
    {
        var response = await app.CreateClient().PutAsJsonAsync("/api/calendar/2026?province=01", Decision2026());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var year = await GetJsonAsync("/api/calendar/2026?province=01");
        Assert.Equal("computed", year.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_recorded_decision_confirms_the_year_and_its_worked_Saturday_counts_in_deadlines()
    {
        var result = await RecordAsync("79", 2026, Decision2026());
        Assert.True(result.Succeeded);
        Assert.True(result.Changed);

        var year = await GetJsonAsync("/api/calendar/2026?province=79");
        Assert.Equal("confirmed", year.GetProperty("status").GetString());
        Assert.True(year.TryGetProperty("confirmedAt", out var confirmedAt) && confirmedAt.ValueKind == JsonValueKind.String);
        var worked = Assert.Single(year.GetProperty("workedDays").EnumerateArray());
        Assert.Equal("2026-01-10", worked.GetProperty("date").GetString());
        Assert.Equal("worked-day", worked.GetProperty("kind").GetString());
        var swapped = year.GetProperty("daysOff").EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2026-01-02");
        Assert.Equal("12729/VPCP-KGVX", swapped.GetProperty("decisionReference").GetString());
        Assert.Equal("day-off", swapped.GetProperty("kind").GetString());

        // Friday 9/1 at the opening, two working days: Friday and the worked Saturday in Hồ Chí Minh City…
        var due = await GetJsonAsync("/api/calendar/due?receivedAt=2026-01-09T07:30:00%2B07:00&workingDays=2&province=79");
        Assert.Equal("2026-01-10T17:00:00+07:00", due.GetProperty("dueInVietnamTime").GetString());
        // …but Monday in Hà Nội, whose year is still computed by rule.
        due = await GetJsonAsync("/api/calendar/due?receivedAt=2026-01-09T07:30:00%2B07:00&workingDays=2&province=01");
        Assert.Equal("2026-01-12T17:00:00+07:00", due.GetProperty("dueInVietnamTime").GetString());

        // The officer workflow's service sees the same calendar.
        using var scope = app.Services.CreateScope();
        var deadlines = scope.ServiceProvider.GetRequiredService<DeadlineService>();
        var progress = await deadlines.ProgressAsync(
            "79",
            new DateTimeOffset(2026, 1, 9, 7, 30, 0, TimeSpan.FromHours(7)),
            TimeLimit.WorkingDays(2),
            [],
            new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(TimeSpan.FromHours(11.5), progress.Elapsed);
        Assert.False(progress.IsOverdue);
        Assert.True(await deadlines.IsWorkingDayAsync("79", new DateOnly(2026, 1, 10)));
    }

    [Fact]
    public async Task Recording_the_same_decision_again_changes_nothing_and_a_change_replaces_the_days()
    {
        Assert.True((await RecordAsync("80", 2026, Decision2026())).Changed);
        var audited = app.Audited.Count(a => a.ProvinceCode == "80");
        var (confirmedAt, rows) = await StoredAsync("80", 2026);
        Assert.Equal(8, rows);

        var again = await RecordAsync("80", 2026, Decision2026());
        Assert.True(again.Succeeded);
        Assert.False(again.Changed);
        Assert.Equal((confirmedAt, rows), await StoredAsync("80", 2026));
        Assert.Equal(audited, app.Audited.Count(a => a.ProvinceCode == "80"));

        var fewer = Decision2026("Tết Nguyên đán Bính Ngọ") with { WorkedDays = [] };
        fewer = fewer with { DaysOff = [.. fewer.DaysOff!.Where(d => d.Date != "2026-01-02")] };
        var changed = await RecordAsync("80", 2026, fewer);
        Assert.True(changed.Changed);
        Assert.Equal(6, (await StoredAsync("80", 2026)).Rows);
        var year = await GetJsonAsync("/api/calendar/2026?province=80");
        Assert.Empty(year.GetProperty("workedDays").EnumerateArray());
        Assert.Equal("Tết Nguyên đán Bính Ngọ", year.GetProperty("daysOff").EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2026-02-17").GetProperty("reason").GetString());

        var audit = app.Audited.Last(a => a.ProvinceCode == "80");
        Assert.True(audit.WasConfirmed);
        Assert.Equal(8, audit.Before.Count);
        Assert.Equal(6, audit.After.Count);
        Assert.Equal("Quản trị tỉnh (kiểm thử)", audit.RecordedBy);
    }

    [Fact]
    public async Task An_invalid_decision_is_refused_field_by_field_and_nothing_is_written()
    {
        var decision = new YearDecision(
            [
                new("2026-02-17", "Tết Nguyên đán"),
                new("2026-02-17", "Tết Nguyên đán"),
                new("2025-12-31", "Năm trước"),
                new("17/02/2026", "Sai định dạng"),
                new("2026-01-10", "Vừa nghỉ vừa làm"),
                new("2026-02-18", "  "),
            ],
            [
                new("2026-01-10", "Làm bù"),
                new("2026-01-14", "Thứ Tư vốn là ngày làm việc"),
            ]);

        var result = await RecordAsync("82", 2026, decision);
        Assert.False(result.Succeeded);
        Assert.Equal(
            ["daysOff[1].date", "daysOff[2].date", "daysOff[3].date", "daysOff[5].reason", "workedDays[0].date", "workedDays[1].date"],
            result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.VietnameseMessage)));
        Assert.Equal((null, 0), await StoredAsync("82", 2026));
        Assert.Equal("computed", (await GetJsonAsync("/api/calendar/2026?province=82")).GetProperty("status").GetString());
    }

    private async Task<(DateTimeOffset? ConfirmedAt, int Rows)> StoredAsync(string province, int year)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var decision = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.ProvinceCode == province && y.Year == year);
        var rows = await db.CalendarDays.CountAsync(d => d.ProvinceCode == province && d.Year == year);
        return (decision?.ConfirmedAt, rows);
    }

    [Fact]
    public async Task Every_province_is_seeded_with_the_national_defaults()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.Equal(34, await db.ProvinceCalendars.CountAsync());
        Assert.Equal(34 * DefaultHolidayRules.All.Count, await db.HolidayRules.CountAsync());
    }

    [Theory]
    [InlineData("2026-02-17", 2026, 1, 1, false, "Bính Ngọ")]
    [InlineData("2026-02-16", 2025, 12, 29, false, "Ất Tỵ")]
    [InlineData("2020-05-23", 2020, 4, 1, true, "Canh Tý")]
    public async Task A_solar_date_converts_to_the_Vietnamese_lunar_date_and_back(string date, int year, int month, int day, bool leap, string yearName)
    {
        var body = await GetJsonAsync($"/api/calendar/lunar?date={date}");
        var lunar = body.GetProperty("lunar");
        Assert.Equal(year, lunar.GetProperty("year").GetInt32());
        Assert.Equal(month, lunar.GetProperty("month").GetInt32());
        Assert.Equal(day, lunar.GetProperty("day").GetInt32());
        Assert.Equal(leap, lunar.GetProperty("isLeapMonth").GetBoolean());
        Assert.Equal(yearName, lunar.GetProperty("yearName").GetString());

        var back = await GetJsonAsync($"/api/calendar/solar?lunarYear={year}&lunarMonth={month}&lunarDay={day}&leapMonth={leap}");
        Assert.Equal(date, back.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("/api/calendar/lunar?date=2026-02-30", "date")]
    [InlineData("/api/calendar/lunar?date=17/02/2026", "date")]
    [InlineData("/api/calendar/lunar", "date")]
    [InlineData("/api/calendar/lunar?date=2200-01-01", "date")]
    [InlineData("/api/calendar/solar?lunarYear=2026&lunarMonth=4&lunarDay=1&leapMonth=true", "leapMonth")]
    [InlineData("/api/calendar/solar?lunarYear=2025&lunarMonth=12&lunarDay=30", "lunarDay")]
    [InlineData("/api/calendar/solar?lunarYear=2026&lunarMonth=13&lunarDay=1", "lunarMonth")]
    [InlineData("/api/calendar/solar?lunarYear=2026&lunarMonth=1&lunarDay=1&leapMonth=perhaps", "leapMonth")]
    public async Task A_bad_lunar_request_gets_problem_details(string url, string parameter)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task The_public_page_shows_the_year_in_Vietnamese_with_lunar_dates()
    {
        var response = await app.CreateClient().GetAsync("/calendar?province=01&year=2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Lịch làm việc, ngày nghỉ lễ, tết", html);
        Assert.Contains("Tết Nguyên đán", html);
        Assert.Contains("mùng 1 tháng Giêng năm Bính Ngọ", html);
        Assert.Contains("Nghỉ bù Giỗ Tổ Hùng Vương", html);
        Assert.Contains("chưa được quản trị tỉnh xác nhận", html);
        Assert.DoesNotContain("/calendar/2026/edit", html);
        Assert.DoesNotContain("field-error", html);
        FormControls.AssertNotInError(html, "province");
        FormControls.AssertNotInError(html, "year");
    }

    [Fact]
    public async Task The_public_page_answers_a_bad_province_with_a_Vietnamese_message()
    {
        var response = await app.CreateClient().GetAsync("/calendar?province=99&year=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Mã tỉnh không hợp lệ", html);
        Assert.Contains("Năm phải là số từ 1900 đến 2199.", html);
        Assert.Contains("href=\"#province\"", html);
        Assert.Contains("field-error", html);
        FormControls.AssertInError(html, "province");
        FormControls.AssertInError(html, "year");
        Assert.Contains("<title>Lỗi: Lịch làm việc", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<title>Lỗi", await app.CreateClient().GetStringAsync("/calendar?province=01&year=2026"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_page_sends_an_anonymous_visitor_to_sign_in()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/calendar/2026/edit?province=01");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_API_is_described_in_the_OpenAPI_document()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/calendar/due", "/api/calendar/lunar", "/api/calendar/solar", "/api/calendar/{year}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.True(paths.GetProperty("/api/calendar/{year}").TryGetProperty("put", out _));
    }
}
