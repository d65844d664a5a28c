using System.Globalization;
using System.Text;

namespace OneStop.Web.Catalog.Search;

/// <summary>
/// Makes Vietnamese text comparable the way people type it: with or without diacritics, with the tone
/// mark on either vowel ("hoà"/"hòa", "thuý"/"thúy"), composed or decomposed.
/// </summary>
/// <remarks>
/// The AdministrativeUnits capability needs the same for place names; this small copy lives here until
/// the two are unified in Shared.
/// </remarks>
public static class VietnameseText
{
    // The five tone marks as combining characters: grave, acute, tilde, hook above, dot below.
    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";

    /// <summary>
    /// The loosest form: lower case, every mark removed, đ as d, anything but letters and digits as a
    /// single space. "Đăng ký khai sinh" → "dang ky khai sinh".
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                // Ð (eth) is what some keyboards give for Đ.
                'đ' or 'Đ' or 'ð' or 'Ð' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsLetterOrDigit(folded))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(folded);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Keeps the letters' own marks (â ă ê ô ơ ư đ) but moves each word's tone mark to the end of the
    /// word as a digit (1 huyền, 2 sắc, 3 ngã, 4 hỏi, 5 nặng), so that where the tone sits no longer matters: "hoà" and "hòa" → "hoa1";
    /// "Đăng ký" → "đăng ky2". Lower case; words split as in <see cref="Fold"/>.
    /// </summary>
    public static string SeparateTones(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD).ToLowerInvariant();
        var words = new List<string>();
        var word = new StringBuilder();
        var tone = 0;

        void EndWord()
        {
            if (word.Length > 0)
            {
                var composed = word.ToString().Normalize(NormalizationForm.FormC);
                words.Add(tone == 0 ? composed : composed + tone.ToString(CultureInfo.InvariantCulture));
            }

            word.Clear();
            tone = 0;
        }

        foreach (var c in decomposed)
        {
            var toneIndex = ToneMarks.IndexOf(c, StringComparison.Ordinal);
            if (toneIndex >= 0)
            {
                tone = toneIndex + 1;
            }
            else if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
            }
            else
            {
                EndWord();
            }
        }

        EndWord();
        return string.Join(' ', words);
    }

    /// <summary>Whether the query has any Vietnamese mark, i.e. whether its author typed them.</summary>
    public static bool HasMarks(string? text) =>
        !string.IsNullOrEmpty(text) && text.Normalize(NormalizationForm.FormD).Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is 'đ' or 'Đ');
}
