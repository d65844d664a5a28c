using System.Globalization;

namespace OneStop.Web.Shared.Localization;

/// <summary>
/// Orders people's names the way Vietnamese lists do: by the given name (the last word), then by the family
/// and middle names, in the Vietnamese alphabet (a ă â b c d đ e ê …, tones after the bare letter). Byte
/// order would put every "Đ" after "Z" and sort by family name, which is Nguyễn for a third of the country.
/// </summary>
public sealed class VietnameseNames : IComparer<string?>
{
    public static VietnameseNames Order { get; } = new();

    private static readonly CompareInfo Alphabet = VietnameseFormat.Culture.CompareInfo;

    private VietnameseNames()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var (xGiven, xRest) = Split(x);
        var (yGiven, yRest) = Split(y);
        var byGiven = Alphabet.Compare(xGiven, yGiven, CompareOptions.IgnoreCase);
        if (byGiven != 0)
        {
            return byGiven;
        }

        var byRest = Alphabet.Compare(xRest, yRest, CompareOptions.IgnoreCase);

        // Two spellings that the alphabet holds equal still need a fixed order, or a list would shuffle between pages.
        return byRest != 0 ? byRest : string.CompareOrdinal(x, y);
    }

    private static (string Given, string Others) Split(string name)
    {
        var trimmed = name.AsSpan().Trim();
        var lastSpace = trimmed.LastIndexOfAny(' ', '\t');
        return lastSpace < 0
            ? (trimmed.ToString(), "")
            : (trimmed[(lastSpace + 1)..].ToString(), trimmed[..lastSpace].TrimEnd().ToString());
    }
}
