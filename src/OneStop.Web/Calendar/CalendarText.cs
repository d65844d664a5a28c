namespace OneStop.Web.Calendar;

/// <summary>Texts of the calendar pages; the Vietnamese text is the key, CalendarText.en.resx holds the English.</summary>
public sealed class CalendarText;
