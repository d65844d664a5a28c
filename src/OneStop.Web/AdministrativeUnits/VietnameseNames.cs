using System.Globalization;
using System.Text;

namespace OneStop.Web.AdministrativeUnits;

/// <summary>
/// How OneStop compares Vietnamese place names. The same name reaches us in several spellings:
/// precomposed or decomposed Unicode, the tone mark on one vowel or the other ("Hòa"/"Hoà",
/// "Thủy"/"Thuỷ"), with or without diacritics at all ("Yen Hoa"). Two keys make them comparable:
/// <see cref="Fold"/> drops every diacritic (what someone without a Vietnamese keyboard types) and
/// <see cref="ToneKey"/> keeps the letters and the tone but not where the mark sits.
/// </summary>
public static class VietnameseNames
{
    private const char Drop = '\0';
    private const char Separator = '\u0001';

    // A lookup for the Latin blocks Vietnamese uses (including U+1E00–U+1EFF, the precomposed
    // Vietnamese letters), so that folding a query costs one array read per character.
    private static readonly char[] FoldTable = BuildFoldTable();

    // For each precomposed letter: the lower-case letter without its tone ('ệ' → 'ê') and the tone digit.
    private static readonly (char Letter, char Tone)[] ToneTable = BuildToneTable();

    /// <summary>
    /// The diacritic-free search key: lower case, every mark removed, đ → d, apostrophes dropped
    /// ("M'Đrắk" → "mdrak"), any other punctuation a single space. "Phường Yên Hoà" → "phuong yen hoa".
    /// </summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            var mapped = c < FoldTable.Length ? FoldTable[c] : FoldOutsideTable(c);
            if (mapped == Drop)
            {
                continue;
            }

            if (mapped == Separator)
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = mapped;
        }

        return new string(buffer[..length]);
    }

    /// <summary>
    /// A key that tells names apart by letters and tones but not by where the tone mark sits:
    /// each word becomes its letters (with â, ă, ê, ô, ơ, ư, đ kept) followed by its tone as a digit
    /// (0 level, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng). "Hòa" and "Hoà" both give "hoa1"; "Hóa" gives "hoa2".
    /// </summary>
    public static string ToneKey(string text)
    {
        Span<char> buffer = text.Length <= 120 ? stackalloc char[(text.Length * 2) + 2] : new char[(text.Length * 2) + 2];
        var length = 0;
        var tone = '0';
        var inWord = false;
        var hasLetter = false;
        foreach (var c in text)
        {
            var toneDigit = ToneDigit(c);
            if (toneDigit != '0')
            {
                tone = toneDigit; // a decomposed tone mark, wherever it sits in the word
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // A decomposed circumflex, breve or horn belongs to the letter before it.
                if (inWord && length > 0 && Compose(buffer[length - 1], c) is var composed and not '\0')
                {
                    buffer[length - 1] = composed;
                }

                continue;
            }

            if (IsApostrophe(c))
            {
                continue; // "M'Đrắk" and "MĐrắk" are the same name
            }

            if (!char.IsLetterOrDigit(c))
            {
                EndWord(buffer, ref length, ref inWord, ref hasLetter, ref tone);
                continue;
            }

            var (letter, letterTone) = c < ToneTable.Length && ToneTable[c].Letter != '\0'
                ? ToneTable[c]
                : (char.ToLowerInvariant(c), '0');
            if (letterTone != '0')
            {
                tone = letterTone;
            }

            if (!inWord)
            {
                if (length > 0)
                {
                    buffer[length++] = ' ';
                }

                inWord = true;
            }

            buffer[length++] = letter;
            hasLetter |= char.IsLetter(c);
        }

        EndWord(buffer, ref length, ref inWord, ref hasLetter, ref tone);
        return new string(buffer[..length]);
    }

    private static void EndWord(Span<char> buffer, ref int length, ref bool inWord, ref bool hasLetter, ref char tone)
    {
        if (inWord && hasLetter)
        {
            buffer[length++] = tone;
        }

        inWord = false;
        hasLetter = false;
        tone = '0';
    }

    private static char Compose(char letter, char mark) => (letter, mark) switch
    {
        ('a', '\u0302') => 'â',
        ('e', '\u0302') => 'ê',
        ('o', '\u0302') => 'ô',
        ('a', '\u0306') => 'ă',
        ('o', '\u031B') => 'ơ',
        ('u', '\u031B') => 'ư',
        _ => '\0',
    };

    /// <summary>Whether two names are the same once Unicode form and tone-mark placement are set aside.</summary>
    public static bool SameName(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || string.Equals(ToneKey(a), ToneKey(b), StringComparison.Ordinal);

    /// <summary>Whether the text carries any Vietnamese diacritic (then its diacritics can rank matches).</summary>
    public static bool HasDiacritics(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F && (char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name as it should be shown and stored: NFC, trimmed, single spaces.</summary>
    public static string Clean(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC).Trim();
        if (!normalized.Contains("  ", StringComparison.Ordinal))
        {
            return normalized;
        }

        return string.Join(' ', normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static char ToneDigit(char c) => c switch
    {
        '\u0300' => '1', // huyền
        '\u0301' => '2', // sắc
        '\u0309' => '3', // hỏi
        '\u0303' => '4', // ngã
        '\u0323' => '5', // nặng
        _ => '0',
    };

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`';

    private static char FoldOutsideTable(char c)
    {
        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || IsApostrophe(c))
        {
            return Drop;
        }

        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : Separator;
    }

    private static (char Letter, char Tone)[] BuildToneTable()
    {
        var table = new (char Letter, char Tone)[0x2000];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var tone = '0';
            var rest = new StringBuilder(decomposed.Length);
            foreach (var part in decomposed)
            {
                var digit = ToneDigit(part);
                if (digit != '0')
                {
                    tone = digit;
                }
                else
                {
                    rest.Append(part);
                }
            }

            var letter = rest.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
            table[i] = letter.Length == 1 ? (letter[0], tone) : (char.ToLowerInvariant(c), '0');
        }

        return table;
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x2000];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            if (c is 'đ' or 'Đ')
            {
                table[i] = 'd';
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || IsApostrophe(c))
            {
                table[i] = Drop;
            }
            else if (char.IsLetterOrDigit(c))
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                table[i] = char.ToLowerInvariant(decomposed[0]);
            }
            else
            {
                table[i] = Separator;
            }
        }

        return table;
    }
}
