using System.Collections.Frozen;
using OneStop.Web.AdministrativeUnits.Loading;

namespace OneStop.Web.AdministrativeUnits;

/// <summary>
/// The in-memory directory: every set indexed by code, by name and for search, built once by
/// <see cref="AdministrativeUnitLoader"/> and never changed afterwards.
/// </summary>
public sealed class AdministrativeUnitDirectory : IAdministrativeUnitDirectory
{
    private static readonly FrozenDictionary<string, string> TypeAbbreviations = new Dictionary<string, string>
    {
        ["tp"] = "thanh pho",
        ["t"] = "tinh",
        ["q"] = "quan",
        ["h"] = "huyen",
        ["tx"] = "thi xa",
        ["p"] = "phuong",
        ["x"] = "xa",
        ["tt"] = "thi tran",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>More than a page of results is never useful, and it bounds what a search allocates.</summary>
    public const int MaxSearchResults = 1_000;

    private readonly UnitSet[] _sets;
    private readonly Dictionary<string, AdministrativeUnit>[] _byCode;
    private readonly AdministrativeUnit[][] _provinces;
    private readonly Dictionary<string, AdministrativeUnit[]> _communesByProvince;
    private readonly Dictionary<string, AdministrativeUnit[]> _unitsWithCode;
    private readonly UnitSearchIndex[] _searchIndexes;

    // The names before the reform, folded, per level: what an old address is written with.
    private readonly Dictionary<string, AdministrativeUnit[]>[] _oldNames;
    private readonly Dictionary<AdministrativeUnit, (string Name, string FullName)> _oldToneKeys;

    internal AdministrativeUnitDirectory(UnitSet[] sets, Dictionary<string, AdministrativeUnit>[] unitsBySet)
    {
        _sets = sets;
        _byCode = [.. unitsBySet.Select(units => new Dictionary<string, AdministrativeUnit>(units, StringComparer.Ordinal))];
        _provinces = [.. unitsBySet.Select(units => units.Values
            .Where(u => u.Level == UnitLevel.Province)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToArray())];
        _communesByProvince = unitsBySet
            .SelectMany((units, i) => units.Values
                .Where(u => u.Level == UnitLevel.Province)
                .Select(p => (Key: CommunesKey(i, p.Code), Communes: CommunesUnder(p))))
            .ToDictionary(x => x.Key, x => x.Communes, StringComparer.Ordinal);
        _unitsWithCode = unitsBySet
            .SelectMany(units => units.Values)
            .GroupBy(u => u.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.Set.Index).ToArray(), StringComparer.Ordinal);

        // The indexes are independent: build them side by side to keep the start short.
        var old = unitsBySet[0].Values.ToList();
        _searchIndexes = new UnitSearchIndex[unitsBySet.Length];
        Dictionary<string, AdministrativeUnit[]>[] oldNames = [];
        Dictionary<AdministrativeUnit, (string Name, string FullName)> oldToneKeys = [];
        Parallel.Invoke(
            () => _searchIndexes[0] = new UnitSearchIndex(unitsBySet[0].Values.OrderBy(u => u.Code, StringComparer.Ordinal)),
            () =>
            {
                for (var i = 1; i < unitsBySet.Length; i++)
                {
                    _searchIndexes[i] = new UnitSearchIndex(unitsBySet[i].Values.OrderBy(u => u.Code, StringComparer.Ordinal));
                }
            },
            () => oldNames = [.. Enum.GetValues<UnitLevel>().Select(level => old
                .Where(u => u.Level == level)
                .SelectMany(u => new[] { (Key: VietnameseNames.Fold(u.Name), Unit: u), (Key: VietnameseNames.Fold(u.FullName), Unit: u) })
                .GroupBy(x => x.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Unit).Distinct().OrderBy(u => u.Code, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal))],
            () => oldToneKeys = old.ToDictionary(u => u, u => (VietnameseNames.ToneKey(u.Name), VietnameseNames.ToneKey(u.FullName))));
        _oldNames = oldNames;
        _oldToneKeys = oldToneKeys;
    }

    public IReadOnlyList<UnitSet> Sets => _sets;

    public ConsistencyReport Report { get; internal set; } = null!;

    /// <summary>The set before the reform.</summary>
    public UnitSet BeforeReform => _sets[0];

    public DateOnly EarliestKnownDate => _sets[0].DataAsOf;

    public UnitSet SetAt(DateOnly at)
    {
        for (var i = _sets.Length - 1; i > 0; i--)
        {
            if (at >= _sets[i].EffectiveFrom!.Value)
            {
                return _sets[i];
            }
        }

        return _sets[0];
    }

    public AdministrativeUnit? Find(string code, DateOnly at) =>
        _byCode[SetAt(at).Index].GetValueOrDefault(code);

    public AdministrativeUnit? Lookup(string code, DateOnly at)
    {
        if (!_unitsWithCode.TryGetValue(code, out var units))
        {
            return null;
        }

        var set = SetAt(at).Index;
        return units.FirstOrDefault(u => u.Set.Index == set)
            ?? units.LastOrDefault(u => u.Set.Index < set)
            ?? units.FirstOrDefault(u => u.Set.Index > set);
    }

    /// <summary>Every unit of a set, provinces first, then districts, then communes, each by code.</summary>
    public IEnumerable<AdministrativeUnit> UnitsOf(UnitSet set) =>
        _byCode[set.Index].Values.OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal);

    public IReadOnlyList<AdministrativeUnit> UnitsWithCode(string code) =>
        _unitsWithCode.GetValueOrDefault(code) ?? [];

    public IReadOnlyList<AdministrativeUnit> Provinces(DateOnly at) => _provinces[SetAt(at).Index];

    public AdministrativeUnit? ProvinceOf(string communeCode, DateOnly at) =>
        Find(communeCode, at) is { Level: UnitLevel.Commune } commune ? commune.Province : null;

    public IReadOnlyList<AdministrativeUnit> CommunesOf(string provinceCode, DateOnly at) =>
        _communesByProvince.GetValueOrDefault(CommunesKey(SetAt(at).Index, provinceCode)) ?? [];

    public IReadOnlyList<RelatedUnit> SuccessorsAt(AdministrativeUnit unit, DateOnly at)
    {
        var target = SetAt(at).Index;
        return unit.Set.Index <= target ? Follow(unit, target, forward: true) : [];
    }

    public IReadOnlyList<RelatedUnit> FormedFrom(AdministrativeUnit unit) =>
        unit.Set.Index == 0 ? [] : Follow(unit, 0, forward: false);

    /// <summary>
    /// Walks the successions set by set until <paramref name="target"/>. A link that is partial
    /// anywhere on the way makes the whole relation partial.
    /// </summary>
    private static List<RelatedUnit> Follow(AdministrativeUnit unit, int target, bool forward)
    {
        List<RelatedUnit> current = [new RelatedUnit(unit, SuccessionKind.Full)];
        while (current.Count > 0 && current[0].Unit.Set.Index != target)
        {
            var next = new List<RelatedUnit>();
            foreach (var (from, kind) in current)
            {
                foreach (var link in forward ? from.Successors : from.Predecessors)
                {
                    var reached = forward ? link.To : link.From;
                    var combined = kind == SuccessionKind.Full && link.Kind == SuccessionKind.Full ? SuccessionKind.Full : SuccessionKind.Partial;
                    var seen = next.FindIndex(r => r.Unit == reached);
                    if (seen < 0)
                    {
                        next.Add(new RelatedUnit(reached, combined));
                    }
                    else if (combined == SuccessionKind.Full)
                    {
                        next[seen] = new RelatedUnit(reached, combined);
                    }
                }
            }

            current = next;
        }

        current.Sort(static (a, b) => string.CompareOrdinal(a.Unit.Code, b.Unit.Code));
        return current;
    }

    public IReadOnlyList<UnitSearchHit> Search(string query, DateOnly at, int limit)
    {
        var folded = VietnameseNames.Fold(query);
        if (folded.Length == 0 || limit <= 0)
        {
            return [];
        }

        limit = Math.Min(limit, MaxSearchResults);
        var toneQuery = VietnameseNames.HasDiacritics(query) ? VietnameseNames.ToneKey(query) : null;

        // The set in force first; then the other side of the reform, so that an old name is still found.
        var current = SetAt(at);
        var other = current.HasDistricts ? _sets[^1] : _sets[0];
        Span<(int Index, bool InForce)> sources = [(current.Index, true), (other.Index, false)];

        // The best `limit` matches, kept in rank order. The groups are searched best tier first and
        // each range in text order, exact matches first, so a range is left as soon as nothing in it
        // could still beat the worst match kept: a short query does not rank thousands of units.
        var best = new RankedHit[limit];
        var count = 0;
        for (var group = UnitSearchIndex.NameStarts; group <= UnitSearchIndex.Inside; group++)
        {
            foreach (var (source, inForce) in sources)
            {
                var index = _searchIndexes[source];
                var (start, end) = index.Range(group, folded);
                for (var position = start; position < end; position++)
                {
                    var (entry, match) = index.Hit(group, position, folded.Length);
                    if (count == limit && RankedHit.Compare(RankedHit.BestPossible(match, inForce), best[count - 1]) >= 0)
                    {
                        break;
                    }

                    var candidate = new RankedHit(
                        source, entry, index.Order(entry), match, inForce,
                        toneQuery is not null && index.ToneKey(entry).Contains(toneQuery, StringComparison.Ordinal));
                    if (count == limit && RankedHit.Compare(candidate, best[count - 1]) >= 0)
                    {
                        continue;
                    }

                    if (IsKept(best, count, source, entry))
                    {
                        continue; // matched again further into its name; the first match ranks higher
                    }

                    var slot = count;
                    while (slot > 0 && RankedHit.Compare(candidate, best[slot - 1]) < 0)
                    {
                        slot--;
                    }

                    var moved = Math.Min(count, limit - 1) - slot;
                    if (moved > 0)
                    {
                        Array.Copy(best, slot, best, slot + 1, moved);
                    }

                    best[slot] = candidate;
                    count = Math.Min(count + 1, limit);
                }
            }
        }

        var results = new UnitSearchHit[count];
        for (var i = 0; i < count; i++)
        {
            results[i] = new UnitSearchHit(_searchIndexes[best[i].Source].Unit(best[i].Entry), best[i].Match, best[i].InForce);
        }

        return results;
    }

    private static bool IsKept(RankedHit[] best, int count, int source, int entry)
    {
        for (var i = 0; i < count; i++)
        {
            if (best[i].Source == source && best[i].Entry == entry)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A match and its rank: tier, then in force, then diacritics as typed, then level and code.</summary>
    private readonly record struct RankedHit(int Source, int Entry, int Order, MatchKind Match, bool InForce, bool ToneAgrees)
    {
        /// <summary>A match of this tier that would rank before every real one of the same tier.</summary>
        public static RankedHit BestPossible(MatchKind match, bool inForce) => new(-1, -1, -1, match, inForce, true);

        public static int Compare(in RankedHit a, in RankedHit b)
        {
            var order = ((int)a.Match).CompareTo((int)b.Match); // not Enum.CompareTo, which boxes
            if (order == 0)
            {
                order = b.InForce.CompareTo(a.InForce);
            }

            if (order == 0)
            {
                order = b.ToneAgrees.CompareTo(a.ToneAgrees);
            }

            return order != 0 ? order : a.Order.CompareTo(b.Order);
        }
    }

    public AddressConversion Convert(OldAddress address, DateOnly at)
    {
        var target = SetAt(at);
        if (target.HasDistricts)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "An old address converts to the units in force on or after 1 July 2025.");
        }

        if (string.IsNullOrWhiteSpace(address.Province) && string.IsNullOrWhiteSpace(address.District) && string.IsNullOrWhiteSpace(address.Commune))
        {
            return AddressConversion.Failed(target, new ConversionProblem(ConversionProblemKind.NothingGiven, null, "", null, []));
        }

        var (province, problem) = Resolve(address.Province, AddressField.Province, null, at);
        if (problem is not null)
        {
            return AddressConversion.Failed(target, problem);
        }

        (var district, problem) = Resolve(address.District, AddressField.District, province, at);
        if (problem is not null)
        {
            return AddressConversion.Failed(target, problem);
        }

        (var commune, problem) = Resolve(address.Commune, AddressField.Commune, district ?? province, at);
        if (problem is not null)
        {
            return AddressConversion.Failed(target, problem);
        }

        district ??= commune?.District;
        province ??= (commune ?? district)!.Province;
        var newProvince = SuccessorsAt(province, at).Single().Unit;
        IReadOnlyList<RelatedUnit> newCommunes = commune is not null
            ? SuccessorsAt(commune, at)
            : district is { Children.Count: 0 } ? SuccessorsAt(district, at) : [];
        return new AddressConversion(target, null, province, district, commune, newProvince, newCommunes);
    }

    private (AdministrativeUnit? Unit, ConversionProblem? Problem) Resolve(string? input, AddressField field, AdministrativeUnit? container, DateOnly at)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return (null, null);
        }

        var text = VietnameseNames.Clean(input);
        var level = field switch
        {
            AddressField.Province => UnitLevel.Province,
            AddressField.District => UnitLevel.District,
            _ => UnitLevel.Commune,
        };

        IReadOnlyList<AdministrativeUnit> matches;
        if (text.Length == CodeLength(level) && text.All(char.IsAsciiDigit))
        {
            matches = _byCode[0].TryGetValue(text, out var unit) && unit.Level == level ? [unit] : [];
        }
        else
        {
            matches = OldNameMatches(text, level);
        }

        if (matches.Count == 0)
        {
            var newUnits = Search(text, at, 10)
                .Where(h => h is { InForce: true, Match: MatchKind.Exact } && h.Unit.Level == level)
                .Select(h => h.Unit)
                .ToList();
            return (null, new ConversionProblem(ConversionProblemKind.NotFound, field, text, container, newUnits));
        }

        if (container is not null)
        {
            var inside = matches.Where(u => container.Level == UnitLevel.Province ? u.Province == container : u.Parent == container).ToList();
            if (inside.Count == 0)
            {
                return (null, new ConversionProblem(ConversionProblemKind.NotInside, field, text, container, matches));
            }

            matches = inside;
        }

        if (matches.Count > 1 && VietnameseNames.HasDiacritics(text))
        {
            // "Yên Hòa" written with its diacritics is not "Yên Hóa", whatever the folded key says.
            var tone = VietnameseNames.ToneKey(text);
            var agreeing = matches.Where(u =>
            {
                var keys = _oldToneKeys[u];
                return keys.Name == tone || keys.FullName == tone || tone.EndsWith(" " + keys.Name, StringComparison.Ordinal);
            }).ToList();
            if (agreeing.Count > 0)
            {
                matches = agreeing;
            }
        }

        return matches.Count == 1
            ? (matches[0], null)
            : (null, new ConversionProblem(ConversionProblemKind.Ambiguous, field, text, container, matches));
    }

    private List<AdministrativeUnit> OldNameMatches(string text, UnitLevel level)
    {
        var names = _oldNames[(int)level];
        var key = VietnameseNames.Fold(text);
        var matches = new List<AdministrativeUnit>(names.GetValueOrDefault(key) ?? []);

        // "P. Yên Hòa", "TT Yên Viên", "Q.1": the abbreviations people write for the type.
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && TypeAbbreviations.TryGetValue(key[..space], out var type)
            && names.TryGetValue(type + key[space..], out var expanded))
        {
            matches.AddRange(expanded.Where(u => !matches.Contains(u)));
        }

        return matches;
    }

    private static int CodeLength(UnitLevel level) => level switch
    {
        UnitLevel.Province => 2,
        UnitLevel.District => 3,
        _ => 5,
    };

    private static string CommunesKey(int set, string provinceCode) => string.Concat(set.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", provinceCode);

    private static AdministrativeUnit[] CommunesUnder(AdministrativeUnit province) =>
        [.. province.Children
            .SelectMany(child => child.Level == UnitLevel.Commune ? [child] : child.Children)
            .OrderBy(u => u.Code, StringComparer.Ordinal)];
}
