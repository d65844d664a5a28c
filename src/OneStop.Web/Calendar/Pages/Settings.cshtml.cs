using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Calendar.Api;
using OneStop.Web.Calendar.WorkingDays;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Calendar.Pages;

/// <summary>
/// Where a province administrator changes the office hours, weekly days off and holiday rules of their
/// province: all saved at once, with one spare line to add a rule. Works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.ProvinceAdministrator)]
[OfficerAccess(Roles.ProvinceAdministrator, ProvinceParameter = "province", ExampleRequest = "/calendar/settings?province={province}")]
public sealed partial class CalendarSettingsModel(WorkingCalendarService calendars) : PageModel
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [BindProperty(SupportsGet = true, Name = "province")]
    public string? ProvinceCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "saved")]
    public bool Saved { get; set; }

    [BindProperty]
    public string? MorningStart { get; set; }

    [BindProperty]
    public string? MorningEnd { get; set; }

    [BindProperty]
    public string? AfternoonStart { get; set; }

    [BindProperty]
    public string? AfternoonEnd { get; set; }

    [BindProperty]
    public List<string> WeeklyDaysOff { get; set; } = [];

    [BindProperty]
    public List<HolidayRuleInput> Rules { get; set; } = [];

    public Province? Province { get; private set; }

    /// <summary>The errors in page order, each with the id of its field.</summary>
    public List<(string FieldId, string Message)> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Refusal() is { } refusal)
        {
            return refusal;
        }

        var settings = await calendars.GetSettingsAsync(Province!.Code, cancellationToken);
        MorningStart = Hours(settings.Morning.Start);
        MorningEnd = Hours(settings.Morning.End);
        AfternoonStart = Hours(settings.Afternoon.Start);
        AfternoonEnd = Hours(settings.Afternoon.End);
        WeeklyDaysOff = [.. settings.WeeklyDaysOff.Days().Select(d => d.ToString())];
        Rules = [.. settings.Rules.Select(r => new HolidayRuleInput
        {
            Key = r.Rule.Key,
            Name = r.Rule.Name,
            Calendar = r.Rule.Calendar.ToString(),
            Month = r.Rule.Month,
            Day = r.Rule.Day,
            FirstDayOffset = r.Rule.FirstDayOffset,
            Days = r.Rule.Days,
            AdjacentDay = r.Rule.AdjacentDay.ToString(),
            FromYear = r.Rule.FromYear,
            ToYear = r.Rule.ToYear,
            Basis = r.Rule.Basis,
            Enabled = r.Enabled,
        }), SpareLine()];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Refusal() is { } refusal)
        {
            return refusal;
        }

        // The spare line left empty is not a rule; errors are reported on the line the person sees.
        var lines = Rules.Select((rule, index) => (rule, index)).Where(x => !x.rule.IsBlank).ToList();
        var input = new CalendarSettingsInput(MorningStart, MorningEnd, AfternoonStart, AfternoonEnd, WeeklyDaysOff, [.. lines.Select(x => x.rule)]);
        var result = await calendars.RecordSettingsAsync(Province!.Code, input, CalendarApi.RecordedBy(User), [.. lines.Select(x => x.index + 1)], cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/calendar/settings?province={Province.Code}&saved=true");
        }

        var english = ReaderLanguage.IsEnglish;
        foreach (var error in result.Errors)
        {
            var fieldId = FieldId(error.Field, [.. lines.Select(x => x.index)]);
            var message = english ? error.Message : error.VietnameseMessage;
            ModelState.AddModelError(fieldId, message);
            Errors.Add((fieldId, message));
        }

        if (Rules.Count == 0 || !Rules[^1].IsBlank)
        {
            Rules.Add(SpareLine());
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId).Message;

    private static HolidayRuleInput SpareLine() => new() { Calendar = nameof(HolidayCalendar.Solar), Days = 1, AdjacentDay = nameof(AdjacentDay.None) };

    private static string Hours(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private IActionResult? Refusal()
    {
        Province = Provinces.Find(string.IsNullOrWhiteSpace(ProvinceCode) ? WorkingCalendarService.OwnProvince(User) : ProvinceCode);
        if (Province is null)
        {
            return NotFound();
        }

        return WorkingCalendarService.MayRecord(User, Province.Code) ? null : Forbid();
    }

    /// <summary>"holidayRules[1].month" from the service, for the second non-blank line, becomes the id of that line's input.</summary>
    private static string FieldId(string field, List<int> lines)
    {
        var match = RuleField().Match(field);
        if (!match.Success)
        {
            return field switch
            {
                "weeklyDaysOff" => "WeeklyDaysOff_Monday",
                _ => char.ToUpperInvariant(field[0]) + field[1..],
            };
        }

        var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var row = index < lines.Count ? lines[index] : index;
        var property = match.Groups[2].Value;
        return $"Rules_{row}__{char.ToUpperInvariant(property[0]) + property[1..]}";
    }

    [GeneratedRegex(@"^holidayRules\[(\d+)\]\.(\w+)$")]
    private static partial Regex RuleField();
}
