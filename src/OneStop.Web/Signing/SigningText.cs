namespace OneStop.Web.Signing;

/// <summary>The texts of the Signing pages; English in SigningText.en.resx.</summary>
public sealed class SigningText;
