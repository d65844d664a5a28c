using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Calendar.Api;
using OneStop.Web.Calendar.WorkingDays;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Calendar.Pages;

/// <summary>One editable line of the year form.</summary>
public sealed class DayRow
{
    public string? Date { get; set; }

    public string? Reason { get; set; }

    public string? DecisionReference { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(Reason) && string.IsNullOrWhiteSpace(DecisionReference);

    public static DayRow From(CalendarDay day) => new()
    {
        Date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Reason = day.Reason,
        DecisionReference = day.DecisionReference,
    };
}

/// <summary>
/// Where a province administrator records the Government's decision for a year: the days computed by
/// rule (or recorded before) to confirm or change, and empty lines to add more. Works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.ProvinceAdministrator)]
[OfficerAccess(Roles.ProvinceAdministrator, ProvinceParameter = "province", ExampleRequest = "/calendar/2031/edit?province={province}")]
public sealed class CalendarEditModel(WorkingCalendarService calendars) : PageModel
{
    private const int BlankDaysOff = 5;
    private const int BlankWorkedDays = 3;

    [BindProperty(SupportsGet = true, Name = "year")]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "province")]
    public string? ProvinceCode { get; set; }

    [BindProperty]
    public List<DayRow> DaysOff { get; set; } = [];

    [BindProperty]
    public List<DayRow> WorkedDays { get; set; } = [];

    public Province? Province { get; private set; }

    public bool WasConfirmed { get; private set; }

    /// <summary>The errors in page order, each with the id of its field.</summary>
    public List<(string FieldId, string Message)> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var calendar = await calendars.GetAsync(Province!.Code, cancellationToken);
        var year = calendar.Year(Year);
        var start = year.IsConfirmed ? year : calendar.ComputedYear(Year);
        DaysOff = [.. start.DaysOff.Select(DayRow.From), .. Enumerable.Range(0, BlankDaysOff).Select(_ => new DayRow())];
        WorkedDays = [.. start.WorkedDays.Select(DayRow.From), .. Enumerable.Range(0, BlankWorkedDays).Select(_ => new DayRow())];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        // Blank lines are the form's spare lines, not days; errors are reported on the line the person sees.
        var offLines = DaysOff.Select((row, index) => (row, index)).Where(x => !x.row.IsBlank).ToList();
        var workedLines = WorkedDays.Select((row, index) => (row, index)).Where(x => !x.row.IsBlank).ToList();
        var decision = new YearDecision(
            [.. offLines.Select(x => new DayEntry(x.row.Date, x.row.Reason, x.row.DecisionReference))],
            [.. workedLines.Select(x => new DayEntry(x.row.Date, x.row.Reason, x.row.DecisionReference))]);

        var result = await calendars.RecordYearAsync(Province!.Code, Year, decision, CalendarApi.RecordedBy(User), cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/calendar?province={Province.Code}&year={Year}&saved=true");
        }

        var english = ReaderLanguage.IsEnglish;
        foreach (var error in result.Errors)
        {
            var fieldId = FieldId(error.Field, offLines.Select(x => x.index).ToList(), workedLines.Select(x => x.index).ToList());
            var message = english ? error.Message : error.VietnameseMessage;
            ModelState.AddModelError(fieldId, message);
            Errors.Add((fieldId, message));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId).Message;

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Province = Provinces.Find(string.IsNullOrWhiteSpace(ProvinceCode) ? WorkingCalendarService.OwnProvince(User) : ProvinceCode);
        if (Province is null || Year is < YearDecisionValidator.MinYear or > YearDecisionValidator.MaxYear)
        {
            return NotFound();
        }

        if (!WorkingCalendarService.MayRecord(User, Province.Code))
        {
            return Forbid();
        }

        var calendar = await calendars.GetAsync(Province.Code, cancellationToken);
        WasConfirmed = calendar.Year(Year).IsConfirmed;
        return null;
    }

    /// <summary>"daysOff[1].date" from the service, for the second non-blank line, becomes the id of that line's input.</summary>
    private static string FieldId(string field, List<int> offLines, List<int> workedLines)
    {
        var match = System.Text.RegularExpressions.Regex.Match(field, @"^(daysOff|workedDays)\[(\d+)\]\.(\w+)$");
        if (!match.Success)
        {
            return field switch
            {
                "daysOff" => "DaysOff_0__Date",
                "workedDays" => "WorkedDays_0__Date",
                _ => "DaysOff_0__Date",
            };
        }

        var lines = match.Groups[1].Value == "daysOff" ? offLines : workedLines;
        var index = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var row = index < lines.Count ? lines[index] : index;
        var list = match.Groups[1].Value == "daysOff" ? "DaysOff" : "WorkedDays";
        var property = match.Groups[3].Value switch
        {
            "reason" => "Reason",
            "decisionReference" => "DecisionReference",
            _ => "Date",
        };
        return $"{list}_{row}__{property}";
    }
}
