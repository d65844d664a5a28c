using System.Globalization;
using System.Text.RegularExpressions;

namespace OneStop.Web.Calendar.WorkingDays;

/// <summary>A province's office hours, weekly days off and holiday rules as the administrator sends them, all replaced at once.</summary>
/// <param name="MorningStart">Start of the morning period, HH:mm, e.g. 07:30.</param>
/// <param name="MorningEnd">End of the morning period, HH:mm.</param>
/// <param name="AfternoonStart">Start of the afternoon period, HH:mm.</param>
/// <param name="AfternoonEnd">End of the afternoon period, HH:mm.</param>
/// <param name="WeeklyDaysOff">English weekday names, e.g. ["Saturday", "Sunday"].</param>
/// <param name="HolidayRules">The full list of holiday rules; a rule left out is deleted.</param>
public sealed record CalendarSettingsInput(
    string? MorningStart,
    string? MorningEnd,
    string? AfternoonStart,
    string? AfternoonEnd,
    IReadOnlyList<string>? WeeklyDaysOff,
    IReadOnlyList<HolidayRuleInput>? HolidayRules);

/// <summary>One holiday rule as sent; also a line of the settings form.</summary>
public sealed class HolidayRuleInput
{
    /// <summary>Stable key, lower-case letters, digits and hyphens, unique in the province, e.g. "hung-kings".</summary>
    public string? Key { get; set; }

    public string? Name { get; set; }

    /// <summary>"Solar" or "Lunar".</summary>
    public string? Calendar { get; set; }

    public int? Month { get; set; }

    public int? Day { get; set; }

    /// <summary>Days from the anniversary to the first day off, -10 to 10 (Tết starts one day before lunar 1/1).</summary>
    public int? FirstDayOffset { get; set; }

    /// <summary>How many days off, 1 to 10.</summary>
    public int? Days { get; set; }

    /// <summary>"None", "Before", "After" or "ByWeekday".</summary>
    public string? AdjacentDay { get; set; }

    public int? FromYear { get; set; }

    public int? ToYear { get; set; }

    public string? Basis { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>A form line without key and name: the spare line, or a rule the administrator cleared to delete it.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Name);
}

/// <summary>The settings once validated.</summary>
public sealed record CalendarSettingsValues(
    WorkingPeriod Morning,
    WorkingPeriod Afternoon,
    WeekDays WeeklyDaysOff,
    IReadOnlyList<(HolidayRuleDefinition Rule, bool Enabled)> Rules);

/// <summary>Checks the settings as a whole, so that a calendar can never be saved that counts no working time.</summary>
public static partial class CalendarSettingsValidator
{
    public const int MinWorkingHours = 4;
    public const int MaxRuleDays = 10;
    private const int MaxText = 200;
    private const int MaxBasis = 400;
    private const int MaxKey = 40;

    /// <param name="input">The settings as sent.</param>
    /// <param name="values">The settings once valid, null otherwise.</param>
    /// <param name="ruleLines">
    /// The line number the person sees for each rule, when it is not its place in the list: the settings page
    /// leaves out the lines cleared to delete a rule, and the messages must name the line the person reads.
    /// </param>
    public static IReadOnlyList<FieldError> Validate(CalendarSettingsInput input, out CalendarSettingsValues? values, IReadOnlyList<int>? ruleLines = null)
    {
        var errors = new List<FieldError>();
        values = null;
        var morningStart = Time("morningStart", "giờ bắt đầu buổi sáng", input.MorningStart, errors);
        var morningEnd = Time("morningEnd", "giờ kết thúc buổi sáng", input.MorningEnd, errors);
        var afternoonStart = Time("afternoonStart", "giờ bắt đầu buổi chiều", input.AfternoonStart, errors);
        var afternoonEnd = Time("afternoonEnd", "giờ kết thúc buổi chiều", input.AfternoonEnd, errors);
        if (morningStart is { } ms && morningEnd is { } me && afternoonStart is { } @as && afternoonEnd is { } ae)
        {
            if (ms >= me)
            {
                errors.Add(new("morningEnd", "The morning must end after it starts.", "Giờ kết thúc buổi sáng phải sau giờ bắt đầu."));
            }
            else if (me > @as)
            {
                errors.Add(new("afternoonStart", "The afternoon must start at or after the end of the morning.", "Buổi chiều phải bắt đầu từ khi buổi sáng kết thúc trở đi."));
            }
            else if (@as >= ae)
            {
                errors.Add(new("afternoonEnd", "The afternoon must end after it starts.", "Giờ kết thúc buổi chiều phải sau giờ bắt đầu."));
            }
            else if ((me - ms) + (ae - @as) < TimeSpan.FromHours(MinWorkingHours))
            {
                errors.Add(new("afternoonEnd", $"A working day must have at least {MinWorkingHours} working hours.", $"Một ngày làm việc phải có ít nhất {MinWorkingHours} giờ làm việc."));
            }
        }

        var daysOff = WeekDays.None;
        foreach (var name in input.WeeklyDaysOff ?? [])
        {
            if (Enum.TryParse<DayOfWeek>(name?.Trim(), ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(name, out _))
            {
                daysOff |= day.ToFlag();
            }
            else
            {
                errors.Add(new("weeklyDaysOff", $"'{name}' is not a weekday; expected Monday to Sunday.", $"'{name}' không phải là một ngày trong tuần."));
            }
        }

        if (daysOff == (WeekDays)127)
        {
            errors.Add(new("weeklyDaysOff", "At least one weekday must be a working day.", "Phải có ít nhất một ngày làm việc trong tuần."));
        }

        var rules = new List<(HolidayRuleDefinition, bool)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var list = input.HolidayRules ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (Rule(i, ruleLines is not null && i < ruleLines.Count ? ruleLines[i] : i + 1, list[i], keys, errors) is { } rule)
            {
                rules.Add((rule, list[i].Enabled));
            }
        }

        if (errors.Count == 0)
        {
            values = new CalendarSettingsValues(new(morningStart!.Value, morningEnd!.Value), new(afternoonStart!.Value, afternoonEnd!.Value), daysOff, rules);
        }

        return errors;
    }

    private static HolidayRuleDefinition? Rule(int index, int line, HolidayRuleInput rule, HashSet<string> keys, List<FieldError> errors)
    {
        var prefix = $"holidayRules[{index}].";
        var before = errors.Count;
        var key = rule.Key?.Trim() ?? "";
        if (!RuleKey().IsMatch(key) || key.Length > MaxKey)
        {
            errors.Add(new(prefix + "key", $"Rule {line}: the key must be 1 to {MaxKey} lower-case letters, digits or hyphens, e.g. hung-kings.", $"Quy tắc {line}: mã gồm 1 đến {MaxKey} chữ thường không dấu, chữ số hoặc dấu gạch ngang, ví dụ hung-kings."));
        }
        else if (!keys.Add(key))
        {
            errors.Add(new(prefix + "key", $"Rule {line}: the key '{key}' is used by another rule.", $"Quy tắc {line}: mã '{key}' đã dùng cho quy tắc khác."));
        }

        var name = rule.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxText)
        {
            errors.Add(new(prefix + "name", $"Rule {line}: the name is required (at most {MaxText} characters).", $"Quy tắc {line}: cần nhập tên (tối đa {MaxText} ký tự)."));
        }

        if (!Enum.TryParse<HolidayCalendar>(rule.Calendar?.Trim(), ignoreCase: true, out var calendar) || !Enum.IsDefined(calendar) || int.TryParse(rule.Calendar, out _))
        {
            errors.Add(new(prefix + "calendar", $"Rule {line}: the calendar must be Solar or Lunar.", $"Quy tắc {line}: chọn dương lịch hoặc âm lịch."));
        }

        if (rule.Month is not (>= 1 and <= 12))
        {
            errors.Add(new(prefix + "month", $"Rule {line}: the month must be from 1 to 12.", $"Quy tắc {line}: tháng phải từ 1 đến 12."));
        }
        else
        {
            // A solar 29/2 is allowed: the rule then applies in leap years only.
            var maxDay = calendar == HolidayCalendar.Lunar ? 30 : DateTime.DaysInMonth(2024, rule.Month.Value);
            if (rule.Day is null || rule.Day < 1 || rule.Day > maxDay)
            {
                errors.Add(new(prefix + "day", $"Rule {line}: the day must be from 1 to {maxDay} for that month.", $"Quy tắc {line}: ngày phải từ 1 đến {maxDay} với tháng này."));
            }
        }

        if (rule.Days is null or < 1 or > MaxRuleDays)
        {
            errors.Add(new(prefix + "days", $"Rule {line}: the number of days must be from 1 to {MaxRuleDays}.", $"Quy tắc {line}: số ngày nghỉ phải từ 1 đến {MaxRuleDays}."));
        }

        if (rule.FirstDayOffset is < -MaxRuleDays or > MaxRuleDays)
        {
            errors.Add(new(prefix + "firstDayOffset", $"Rule {line}: the first day must be within {MaxRuleDays} days of the date.", $"Quy tắc {line}: ngày nghỉ đầu tiên phải cách ngày kỷ niệm không quá {MaxRuleDays} ngày."));
        }

        var adjacent = AdjacentDay.None;
        if (!string.IsNullOrWhiteSpace(rule.AdjacentDay)
            && (!Enum.TryParse(rule.AdjacentDay.Trim(), ignoreCase: true, out adjacent) || !Enum.IsDefined(adjacent) || int.TryParse(rule.AdjacentDay, out _)))
        {
            errors.Add(new(prefix + "adjacentDay", $"Rule {line}: the adjacent day must be None, Before, After or ByWeekday.", $"Quy tắc {line}: ngày liền kề không hợp lệ."));
        }

        foreach (var (field, year) in new[] { ("fromYear", rule.FromYear), ("toYear", rule.ToYear) })
        {
            if (year is < YearDecisionValidator.MinYear or > YearDecisionValidator.MaxYear)
            {
                errors.Add(new(prefix + field, $"Rule {line}: the year must be from {YearDecisionValidator.MinYear} to {YearDecisionValidator.MaxYear}.", $"Quy tắc {line}: năm phải từ {YearDecisionValidator.MinYear} đến {YearDecisionValidator.MaxYear}."));
            }
        }

        if (rule.FromYear is { } from && rule.ToYear is { } to && from > to)
        {
            errors.Add(new(prefix + "toYear", $"Rule {line}: the last year cannot be before the first year.", $"Quy tắc {line}: năm kết thúc không được trước năm bắt đầu."));
        }

        var basis = string.IsNullOrWhiteSpace(rule.Basis) ? null : rule.Basis.Trim();
        if (basis?.Length > MaxBasis)
        {
            errors.Add(new(prefix + "basis", $"Rule {line}: the basis is at most {MaxBasis} characters.", $"Quy tắc {line}: căn cứ tối đa {MaxBasis} ký tự."));
        }

        return errors.Count > before
            ? null
            : new HolidayRuleDefinition(key, name, calendar, rule.Month!.Value, rule.Day!.Value, rule.FirstDayOffset ?? 0, rule.Days!.Value, adjacent, rule.FromYear, rule.ToYear, basis);
    }

    private static TimeOnly? Time(string field, string vietnamese, string? text, List<FieldError> errors)
    {
        if (text is not null && HoursMinutes().IsMatch(text.Trim())
            && TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(new(field, $"'{text}' is not a time; expected HH:mm, e.g. 07:30.", $"Nhập {vietnamese} theo dạng giờ:phút, ví dụ 07:30."));
        return null;
    }

    [GeneratedRegex(@"^\d{2}:\d{2}$")]
    private static partial Regex HoursMinutes();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RuleKey();
}
