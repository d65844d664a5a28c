using System.Globalization;

namespace OneStop.Web.Shared.Localization;

/// <summary>
/// Which of OneStop's two languages the reader chose. English only when chosen: any other culture a request might
/// carry reads Vietnamese, the authoritative language of every text.
/// </summary>
public static class ReaderLanguage
{
    public static bool IsEnglish => IsEnglishCulture(CultureInfo.CurrentUICulture);

    public static bool IsEnglishCulture(CultureInfo culture) => culture.TwoLetterISOLanguageName == LocalizationSetup.English;
}
