namespace OneStop.Web.Identity;

/// <summary>The texts of the sign-in and account pages; English in IdentityText.en.resx.</summary>
public sealed class IdentityText;
