namespace OneStop.Web.Applications.Tracking;

/// <summary>Texts of the citizen's follow-up pages: the Vietnamese text is the key, <c>TrackingText.en.resx</c> holds the English.</summary>
public sealed class TrackingText;
