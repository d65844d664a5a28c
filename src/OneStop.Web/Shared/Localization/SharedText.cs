namespace OneStop.Web.Shared.Localization;

/// <summary>
/// Texts of the layout and the shared pages. The Vietnamese text is the key; <c>SharedText.en.resx</c>
/// beside this file holds the English. Each capability keeps its own <c>…Text</c> class the same way.
/// </summary>
public sealed class SharedText;
