namespace OneStop.Web.Applications.Portal;

/// <summary>Texts of the citizen's apply pages; the Vietnamese text is the key, PortalText.en.resx holds the English.</summary>
public sealed class PortalText;
