using OneStop.Web.Calendar.WorkingDays;

namespace OneStop.Tests.Calendar;

public sealed class CalendarSettingsValidatorTests
{
    private static HolidayRuleInput Rule(string key = "vu-lan", string calendar = "Lunar", int month = 7, int day = 15, int days = 1) =>
        new() { Key = key, Name = "Lễ Vu Lan", Calendar = calendar, Month = month, Day = day, Days = days };

    private static CalendarSettingsInput Settings(
        string morningStart = "07:30", string morningEnd = "11:30", string afternoonStart = "13:30", string afternoonEnd = "17:00",
        string[]? daysOff = null, HolidayRuleInput[]? rules = null) =>
        new(morningStart, morningEnd, afternoonStart, afternoonEnd, daysOff ?? ["Saturday", "Sunday"], rules ?? [Rule()]);

    [Fact]
    public void Valid_settings_give_the_periods_days_off_and_rules()
    {
        var errors = CalendarSettingsValidator.Validate(Settings(), out var values);

        Assert.Empty(errors);
        Assert.Equal(new WorkingPeriod(new(13, 30), new(17, 0)), values!.Afternoon);
        Assert.Equal(WeekDays.Saturday | WeekDays.Sunday, values.WeeklyDaysOff);
        Assert.Equal(HolidayCalendar.Lunar, Assert.Single(values.Rules).Rule.Calendar);
    }

    [Theory]
    [InlineData("7:30", "11:30", "13:30", "17:00", "morningStart")]
    [InlineData("07:30", "24:00", "13:30", "17:00", "morningEnd")]
    [InlineData("11:30", "07:30", "13:30", "17:00", "morningEnd")]
    [InlineData("07:30", "11:30", "11:00", "17:00", "afternoonStart")]
    [InlineData("07:30", "11:30", "13:30", "13:30", "afternoonEnd")]
    [InlineData("08:00", "10:00", "13:00", "14:30", "afternoonEnd")]
    public void Hours_out_of_order_or_too_short_are_refused(string ms, string me, string @as, string ae, string field)
    {
        var errors = CalendarSettingsValidator.Validate(Settings(ms, me, @as, ae), out var values);

        Assert.Null(values);
        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void A_rule_is_named_by_its_place_in_the_list_or_by_the_line_the_person_sees()
    {
        HolidayRuleInput[] rules = [Rule(key: "tet-duong-lich", calendar: "Solar", month: 1, day: 1), Rule(month: 13)];

        var listed = Assert.Single(CalendarSettingsValidator.Validate(Settings(rules: rules), out _));
        var seen = Assert.Single(CalendarSettingsValidator.Validate(Settings(rules: rules), out _, ruleLines: [1, 8]));

        Assert.Equal(("holidayRules[1].month", "Quy tắc 2: tháng phải từ 1 đến 12.", "Rule 2: the month must be from 1 to 12."), (listed.Field, listed.VietnameseMessage, listed.Message));
        Assert.Equal(("holidayRules[1].month", "Quy tắc 8: tháng phải từ 1 đến 12.", "Rule 8: the month must be from 1 to 12."), (seen.Field, seen.VietnameseMessage, seen.Message));
    }

    [Fact]
    public void A_morning_ending_when_the_afternoon_starts_is_allowed() =>
        Assert.Empty(CalendarSettingsValidator.Validate(Settings(morningEnd: "12:00", afternoonStart: "12:00"), out _));

    [Fact]
    public void A_week_without_working_day_or_with_an_unknown_day_is_refused()
    {
        string[] everyDay = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        Assert.Equal("weeklyDaysOff", Assert.Single(CalendarSettingsValidator.Validate(Settings(daysOff: everyDay), out _)).Field);
        Assert.Equal("weeklyDaysOff", Assert.Single(CalendarSettingsValidator.Validate(Settings(daysOff: ["Caturday"]), out _)).Field);
        Assert.Equal("weeklyDaysOff", Assert.Single(CalendarSettingsValidator.Validate(Settings(daysOff: ["3"]), out _)).Field);
    }

    [Theory]
    [InlineData("Lunar", 13, 1, 1, "month")]
    [InlineData("Lunar", 1, 31, 1, "day")]
    [InlineData("Solar", 2, 30, 1, "day")]
    [InlineData("Solar", 4, 31, 1, "day")]
    [InlineData("Lunar", 1, 1, 0, "days")]
    [InlineData("Lunar", 1, 1, 11, "days")]
    [InlineData("Julian", 1, 1, 1, "calendar")]
    public void Rule_dates_outside_the_calendar_are_refused(string calendar, int month, int day, int days, string field)
    {
        var errors = CalendarSettingsValidator.Validate(Settings(rules: [Rule(calendar: calendar, month: month, day: day, days: days)]), out _);

        Assert.Equal($"holidayRules[0].{field}", Assert.Single(errors).Field);
    }

    [Fact]
    public void A_lunar_30th_and_a_solar_29_february_are_allowed() =>
        Assert.Empty(CalendarSettingsValidator.Validate(Settings(rules: [Rule("a", "Lunar", 12, 30), Rule("b", "Solar", 2, 29)]), out _));

    [Fact]
    public void Keys_must_be_unique_and_names_given()
    {
        var nameless = Rule("b");
        nameless.Name = " ";

        var errors = CalendarSettingsValidator.Validate(Settings(rules: [Rule("a"), Rule("a"), nameless]), out _);

        Assert.Equal(["holidayRules[1].key", "holidayRules[2].name"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.VietnameseMessage)));
    }
}
