using System.Globalization;

namespace OneStop.Web.AdministrativeUnits.Loading;

/// <summary>What the loader found and repaired, logged at start and kept for anyone who asks.</summary>
public sealed record ConsistencyReport(
    string ContentHash,
    TimeSpan LoadTime,
    IReadOnlyList<SetCount> Sets,
    int ProvinceLinks,
    int DistrictLinks,
    int CommuneLinks,
    int FullLinks,
    int PartialLinks,
    int SameCodeLinks,
    IReadOnlyList<AppliedCorrection> CorrectedCodes,
    IReadOnlyList<KnownDataDefects.AbolishedBeforeList> UnlinkedAbolishedCommunes,
    IReadOnlyList<KnownDataDefects.RejectedLink> RejectedLinks,
    IReadOnlyList<string> OldUnitsWithoutSuccessor,
    IReadOnlyList<string> Notes)
{
    /// <summary>Successions that point to a unit that does not exist: always 0, or the loader refuses the data.</summary>
    public int UnresolvedLinks => 0;

    public int ReformLinks => ProvinceLinks + DistrictLinks + CommuneLinks;

    public IEnumerable<string> Lines()
    {
        var culture = CultureInfo.InvariantCulture;
        yield return string.Create(culture, $"Administrative units loaded in {LoadTime.TotalMilliseconds:0} ms (data {ContentHash[..12]}):");
        foreach (var set in Sets)
        {
            var districts = set.Districts > 0 ? string.Create(culture, $"{set.Districts} districts, ") : "";
            yield return string.Create(culture, $"  set {set.Code} ({set.InForce}): {set.Provinces} provinces, {districts}{set.Communes} communes");
        }

        yield return string.Create(culture,
            $"  reform successions: {ReformLinks} links resolved ({ProvinceLinks} province, {DistrictLinks} district, {CommuneLinks} commune; {FullLinks} full, {PartialLinks} partial), {UnresolvedLinks} unresolved; merge and split files agree");
        yield return string.Create(culture, $"  same-code successions 2025-07-01 → 2026-04-30: {SameCodeLinks}");
        foreach (var correction in CorrectedCodes)
        {
            yield return string.Create(culture,
                $"  corrected code: the merge and split files' {correction.CodeInMergeFiles} ({correction.Name}, {correction.Province}) is read as {correction.CorrectedCommuneCode} ({correction.References} references)");
        }

        if (UnlinkedAbolishedCommunes.Count > 0)
        {
            var unlinked = string.Join(", ", UnlinkedAbolishedCommunes.Select(a => $"{a.Code} {a.Name} → {a.NewCommuneCode}"));
            yield return string.Create(culture,
                $"  not linked: {UnlinkedAbolishedCommunes.Count} old communes of the merge files are absent from the 1 March 2025 list (abolished before it): {unlinked}");
        }

        foreach (var rejected in RejectedLinks)
        {
            yield return $"  rejected link: {rejected.OldCode} → {rejected.NewCode}, {rejected.Reason}";
        }

        if (OldUnitsWithoutSuccessor.Count > 0)
        {
            yield return $"  old units whose new commune the data does not give (only the province is certain): {string.Join(", ", OldUnitsWithoutSuccessor)}";
        }

        foreach (var note in Notes)
        {
            yield return "  " + note;
        }
    }
}

public sealed record SetCount(string Code, string InForce, int Provinces, int Districts, int Communes);

public sealed record AppliedCorrection(string CodeInMergeFiles, string CorrectedCommuneCode, string Name, string Province, int References);
