using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OneStop.Web.AdministrativeUnits.Loading;

/// <summary>
/// Reads the three unit lists and the merge and split files, checks that they agree, and builds the
/// immutable <see cref="AdministrativeUnitDirectory"/>. Any inconsistency that is not one of the
/// <see cref="KnownDataDefects"/> throws <see cref="AdministrativeUnitDataException"/>.
/// </summary>
public static class AdministrativeUnitLoader
{
    /// <summary>Raise when the same files are read differently, so that the database copy is rebuilt.</summary>
    public const int LoaderVersion = 2;

    public const int ProvincesBeforeReform = 63;
    public const int DistrictsBeforeReform = 696;
    public const int CommunesBeforeReform = 10_035;
    public const int ProvincesAfterReform = 34;
    public const int CommunesAfterReform = 3_321;

    // The embedded data never changes while the process runs, and the directory is immutable: one
    // copy serves every host of the process (the test suite starts many).
    private static readonly Lazy<AdministrativeUnitDirectory> Embedded =
        new(() => Load(EmbeddedUnitDataSource.Instance), LazyThreadSafetyMode.ExecutionAndPublication);

    public static AdministrativeUnitDirectory LoadEmbedded() => Embedded.Value;

    public static AdministrativeUnitDirectory Load(IUnitDataSource source)
    {
        var stopwatch = Stopwatch.StartNew();
        var files = UnitDataFiles.All.ToDictionary(name => name, source.Read);
        var load = new Loading(files);
        return load.Run(stopwatch);
    }

    private sealed class Loading(Dictionary<string, byte[]> files)
    {
        private readonly List<string> _problems = [];
        private readonly List<string> _notes = [];
        private readonly Dictionary<(AdministrativeUnit From, AdministrativeUnit To), SuccessionKind> _links = [];
        private readonly Dictionary<string, int> _correctionUses = [];
        private readonly SortedDictionary<string, KnownDataDefects.AbolishedBeforeList> _unlinked = new(StringComparer.Ordinal);
        private readonly List<string> _spellingDifferences = [];
        private readonly HashSet<string> _toneOnlyDifferences = [];
        private readonly List<string> _capitalised = [];
        private readonly List<string> _respelledEnglish = [];
        private readonly HashSet<AdministrativeUnit> _rejected = [];

        private readonly UnitSet _before = new(
            0, "2025-03-01", null, new DateOnly(2025, 3, 1), hasDistricts: true,
            "Before 1 July 2025: provinces, districts and communes (the list as of 1 March 2025)",
            "General Statistics Office list of administrative units, as of 1 March 2025");

        private readonly UnitSet _july = new(
            1, "2025-07-01", new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 1), hasDistricts: false,
            "From 1 July 2025: provinces and communes, no districts",
            "Resolution 202/2025/QH15; Resolutions 1654–1687/NQ-UBTVQH15; Decision 19/2025/QĐ-TTg");

        private readonly UnitSet _april = new(
            2, "2026-04-30", new DateOnly(2026, 4, 30), new DateOnly(2026, 4, 30), hasDistricts: false,
            "From 30 April 2026: Đồng Nai a centrally-run city, 10 of its communes wards; codes unchanged",
            "Resolution 30/2026/QH16; Resolution 237/NQ-UBTVQH16");

        private readonly Dictionary<string, AdministrativeUnit> _beforeUnits = new(StringComparer.Ordinal);
        private readonly Dictionary<string, AdministrativeUnit> _julyUnits = new(StringComparer.Ordinal);
        private readonly Dictionary<string, AdministrativeUnit> _aprilUnits = new(StringComparer.Ordinal);

        public AdministrativeUnitDirectory Run(Stopwatch stopwatch)
        {
            _before.EffectiveUntil = _july.EffectiveFrom;
            _july.EffectiveUntil = _april.EffectiveFrom;

            ReadBeforeReform();
            ReadTwoTier(UnitDataFiles.FromJuly2025, _july, _julyUnits);
            ReadTwoTier(UnitDataFiles.FromApril2026, _april, _aprilUnits);
            CheckCounts(_before, _beforeUnits, ProvincesBeforeReform, DistrictsBeforeReform, CommunesBeforeReform);
            CheckCounts(_july, _julyUnits, ProvincesAfterReform, 0, CommunesAfterReform);
            CheckCounts(_april, _aprilUnits, ProvincesAfterReform, 0, CommunesAfterReform);
            CheckCorrections();

            var mergePairs = ReadMerges();
            var splitPairs = ReadSplits();
            CompareMergesWithSplits(mergePairs, splitPairs);
            if (_problems.Count == 0)
            {
                CheckReformLinks();
            }

            var sameCodeLinks = LinkSameCodes();
            Fail();

            foreach (var (pair, kind) in _links)
            {
                AdministrativeUnit.Link(new Succession(pair.From, pair.To, kind));
            }

            var sets = new[] { _before, _july, _april };
            var unitsBySet = new[] { _beforeUnits, _julyUnits, _aprilUnits };
            foreach (var level in new[] { UnitLevel.Province, UnitLevel.District, UnitLevel.Commune })
            {
                foreach (var units in unitsBySet)
                {
                    foreach (var unit in units.Values.Where(u => u.Level == level))
                    {
                        unit.Freeze();
                    }
                }
            }

            AddNotes();
            var reformLinks = _links.Where(l => l.Key.From.Set == _before).ToList();
            var directory = new AdministrativeUnitDirectory(sets, unitsBySet);
            stopwatch.Stop();
            directory.Report = new ConsistencyReport(
                UnitDataFiles.ContentHash(files, LoaderVersion),
                stopwatch.Elapsed,
                [.. sets.Select((set, i) => Count(set, unitsBySet[i]))],
                reformLinks.Count(l => l.Key.From.Level == UnitLevel.Province),
                reformLinks.Count(l => l.Key.From.Level == UnitLevel.District),
                reformLinks.Count(l => l.Key.From.Level == UnitLevel.Commune),
                reformLinks.Count(l => l.Value == SuccessionKind.Full),
                reformLinks.Count(l => l.Value == SuccessionKind.Partial),
                sameCodeLinks,
                [.. KnownDataDefects.CorrectedNewCommuneCodes.Select(c => new AppliedCorrection(
                    c.CodeInMergeFiles, c.CorrectedCommuneCode, c.Name, c.Province, _correctionUses.GetValueOrDefault(c.CodeInMergeFiles)))],
                [.. _unlinked.Values],
                [.. KnownDataDefects.RejectedLinks.Where(r => _rejected.Any(u => u.Code == r.OldCode))],
                [.. _rejected.Where(u => u.Successors.Count == 0).Select(u => u.Code).Order(StringComparer.Ordinal)],
                [.. _notes]);
            return directory;
        }

        private static SetCount Count(UnitSet set, Dictionary<string, AdministrativeUnit> units)
        {
            var inForce = set.EffectiveFrom is { } from
                ? "from " + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : "before " + set.EffectiveUntil!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new SetCount(
                set.Code, inForce,
                units.Values.Count(u => u.Level == UnitLevel.Province),
                units.Values.Count(u => u.Level == UnitLevel.District),
                units.Values.Count(u => u.Level == UnitLevel.Commune));
        }

        private void Fail()
        {
            if (_problems.Count > 0)
            {
                throw new AdministrativeUnitDataException(_problems);
            }
        }

        private T Parse<T>(string file, JsonTypeInfo<T> type)
        {
            try
            {
                return JsonSerializer.Deserialize(files[file], type)
                    ?? throw new AdministrativeUnitDataException([$"{file} is empty."]);
            }
            catch (JsonException e)
            {
                throw new AdministrativeUnitDataException([$"{file} is not valid JSON of the expected shape: {e.Message}"]);
            }
        }

        // --- the unit lists ---------------------------------------------------------------------

        private void ReadBeforeReform()
        {
            var file = UnitDataFiles.BeforeReform;
            foreach (var p in Parse(file, UnitDataJsonContext.Default.ListBeforeReformProvinceJson))
            {
                var province = NewUnit(file, _before, _beforeUnits, p.Code, TypeFromName(file, p.FullName, UnitLevel.Province), p.Name, p.FullName, p.NameEn, p.FullNameEn);
                foreach (var d in p.Districts ?? [])
                {
                    if (d.ProvinceCode != p.Code)
                    {
                        _problems.Add($"{file}: district {d.Code} ({d.FullName}) is listed under province {p.Code} but says it belongs to {d.ProvinceCode}.");
                    }

                    var district = NewUnit(file, _before, _beforeUnits, d.Code, TypeFromName(file, d.FullName, UnitLevel.District), d.Name, d.FullName, d.NameEn, d.FullNameEn);
                    district?.AttachTo(province!);
                    foreach (var c in d.Communes ?? [])
                    {
                        if (c.DistrictCode != d.Code)
                        {
                            _problems.Add($"{file}: commune {c.Code} ({c.FullName}) is listed under district {d.Code} but says it belongs to {c.DistrictCode}.");
                        }

                        var commune = NewUnit(file, _before, _beforeUnits, c.Code, TypeFromName(file, c.FullName, UnitLevel.Commune), c.Name, c.FullName, c.NameEn, c.FullNameEn);
                        if (district is not null)
                        {
                            commune?.AttachTo(district);
                        }
                    }
                }
            }
        }

        private void ReadTwoTier(string file, UnitSet set, Dictionary<string, AdministrativeUnit> units)
        {
            foreach (var p in Parse(file, UnitDataJsonContext.Default.ListTwoTierProvinceJson))
            {
                var province = NewUnit(file, set, units, p.Code, TypeFromId(file, p.Code, p.AdministrativeUnitId, UnitLevel.Province), p.Name, p.FullName, p.NameEn, p.FullNameEn);
                foreach (var c in p.Communes ?? [])
                {
                    if (c.ProvinceCode != p.Code)
                    {
                        _problems.Add($"{file}: commune {c.Code} ({c.FullName}) is listed under province {p.Code} but says it belongs to {c.ProvinceCode}.");
                    }

                    var commune = NewUnit(file, set, units, c.Code, TypeFromId(file, c.Code, c.AdministrativeUnitId, UnitLevel.Commune), c.Name, c.FullName, c.NameEn, c.FullNameEn);
                    if (province is not null)
                    {
                        commune?.AttachTo(province);
                    }
                }
            }
        }

        private AdministrativeUnit? NewUnit(
            string file, UnitSet set, Dictionary<string, AdministrativeUnit> units,
            string code, UnitType? type, string name, string fullName, string? nameEn, string? fullNameEn)
        {
            if (type is null)
            {
                return null;
            }

            var level = UnitTypes.LevelOf(type.Value);
            if (!IsCode(code, level))
            {
                _problems.Add($"{file}: '{code}' ({fullName}) is not a {UnitTypes.ApiName(level)} code ({CodeLength(level)} digits).");
                return null;
            }

            var cleanFullName = VietnameseNames.Clean(fullName);
            if (cleanFullName.Length > 0 && char.IsLower(cleanFullName[0]))
            {
                // "xã Bắc Sơn" in one export: the type word of a name starts with a capital.
                _capitalised.Add($"{code} '{cleanFullName}' ({set.Code})");
                cleanFullName = char.ToUpper(cleanFullName[0], CultureInfo.GetCultureInfo("vi-VN")) + cleanFullName[1..];
            }

            var prefix = VietnameseNames.Fold(UnitTypes.VietnameseName(type.Value)) + " ";
            if (!VietnameseNames.Fold(cleanFullName).StartsWith(prefix, StringComparison.Ordinal))
            {
                _problems.Add($"{file}: {code} '{cleanFullName}' does not start with its type '{UnitTypes.VietnameseName(type.Value)}'.");
            }

            var cleanName = VietnameseNames.Clean(name);
            var englishName = VietnameseNames.Clean(nameEn ?? "");
            var englishFullName = VietnameseNames.Clean(fullNameEn ?? "");
            if (KnownDataDefects.RespelledEnglishName(cleanName, englishName) is { } respelled)
            {
                _respelledEnglish.Add($"{code} '{englishName}' → '{respelled}' ({set.Code})");
                englishFullName = englishFullName.Replace(englishName, respelled, StringComparison.Ordinal);
                englishName = respelled;
            }

            var unit = new AdministrativeUnit(set, code, type.Value, cleanName, cleanFullName, englishName, englishFullName);
            if (!units.TryAdd(code, unit))
            {
                _problems.Add($"{file}: code {code} is used twice ({units[code].FullName} and {unit.FullName}).");
                return null;
            }

            return unit;
        }

        private UnitType? TypeFromName(string file, string fullName, UnitLevel level)
        {
            var folded = VietnameseNames.Fold(fullName);
            UnitType? type = level switch
            {
                UnitLevel.Province when folded.StartsWith("thanh pho ", StringComparison.Ordinal) => UnitType.Municipality,
                UnitLevel.Province when folded.StartsWith("tinh ", StringComparison.Ordinal) => UnitType.Province,
                UnitLevel.District when folded.StartsWith("quan ", StringComparison.Ordinal) => UnitType.UrbanDistrict,
                UnitLevel.District when folded.StartsWith("huyen ", StringComparison.Ordinal) => UnitType.RuralDistrict,
                UnitLevel.District when folded.StartsWith("thi xa ", StringComparison.Ordinal) => UnitType.Town,
                UnitLevel.District when folded.StartsWith("thanh pho ", StringComparison.Ordinal) => UnitType.City,
                UnitLevel.Commune when folded.StartsWith("phuong ", StringComparison.Ordinal) => UnitType.Ward,
                UnitLevel.Commune when folded.StartsWith("xa ", StringComparison.Ordinal) => UnitType.Commune,
                UnitLevel.Commune when folded.StartsWith("thi tran ", StringComparison.Ordinal) => UnitType.Township,
                _ => null,
            };
            if (type is null)
            {
                _problems.Add($"{file}: the type of the {UnitTypes.ApiName(level)} '{fullName}' is not one the law knows.");
            }

            return type;
        }

        private UnitType? TypeFromId(string file, string code, int id, UnitLevel level)
        {
            UnitType? type = (level, id) switch
            {
                (UnitLevel.Province, 1) => UnitType.Municipality,
                (UnitLevel.Province, 2) => UnitType.Province,
                (UnitLevel.Commune, 3) => UnitType.Ward,
                (UnitLevel.Commune, 4) => UnitType.Commune,
                (UnitLevel.Commune, 5) => UnitType.SpecialZone,
                _ => null,
            };
            if (type is null)
            {
                _problems.Add($"{file}: {UnitTypes.ApiName(level)} {code} has the unknown unit type id {id}.");
            }

            return type;
        }

        private void CheckCounts(UnitSet set, Dictionary<string, AdministrativeUnit> units, int provinces, int districts, int communes)
        {
            var actual = (
                P: units.Values.Count(u => u.Level == UnitLevel.Province),
                D: units.Values.Count(u => u.Level == UnitLevel.District),
                C: units.Values.Count(u => u.Level == UnitLevel.Commune));
            if (actual != (provinces, districts, communes))
            {
                _problems.Add(
                    $"The set {set.Code} has {actual.P} provinces, {actual.D} districts and {actual.C} communes; " +
                    $"the law gives {provinces}, {districts} and {communes}.");
            }
        }

        private void CheckCorrections()
        {
            foreach (var correction in KnownDataDefects.CorrectedNewCommuneCodes)
            {
                if (!_julyUnits.TryGetValue(correction.CorrectedCommuneCode, out var unit)
                    || !VietnameseNames.SameName(unit.FullName, correction.Name))
                {
                    _problems.Add(
                        $"The correction {correction.CodeInMergeFiles} → {correction.CorrectedCommuneCode} expects {correction.Name} at " +
                        $"{correction.CorrectedCommuneCode} in the set {_july.Code}, but finds {unit?.FullName ?? "nothing"}.");
                }
            }
        }

        // --- the successions --------------------------------------------------------------------

        private HashSet<string> ReadMerges()
        {
            var file = UnitDataFiles.Merges;
            var pairs = new HashSet<string>(StringComparer.Ordinal);
            var merges = Parse(file, UnitDataJsonContext.Default.MergesFileJson);
            foreach (var p in merges.Data)
            {
                var newProvince = ResolveNew(file, p.Code, p.Name, UnitLevel.Province);
                foreach (var merge in p.Merges)
                {
                    AddLink(file, pairs, merge.OldCode, merge.Name, newProvince, p.Code, merge.Type);
                }

                foreach (var c in p.Communes)
                {
                    var newCode = CorrectNewCode(c.Code, countUse: true);
                    var newCommune = ResolveNew(file, newCode, c.Name, UnitLevel.Commune);
                    if (newCommune is not null && newCommune.Province.Code != p.Code)
                    {
                        _problems.Add($"{file}: new commune {newCode} is listed under province {p.Code} but belongs to {newCommune.Province.Code}.");
                    }

                    foreach (var merge in c.Merges)
                    {
                        AddLink(file, pairs, merge.OldCode, merge.Name, newCommune, newCode, merge.Type);
                    }
                }
            }

            return pairs;
        }

        private HashSet<string> ReadSplits()
        {
            var file = UnitDataFiles.Splits;
            var pairs = new HashSet<string>(StringComparer.Ordinal);
            var splits = Parse(file, UnitDataJsonContext.Default.SplitsFileJson);
            foreach (var p in splits.Data)
            {
                foreach (var split in p.Splits)
                {
                    pairs.Add(PairKey(p.Code, split.NewCode));
                }

                foreach (var unit in (p.Districts ?? []).Concat(p.Communes ?? []))
                {
                    var oldCode = unit.CommuneCode ?? unit.DistrictCode ?? "";
                    if (IsAbolishedBeforeList(oldCode))
                    {
                        continue;
                    }

                    foreach (var split in unit.Splits)
                    {
                        var newCode = CorrectNewCode(split.NewCode, countUse: true);
                        if (!IsRejected(oldCode, newCode))
                        {
                            pairs.Add(PairKey(oldCode, newCode));
                        }
                    }
                }
            }

            return pairs;
        }

        private void CompareMergesWithSplits(HashSet<string> merges, HashSet<string> splits)
        {
            foreach (var pair in merges.Except(splits).Order(StringComparer.Ordinal).Take(20))
            {
                _problems.Add($"The merge file links {pair}, the split file does not.");
            }

            foreach (var pair in splits.Except(merges).Order(StringComparer.Ordinal).Take(20))
            {
                _problems.Add($"The split file links {pair}, the merge file does not.");
            }
        }

        private static string PairKey(string oldCode, string newCode) => oldCode + " → " + newCode;

        private string CorrectNewCode(string code, bool countUse)
        {
            foreach (var correction in KnownDataDefects.CorrectedNewCommuneCodes)
            {
                if (correction.CodeInMergeFiles == code && !_julyUnits.ContainsKey(code))
                {
                    if (countUse)
                    {
                        _correctionUses[code] = _correctionUses.GetValueOrDefault(code) + 1;
                    }

                    return correction.CorrectedCommuneCode;
                }
            }

            return code;
        }

        private static bool IsRejected(string oldCode, string newCode) =>
            KnownDataDefects.RejectedLinks.Any(r => r.OldCode == oldCode && r.NewCode == newCode);

        private static bool IsAbolishedBeforeList(string code) =>
            KnownDataDefects.AbolishedBeforeTheList.Any(a => a.Code == code);

        private AdministrativeUnit? ResolveNew(string file, string code, string name, UnitLevel level)
        {
            if (!_julyUnits.TryGetValue(code, out var unit) || unit.Level != level)
            {
                _problems.Add($"{file}: the new {UnitTypes.ApiName(level)} {code} ({name}) is not in the set {_july.Code}.");
                return null;
            }

            CompareNames(unit, name);
            return unit;
        }

        private void AddLink(string file, HashSet<string> pairs, string oldCode, string oldName, AdministrativeUnit? to, string toCode, string type)
        {
            SuccessionKind? kind = type switch
            {
                "full" => SuccessionKind.Full,
                "partial" => SuccessionKind.Partial,
                _ => null,
            };
            if (kind is null)
            {
                _problems.Add($"{file}: the link {oldCode} → {toCode} has the unknown type '{type}' (full or partial).");
                return;
            }

            UnitLevel? level = oldCode.Length switch
            {
                2 => UnitLevel.Province,
                3 => UnitLevel.District,
                5 => UnitLevel.Commune,
                _ => null,
            };
            if (level is null || !_beforeUnits.TryGetValue(oldCode, out var from) || from.Level != level)
            {
                var abolished = KnownDataDefects.AbolishedBeforeTheList.FirstOrDefault(a => a.Code == oldCode);
                if (abolished is not null && abolished.NewCommuneCode == toCode && VietnameseNames.SameName(abolished.Name, oldName))
                {
                    _unlinked[oldCode] = abolished;
                    return;
                }

                _problems.Add($"{file}: {toCode} is formed from {oldCode} ({oldName}), which is not a unit of the set {_before.Code}.");
                return;
            }

            if (IsRejected(oldCode, toCode))
            {
                _rejected.Add(from);
                return;
            }

            pairs.Add(PairKey(oldCode, toCode));
            CompareNames(from, oldName);
            if (to is null)
            {
                return;
            }

            if (_links.TryGetValue((from, to), out var existing) && existing != kind)
            {
                _problems.Add($"{file}: {oldCode} → {toCode} is listed both as full and as partial.");
                return;
            }

            _links[(from, to)] = kind.Value;
        }

        private void CompareNames(AdministrativeUnit unit, string nameInFile)
        {
            var clean = VietnameseNames.Clean(nameInFile);
            if (string.Equals(unit.FullName, clean, StringComparison.Ordinal))
            {
                return;
            }

            if (VietnameseNames.SameName(unit.FullName, clean))
            {
                _toneOnlyDifferences.Add(unit.Set.Code + unit.Code);
            }
            else if (VietnameseNames.Fold(unit.FullName) != VietnameseNames.Fold(unit.TypeName + " " + clean)
                && VietnameseNames.Fold(unit.Name) != VietnameseNames.Fold(clean))
            {
                // The code decides; a different spelling is worth knowing, not fatal.
                _spellingDifferences.Add($"{unit.Code} '{unit.FullName}' / '{clean}'");
            }
        }

        private void CheckReformLinks()
        {
            var successors = _links.Keys.ToLookup(l => l.From);
            var predecessors = _links.Keys.ToLookup(l => l.To);
            foreach (var unit in _beforeUnits.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                var next = successors[unit].ToList();
                var needsSuccessor = unit.Level != UnitLevel.District || unit.Children.Count == 0;
                if (needsSuccessor && next.Count == 0 && !_rejected.Contains(unit))
                {
                    _problems.Add($"{unit.FullName} ({unit.Code}, {_before.Code}) has no successor in the set {_july.Code}.");
                }

                if (next.Count > 1 && next.Any(l => _links[l] == SuccessionKind.Full))
                {
                    _problems.Add($"{unit.FullName} ({unit.Code}) went wholly into one unit and yet has {next.Count} successors.");
                }

                // A commune's new commune lies in the province its old province became.
                foreach (var link in next.Where(l => l.From.Level != UnitLevel.Province))
                {
                    if (!_links.ContainsKey((unit.Province, link.To.Province)))
                    {
                        _problems.Add($"{unit.FullName} ({unit.Code}) went into {link.To.FullName} ({link.To.Code}) of {link.To.Province.FullName}, which {unit.Province.FullName} did not become part of.");
                    }
                }
            }

            foreach (var unit in _julyUnits.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                if (!predecessors[unit].Any())
                {
                    _problems.Add($"{unit.FullName} ({unit.Code}, {_july.Code}) is formed from no unit of the set {_before.Code}.");
                }
            }
        }

        private int LinkSameCodes()
        {
            // The 2026 list keeps every code of July 2025: each unit simply continues, renamed or
            // reclassified at most, so it succeeds its namesake wholly.
            var count = 0;
            var renamedToneOnly = 0;
            var renamed = new List<string>();
            var reclassified = new List<string>();
            foreach (var (code, july) in _julyUnits)
            {
                if (!_aprilUnits.TryGetValue(code, out var april) || april.Level != july.Level)
                {
                    _problems.Add($"{july.FullName} ({code}) of the set {_july.Code} is missing from the set {_april.Code}; the codes were not to change.");
                    continue;
                }

                _links[(july, april)] = SuccessionKind.Full;
                count++;
                if (april.Type != july.Type)
                {
                    reclassified.Add($"{code} {july.FullName} → {april.FullName}");
                }
                else if (!string.Equals(april.FullName, july.FullName, StringComparison.Ordinal))
                {
                    if (VietnameseNames.SameName(april.FullName, july.FullName))
                    {
                        renamedToneOnly++;
                    }
                    else
                    {
                        renamed.Add($"{code} {july.FullName} → {april.FullName}");
                    }
                }
            }

            foreach (var code in _aprilUnits.Keys.Where(c => !_julyUnits.ContainsKey(c)))
            {
                _problems.Add($"{_aprilUnits[code].FullName} ({code}) of the set {_april.Code} is not in the set {_july.Code}; the codes were not to change.");
            }

            _notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"2025-07-01 → 2026-04-30: {reclassified.Count} units reclassified ({string.Join("; ", reclassified)}); {renamedToneOnly} names differ only in tone-mark placement; {renamed.Count} renamed ({string.Join("; ", renamed)})"));
            return count;
        }

        private void AddNotes()
        {
            _notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"names in the merge and split files: {_toneOnlyDifferences.Count} differ from the unit lists only in tone-mark placement; {_spellingDifferences.Count} are spelled differently ({string.Join("; ", _spellingDifferences)}); the codes decide"));
            if (_capitalised.Count > 0)
            {
                _notes.Add("full names given a capital first letter: " + string.Join("; ", _capitalised));
            }

            if (_respelledEnglish.Count > 0)
            {
                _notes.Add("English names respelled as the Vietnamese name without diacritics, as in every other list: " + string.Join("; ", _respelledEnglish));
            }
        }

        private static bool IsCode(string code, UnitLevel level) =>
            code.Length == CodeLength(level) && code.All(char.IsAsciiDigit);

        private static int CodeLength(UnitLevel level) => level switch
        {
            UnitLevel.Province => 2,
            UnitLevel.District => 3,
            _ => 5,
        };
    }
}
