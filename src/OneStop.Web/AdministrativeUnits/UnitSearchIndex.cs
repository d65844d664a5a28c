namespace OneStop.Web.AdministrativeUnits;

/// <summary>How well a search matched a unit's name, best first.</summary>
public enum MatchKind
{
    /// <summary>The whole name or full name ("Yên Hòa", "Phường Yên Hòa").</summary>
    Exact,

    /// <summary>The beginning of the name or full name.</summary>
    Prefix,

    /// <summary>The beginning of another word of the name.</summary>
    Word,

    /// <summary>Anywhere else in the name.</summary>
    Contains,
}

public sealed record UnitSearchHit(AdministrativeUnit Unit, MatchKind Match, bool InForce);

/// <summary>
/// The names of one set, folded and held as three sorted suffix arrays: suffixes at the start of the
/// name or full name, at the start of any other word of the name, and inside a word of the name. A query is then a binary
/// search and a short scan per array, whatever the set's size, and the arrays are searched in rank
/// order so that a search can stop as soon as it has enough of the best matches.
/// </summary>
internal sealed class UnitSearchIndex
{
    public const int NameStarts = 0;
    public const int WordStarts = 1;
    public const int Inside = 2;

    private readonly AdministrativeUnit[] _units;
    private readonly string[] _folded;
    private readonly string[] _toneKeys;
    private readonly int[] _order;
    private readonly Suffix[][] _groups;

    public UnitSearchIndex(IEnumerable<AdministrativeUnit> units)
    {
        _units = [.. units];
        _folded = new string[_units.Length];
        _toneKeys = new string[_units.Length];
        _order = new int[_units.Length];
        var nameStarts = new List<Suffix>(_units.Length * 2);
        var wordStarts = new List<Suffix>(_units.Length);
        var inside = new List<Suffix>(_units.Length * 12);
        for (var entry = 0; entry < _units.Length; entry++)
        {
            var unit = _units[entry];
            var folded = VietnameseNames.Fold(unit.FullName);
            var name = VietnameseNames.Fold(unit.Name);
            _folded[entry] = folded;
            _toneKeys[entry] = VietnameseNames.ToneKey(unit.FullName);
            _order[entry] = ((int)unit.Level * 1_000_000) + int.Parse(unit.Code, System.Globalization.CultureInfo.InvariantCulture);
            var nameStart = name.Length > 0 && name.Length < folded.Length && folded.EndsWith(" " + name, StringComparison.Ordinal)
                ? folded.Length - name.Length
                : 0;
            nameStarts.Add(new Suffix(entry, 0));
            if (nameStart > 0)
            {
                nameStarts.Add(new Suffix(entry, nameStart));
            }

            // Words and inner matches only inside the name: the type word ("huyện", "thành phố")
            // would otherwise match "yen hoa" in "huyen hoang su phi".
            for (var i = nameStart + 1; i < folded.Length; i++)
            {
                if (folded[i] == ' ')
                {
                    continue;
                }

                (folded[i - 1] == ' ' ? wordStarts : inside).Add(new Suffix(entry, i));
            }
        }

        _groups = [Sorted(nameStarts), Sorted(wordStarts), Sorted(inside)];
    }

    public int Count => _units.Length;

    public AdministrativeUnit Unit(int entry) => _units[entry];

    public string ToneKey(int entry) => _toneKeys[entry];

    /// <summary>The last ranking key among equal matches: provinces before districts before communes, then by code.</summary>
    public int Order(int entry) => _order[entry];

    /// <summary>The positions in <paramref name="group"/> of the suffixes that start with the folded query.</summary>
    public (int Start, int End) Range(int group, string foldedQuery)
    {
        var suffixes = _groups[group];
        var query = foldedQuery.AsSpan();
        int low = 0, high = suffixes.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Text(suffixes[middle]).SequenceCompareTo(query) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var start = low;
        high = suffixes.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var text = Text(suffixes[middle]);
            if (text.StartsWith(query, StringComparison.Ordinal) || text.SequenceCompareTo(query) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return (start, low);
    }

    /// <summary>
    /// The unit at a position of a range and how it matched. Within a range of name starts the exact
    /// matches come first: the query itself sorts before every longer text that starts with it.
    /// </summary>
    public (int Entry, MatchKind Match) Hit(int group, int position, int queryLength)
    {
        var suffix = _groups[group][position];
        var match = group switch
        {
            NameStarts => _folded[suffix.Entry].Length - suffix.Offset == queryLength ? MatchKind.Exact : MatchKind.Prefix,
            WordStarts => MatchKind.Word,
            _ => MatchKind.Contains,
        };
        return (suffix.Entry, match);
    }

    private ReadOnlySpan<char> Text(Suffix suffix) => _folded[suffix.Entry].AsSpan(suffix.Offset);

    /// <summary>
    /// Sorts by the first ten characters packed in a number (a primitive sort, fast), then compares
    /// whole suffixes only within runs that share those characters. Folded names are almost only
    /// space, digits and a–z: six bits each, in the same order as an ordinal comparison.
    /// </summary>
    private Suffix[] Sorted(List<Suffix> suffixes)
    {
        var array = suffixes.ToArray();
        var keys = new ulong[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            var text = Text(array[i]);
            ulong key = 0;
            for (var c = 0; c < 10; c++)
            {
                key = (key << 6) | (c < text.Length ? SortCode(text[c]) : 0u);
            }

            keys[i] = key;
        }

        Array.Sort(keys, array);
        var comparer = Comparer<Suffix>.Create((a, b) => Text(a).SequenceCompareTo(Text(b)));
        var start = 0;
        for (var i = 1; i <= array.Length; i++)
        {
            if (i == array.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    Array.Sort(array, start, i - start, comparer);
                }

                start = i;
            }
        }

        return array;
    }

    // 0 is the end of the text; any character above 'z' shares 63 and is told apart by the comparer.
    private static uint SortCode(char c) => c switch
    {
        ' ' => 1,
        >= '0' and <= '9' => 2u + c - '0',
        >= 'a' and <= 'z' => 12u + c - 'a',
        _ => 63,
    };

    private readonly record struct Suffix(int Entry, int Offset);
}
