using System.Collections.Frozen;
using System.Text;

namespace OneStop.Web.Documents;

/// <summary>
/// Keeps text within what one embedded simple TrueType font can hold (255 distinct characters): the
/// printable ASCII characters and the Vietnamese letters, 229 in all. Typographic punctuation becomes
/// its ASCII equivalent; anything else becomes "?", so a stray symbol can never break a document.
/// </summary>
public static class PdfText
{
    private static readonly FrozenSet<char> VietnameseLetters = BuildVietnameseLetters();

    public static string Sanitize(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            switch (c)
            {
                case '\u2013' or '\u2014' or '\u2212':
                    builder.Append('-');
                    break;
                case '\u2018' or '\u2019':
                    builder.Append('\'');
                    break;
                case '\u201C' or '\u201D':
                    builder.Append('"');
                    break;
                case '\u2026':
                    builder.Append("...");
                    break;
                case '\u00A0' or '\t' or '\r' or '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(IsPrintable(c) ? c : '?');
                    break;
            }
        }

        return builder.ToString();
    }

    public static bool IsPrintable(char c) => c is >= ' ' and <= '~' || VietnameseLetters.Contains(c);

    /// <summary>Every distinct character <see cref="Sanitize"/> can let through.</summary>
    public static int AlphabetSize => 95 + VietnameseLetters.Count;

    private static FrozenSet<char> BuildVietnameseLetters()
    {
        const string vowels = "aăâeêioôơuưy";
        char[] tones = ['\0', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
        var letters = new HashSet<char> { 'đ', 'Đ' };
        foreach (var vowel in vowels)
        {
            foreach (var tone in tones)
            {
                foreach (var letter in new[] { vowel, char.ToUpperInvariant(vowel) })
                {
                    var composed = (tone == '\0' ? letter.ToString() : $"{letter}{tone}").Normalize(NormalizationForm.FormC);
                    if (composed.Length == 1 && composed[0] > '~')
                    {
                        letters.Add(composed[0]);
                    }
                }
            }
        }

        return letters.ToFrozenSet();
    }
}
