namespace OneStop.Web.Overdue;

/// <summary>The texts of the overdue pages: Vietnamese keys, English in OverdueText.en.resx.</summary>
public sealed class OverdueText;
