using System.Globalization;

namespace OneStop.Web.Calendar.WorkingDays;

/// <summary>One line of a year's decision as an administrator enters it: text, to be validated.</summary>
public sealed record DayEntry(string? Date, string? Reason, string? DecisionReference = null);

/// <summary>The Government's decision for a year as recorded for a province: every day off and every worked day.</summary>
public sealed record YearDecision(IReadOnlyList<DayEntry>? DaysOff, IReadOnlyList<DayEntry>? WorkedDays);

/// <summary>A field in error: its path ("daysOff[2].date"), the English message and the Vietnamese one.</summary>
public sealed record FieldError(string Field, string Message, string VietnameseMessage);

/// <summary>Checks a year's decision and turns it into calendar days; nothing is written unless it is valid.</summary>
public static class YearDecisionValidator
{
    public const int MinYear = 1900;
    public const int MaxYear = 2199;
    public const int MaxReasonLength = 200;
    public const int MaxEntries = 366;

    public static IReadOnlyList<FieldError> Validate(
        int year,
        YearDecision decision,
        WeekDays weeklyDaysOff,
        out IReadOnlyList<CalendarDay> daysOff,
        out IReadOnlyList<CalendarDay> workedDays)
    {
        var errors = new List<FieldError>();
        if (year is < MinYear or > MaxYear)
        {
            errors.Add(new("year", $"The year must be between {MinYear} and {MaxYear}.", $"Năm phải từ {MinYear} đến {MaxYear}."));
        }

        daysOff = Read("daysOff", year, decision.DaysOff, CalendarDayKind.DayOff, errors);
        workedDays = Read("workedDays", year, decision.WorkedDays, CalendarDayKind.WorkedDay, errors);

        var offDates = daysOff.Select(d => d.Date).ToHashSet();
        var entries = decision.WorkedDays ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            if (!TryParseDate(entries[i].Date, out var date) || date.Year != year)
            {
                continue;
            }

            if (offDates.Contains(date))
            {
                errors.Add(new(
                    $"workedDays[{i}].date",
                    $"{date:yyyy-MM-dd} is listed both as a day off and as a worked day; a day can be only one.",
                    $"Ngày {date:dd/MM/yyyy} vừa là ngày nghỉ vừa là ngày làm bù; mỗi ngày chỉ được là một loại."));
            }
            else if (!weeklyDaysOff.Contains(date.DayOfWeek))
            {
                errors.Add(new(
                    $"workedDays[{i}].date",
                    $"{date:yyyy-MM-dd} is a {date.DayOfWeek}, already a working day; a worked day must be a weekly day off.",
                    $"Ngày {date:dd/MM/yyyy} là {date.DayOfWeek.VietnameseName()}, vốn là ngày làm việc; ngày làm bù phải là ngày nghỉ hằng tuần."));
            }
        }

        return errors;
    }

    private static IReadOnlyList<CalendarDay> Read(string list, int year, IReadOnlyList<DayEntry>? entries, CalendarDayKind kind, List<FieldError> errors)
    {
        var days = new List<CalendarDay>();
        entries ??= [];
        if (entries.Count > MaxEntries)
        {
            errors.Add(new(list, $"At most {MaxEntries} days may be listed.", $"Chỉ được liệt kê tối đa {MaxEntries} ngày."));
            return days;
        }

        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? new DayEntry(null, null);
            var field = $"{list}[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Date))
            {
                errors.Add(new($"{field}.date", "The date is required (YYYY-MM-DD).", "Vui lòng nhập ngày."));
            }
            else if (!TryParseDate(entry.Date, out var date))
            {
                errors.Add(new($"{field}.date", $"'{entry.Date}' is not a date; expected YYYY-MM-DD.", $"'{entry.Date}' không phải là ngày hợp lệ."));
            }
            else if (date.Year != year)
            {
                errors.Add(new($"{field}.date", $"{date:yyyy-MM-dd} is not in {year}.", $"Ngày {date:dd/MM/yyyy} không thuộc năm {year}."));
            }
            else if (!seen.Add(date))
            {
                errors.Add(new($"{field}.date", $"{date:yyyy-MM-dd} is listed twice.", $"Ngày {date:dd/MM/yyyy} bị nhập hai lần."));
            }
            else
            {
                var reason = entry.Reason?.Trim() ?? "";
                var reference = string.IsNullOrWhiteSpace(entry.DecisionReference) ? null : entry.DecisionReference.Trim();
                if (reason.Length > 0 && reason.Length <= MaxReasonLength && (reference is null || reference.Length <= MaxReasonLength))
                {
                    days.Add(new CalendarDay(date, kind, reason, reference));
                }
            }

            if (string.IsNullOrWhiteSpace(entry.Reason))
            {
                errors.Add(new($"{field}.reason", "The reason is required (e.g. \"Tết Nguyên đán\").", "Vui lòng nhập lý do (ví dụ: \"Tết Nguyên đán\")."));
            }
            else if (entry.Reason.Trim().Length > MaxReasonLength)
            {
                errors.Add(new($"{field}.reason", $"The reason is longer than {MaxReasonLength} characters.", $"Lý do dài quá {MaxReasonLength} ký tự."));
            }

            if (entry.DecisionReference is { } decisionReference && decisionReference.Trim().Length > MaxReasonLength)
            {
                errors.Add(new($"{field}.decisionReference", $"The decision reference is longer than {MaxReasonLength} characters.", $"Số, ký hiệu văn bản dài quá {MaxReasonLength} ký tự."));
            }
        }

        return [.. days.OrderBy(d => d.Date)];
    }

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
