using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Web.Calendar.Deadlines;
using OneStop.Web.Calendar.Lunar;
using OneStop.Web.Calendar.WorkingDays;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Calendar.Api;

/// <summary>The working calendar's JSON API under /api/calendar.</summary>
internal static partial class CalendarApi
{
    private const decimal MaxWorkingDays = 1000;
    private const decimal MaxWorkingHours = 10000;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Working calendar");

        group.MapGet("/due", GetDueAsync)
            .WithName("GetDueMoment")
            .WithSummary("The due moment of a time limit counted from a receipt")
            .WithDescription(
                "Counts a time limit in working days or working hours (exactly one of them) from the receipt on the " +
                "province's working calendar: working periods of working days only, holidays and make-up days skipped, " +
                "worked Saturdays counted. A receipt outside working hours starts at the next working period; a deadline " +
                "ending exactly at the close of a period ends there. N working days are N times the province's working day.")
            .AllowAnonymous();

        group.MapGet("/lunar", GetLunar)
            .WithName("GetLunarDate")
            .WithSummary("The Vietnamese lunar date of a solar date")
            .WithDescription("Computed for Vietnam (UTC+7), not the Chinese calendar (UTC+8). Dates 1800-01-01 to 2199-12-31.")
            .AllowAnonymous();

        group.MapGet("/solar", GetSolar)
            .WithName("GetSolarDate")
            .WithSummary("The solar date of a Vietnamese lunar date")
            .WithDescription("Set leapMonth=true for a day of a leap month (tháng nhuận).")
            .AllowAnonymous();

        group.MapGet("/settings", GetSettingsAsync)
            .WithName("GetCalendarSettings")
            .WithSummary("A province's office hours, weekly days off and holiday rules")
            .WithDescription("All the holiday rules, disabled ones too; a recorded year's decision overrides them for that year.")
            .AllowAnonymous();

        group.MapPut("/settings", PutSettingsAsync)
            .WithName("RecordCalendarSettings")
            .WithSummary("Replace a province's office hours, weekly days off and holiday rules")
            .WithDescription(
                "Replaces everything at once with what is given; a holiday rule left out is deleted. Times are HH:mm, " +
                "morning start < morning end <= afternoon start < afternoon end, at least 4 working hours; at least one " +
                "working weekday; rule keys unique. Idempotent: the same settings again change nothing. Deadlines count " +
                "on the new settings at once.")
            .RequireAuthorization(Policies.ProvinceAdministrator)
            .WithMetadata(new OfficerAccessAttribute(Roles.ProvinceAdministrator) { ProvinceParameter = "province", ExampleRequest = "/api/calendar/settings?province={province}", ExampleBody = "{}" })
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{year:int}", GetYearAsync)
            .WithName("GetCalendarYear")
            .WithSummary("A province's days off and worked days for a year")
            .WithDescription(
                "Status 'confirmed' when the province administrator recorded the Government's decision for the year, " +
                "'computed' when the days come from the holiday rules (a holiday on a weekly day off made up on the next working day).")
            .AllowAnonymous();

        group.MapPut("/{year:int}", PutYearAsync)
            .WithName("RecordCalendarYear")
            .WithSummary("Record the Government's decision for a year")
            .WithDescription(
                "Replaces the province's days off and worked days for the year with the full list given, each with its " +
                "reason and, optionally, the reference of the decision. Idempotent: the same list again changes nothing. " +
                "A day cannot be both; dates must be in the year; a worked day must be a weekly day off.")
            .RequireAuthorization(Policies.ProvinceAdministrator)
            .WithMetadata(new OfficerAccessAttribute(Roles.ProvinceAdministrator) { ProvinceParameter = "province", ExampleRequest = "/api/calendar/2031?province={province}", ExampleBody = "{}" })
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<DueResponse>, ValidationProblem>> GetDueAsync(
        [Description("The receipt, ISO-8601 with an offset, e.g. 2026-02-13T09:00:00+07:00 (write + as %2B) or 2026-02-13T02:00:00Z.")] string? receivedAt,
        [Description("The time limit in working days, e.g. 3 or 0.5.")] string? workingDays,
        [Description("The time limit in working hours, e.g. 4.")] string? workingHours,
        [Description("The province's two-digit code, e.g. 01 for Hà Nội.")] string? province,
        WorkingCalendarService calendars,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var found = RequireProvince(province, errors);
        var received = ParseInstant(receivedAt, errors);
        TimeLimit? limit = null;
        if (string.IsNullOrWhiteSpace(workingDays) == string.IsNullOrWhiteSpace(workingHours))
        {
            errors["workingDays"] = ["Give exactly one of workingDays and workingHours."];
        }
        else if (!string.IsNullOrWhiteSpace(workingDays))
        {
            limit = ParseAmount("workingDays", workingDays, MaxWorkingDays, errors) is { } days ? TimeLimit.WorkingDays(days) : null;
        }
        else
        {
            limit = ParseAmount("workingHours", workingHours!, MaxWorkingHours, errors) is { } hours ? TimeLimit.WorkingHours(hours) : null;
        }

        if (errors.Count > 0 || found is null || received is null || limit is null)
        {
            return Invalid(errors);
        }

        var calendar = await calendars.GetAsync(found.Code, cancellationToken);
        var due = DeadlineCalculator.Due(calendar, received.Value, limit.Value)!.Value;
        return TypedResults.Ok(new DueResponse(
            found.Code,
            received.Value.ToUniversalTime(),
            DeadlineCalculator.CountingStart(calendar, received.Value),
            (decimal)limit.Value.ToWorkingTime(calendar).TotalHours,
            due,
            VietnameseFormat.ToVietnamTime(due),
            VietnameseFormat.Moment(due)));
    }

    private static Results<Ok<LunarConversionResponse>, ValidationProblem> GetLunar(
        [Description("The solar date, YYYY-MM-DD.")] string? date)
    {
        var errors = new Dictionary<string, string[]>();
        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var solar))
        {
            errors["date"] = [$"'{date}' is not a date; expected YYYY-MM-DD, e.g. 2026-02-17."];
        }
        else if (solar < VietnameseLunarCalendar.MinSupportedDate || solar > VietnameseLunarCalendar.MaxSupportedDate)
        {
            errors["date"] = [$"Dates from {VietnameseLunarCalendar.MinSupportedDate:yyyy-MM-dd} to {VietnameseLunarCalendar.MaxSupportedDate:yyyy-MM-dd} are supported."];
        }

        return errors.Count > 0 ? Invalid(errors) : TypedResults.Ok(LunarConversionResponse.From(solar));
    }

    private static Results<Ok<LunarConversionResponse>, ValidationProblem> GetSolar(
        [Description("The lunar year (the year whose Tết opens it), e.g. 2026.")] string? lunarYear,
        [Description("The lunar month, 1 to 12.")] string? lunarMonth,
        [Description("The lunar day, 1 to 30.")] string? lunarDay,
        [Description("true for a day of the leap month; false by default.")] string? leapMonth)
    {
        var errors = new Dictionary<string, string[]>();
        var year = ParseInteger("lunarYear", lunarYear, VietnameseLunarCalendar.MinSupportedYear, VietnameseLunarCalendar.MaxSupportedYear, errors);
        var month = ParseInteger("lunarMonth", lunarMonth, 1, 12, errors);
        var day = ParseInteger("lunarDay", lunarDay, 1, 30, errors);
        var leap = false;
        if (!string.IsNullOrWhiteSpace(leapMonth) && !bool.TryParse(leapMonth.Trim(), out leap))
        {
            errors["leapMonth"] = [$"'{leapMonth}' is not true or false."];
        }

        if (errors.Count > 0 || year is null || month is null || day is null)
        {
            return Invalid(errors);
        }

        var lunar = new LunarDate(year.Value, month.Value, day.Value, leap);
        if (VietnameseLunarCalendar.TryToSolar(lunar, out var solar))
        {
            return TypedResults.Ok(LunarConversionResponse.From(solar));
        }

        if (leap && VietnameseLunarCalendar.LeapMonth(year.Value) != month)
        {
            var actual = VietnameseLunarCalendar.LeapMonth(year.Value);
            errors["leapMonth"] = [actual is null
                ? $"Lunar year {year} has no leap month."
                : $"The leap month of lunar year {year} is month {actual}, not {month}."];
        }
        else
        {
            errors["lunarDay"] = [$"Month {month}{(leap ? " (leap)" : "")} of lunar year {year} has 29 days."];
        }

        return Invalid(errors);
    }

    private static async Task<Results<Ok<CalendarYearResponse>, ValidationProblem>> GetYearAsync(
        int year,
        [Description("The province's two-digit code, e.g. 01 for Hà Nội.")] string? province,
        WorkingCalendarService calendars,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var found = RequireProvince(province, errors);
        RequireYear(year, errors);
        if (errors.Count > 0 || found is null)
        {
            return Invalid(errors);
        }

        var calendar = await calendars.GetAsync(found.Code, cancellationToken);
        return TypedResults.Ok(CalendarYearResponse.From(found, calendar, calendar.Year(year)));
    }

    private static async Task<Results<Ok<CalendarYearResponse>, ValidationProblem, ForbidHttpResult>> PutYearAsync(
        int year,
        [Description("The province's two-digit code, e.g. 01 for Hà Nội.")] string? province,
        YearDecision decision,
        ClaimsPrincipal user,
        WorkingCalendarService calendars,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var found = RequireProvince(province, errors);
        if (errors.Count > 0 || found is null)
        {
            return Invalid(errors);
        }

        if (!WorkingCalendarService.MayRecord(user, found.Code))
        {
            return TypedResults.Forbid();
        }

        var result = await calendars.RecordYearAsync(found.Code, year, decision, RecordedBy(user), cancellationToken);
        if (!result.Succeeded)
        {
            return Invalid(result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var calendar = await calendars.GetAsync(found.Code, cancellationToken);
        return TypedResults.Ok(CalendarYearResponse.From(found, calendar, result.Year!, result.Changed));
    }

    private static async Task<Results<Ok<CalendarSettingsResponse>, ValidationProblem>> GetSettingsAsync(
        [Description("The province's two-digit code, e.g. 01 for Hà Nội.")] string? province,
        WorkingCalendarService calendars,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var found = RequireProvince(province, errors);
        if (errors.Count > 0 || found is null)
        {
            return Invalid(errors);
        }

        return TypedResults.Ok(CalendarSettingsResponse.From(found, await calendars.GetSettingsAsync(found.Code, cancellationToken)));
    }

    private static async Task<Results<Ok<CalendarSettingsResponse>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> PutSettingsAsync(
        [Description("The province's two-digit code, e.g. 01 for Hà Nội.")] string? province,
        CalendarSettingsInput settings,
        ClaimsPrincipal user,
        WorkingCalendarService calendars,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var found = RequireProvince(province, errors);
        if (errors.Count > 0 || found is null)
        {
            return Invalid(errors);
        }

        if (!WorkingCalendarService.MayRecord(user, found.Code))
        {
            return TypedResults.Forbid();
        }

        var result = await calendars.RecordSettingsAsync(found.Code, settings, RecordedBy(user), cancellationToken);
        if (!result.Succeeded)
        {
            // 422, not 400: the request is well-formed, the settings it carries are not acceptable.
            return TypedResults.Problem(new HttpValidationProblemDetails(
                result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Invalid calendar settings",
                Detail = "The settings are invalid; nothing was changed. See errors.",
            });
        }

        return TypedResults.Ok(CalendarSettingsResponse.From(found, result.Settings!, result.Changed));
    }

    internal static string RecordedBy(ClaimsPrincipal user) =>
        user.FindFirst(OneStopClaimTypes.FullName)?.Value
        ?? user.Identity?.Name
        ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value
        ?? "unknown";

    private static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "The request has invalid parameters; see errors.", title: "Invalid calendar request");

    private static Province? RequireProvince(string? code, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors["province"] = ["The province code is required, e.g. province=01 for Hà Nội."];
            return null;
        }

        var province = Provinces.Find(code);
        if (province is null)
        {
            errors["province"] = [$"'{code}' is not a current province code; expected one of {string.Join(", ", Provinces.All.Select(p => p.Code))}."];
        }

        return province;
    }

    private static void RequireYear(int year, Dictionary<string, string[]> errors)
    {
        if (year is < YearDecisionValidator.MinYear or > YearDecisionValidator.MaxYear)
        {
            errors["year"] = [$"The year must be between {YearDecisionValidator.MinYear} and {YearDecisionValidator.MaxYear}."];
        }
    }

    private static DateTimeOffset? ParseInstant(string? text, Dictionary<string, string[]> errors)
    {
        const string Expected = "expected ISO-8601 with an offset, e.g. 2026-02-13T09:00:00+07:00 (write + as %2B) or 2026-02-13T02:00:00Z";
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["receivedAt"] = ["The receipt moment is required; " + Expected + "."];
            return null;
        }

        // An unencoded '+' in a query string arrives as a space.
        var candidate = SpaceBeforeOffset().Replace(text.Trim(), "+$1");
        if (!IsoInstant().IsMatch(candidate)
            || !DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            errors["receivedAt"] = [$"'{text}' is not an instant; {Expected}."];
            return null;
        }

        if (instant.Year is < YearDecisionValidator.MinYear or >= YearDecisionValidator.MaxYear)
        {
            errors["receivedAt"] = [$"Receipts from {YearDecisionValidator.MinYear} to {YearDecisionValidator.MaxYear - 1} are supported."];
            return null;
        }

        return instant;
    }

    private static decimal? ParseAmount(string name, string text, decimal max, Dictionary<string, string[]> errors)
    {
        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount > max)
        {
            errors[name] = [$"'{text}' is not a number greater than 0 and at most {max}, e.g. 3 or 0.5."];
            return null;
        }

        return amount;
    }

    private static int? ParseInteger(string name, string? text, int min, int max, Dictionary<string, string[]> errors)
    {
        if (!int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors[name] = [$"'{text}' is not a whole number from {min} to {max}."];
            return null;
        }

        return value;
    }

    [GeneratedRegex(@"\s(\d{2}:?\d{2})$")]
    private static partial Regex SpaceBeforeOffset();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoInstant();
}
