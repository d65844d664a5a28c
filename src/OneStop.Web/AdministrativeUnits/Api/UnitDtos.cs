namespace OneStop.Web.AdministrativeUnits.Api;

/// <summary>A set of units and the days it is in force (both ends inclusive; null when open).</summary>
public sealed record UnitSetDto(string Code, DateOnly? EffectiveFrom, DateOnly? LastDay, bool HasDistricts, string Description, string LegalBasis)
{
    public static UnitSetDto From(UnitSet set) =>
        new(set.Code, set.EffectiveFrom, set.LastDay, set.HasDistricts, set.Description, set.LegalBasis);
}

/// <summary>A unit as other answers name it.</summary>
public sealed record UnitSummaryDto(
    string Code,
    string Level,
    string Type,
    string TypeName,
    string Name,
    string FullName,
    string QualifiedName,
    string NameEn,
    string FullNameEn,
    string UnitSet)
{
    public static UnitSummaryDto From(AdministrativeUnit unit) => new(
        unit.Code, UnitTypes.ApiName(unit.Level), UnitTypes.ApiName(unit.Type), unit.TypeName, unit.Name, unit.FullName,
        unit.QualifiedName, unit.NameEn, unit.FullNameEn, unit.Set.Code);
}

/// <summary>A unit reached through successions, and whether all of it (full) or part of it (partial) is concerned.</summary>
public sealed record RelatedUnitDto(string Code, string Level, string Type, string FullName, string QualifiedName, string UnitSet, string Succession)
{
    public static RelatedUnitDto From(RelatedUnit related) => new(
        related.Unit.Code, UnitTypes.ApiName(related.Unit.Level), UnitTypes.ApiName(related.Unit.Type), related.Unit.FullName,
        related.Unit.QualifiedName, related.Unit.Set.Code, UnitTypes.ApiName(related.Kind));
}

public sealed record ProvinceDto(
    string Code,
    string Type,
    string TypeName,
    string Name,
    string FullName,
    string NameEn,
    string FullNameEn,
    int Districts,
    int Communes,
    IReadOnlyList<RelatedUnitDto> FormedFrom);

public sealed record ProvincesResponse(DateOnly At, UnitSetDto UnitSet, IReadOnlyList<ProvinceDto> Provinces);

/// <summary>
/// One unit. <c>status</c> is "in-force" on <c>at</c>, "no-longer-exists" (then <c>successors</c> are
/// the units in force on <c>at</c> that took it over) or "not-yet-in-force".
/// </summary>
public sealed record UnitResponse(
    DateOnly At,
    string Code,
    string Level,
    string Type,
    string TypeName,
    string Name,
    string FullName,
    string QualifiedName,
    string NameEn,
    string FullNameEn,
    UnitSetDto UnitSet,
    string Status,
    UnitSummaryDto? Parent,
    UnitSummaryDto? Province,
    UnitSummaryDto? District,
    int Children,
    IReadOnlyList<RelatedUnitDto> Successors,
    IReadOnlyList<RelatedUnitDto> FormedFrom,
    IReadOnlyList<UnitSummaryDto> OtherUnitsWithThisCode);

public sealed record SearchResultDto(
    string Code,
    string Level,
    string Type,
    string TypeName,
    string Name,
    string FullName,
    string QualifiedName,
    string UnitSet,
    bool InForce,
    string Match);

public sealed record SearchResponse(string Query, DateOnly At, string UnitSet, IReadOnlyList<SearchResultDto> Results);

public sealed record OldAddressDto(UnitSummaryDto Province, UnitSummaryDto? District, UnitSummaryDto? Commune);

/// <summary>
/// The address after the reform. <c>outcome</c>: "commune" (one new commune), "split" (the old commune
/// was divided: every candidate is listed, and the village or street decides), "province-only" (no
/// commune given) or "commune-not-in-data" (the published data gives no reliable new commune).
/// </summary>
public sealed record ConversionResponse(
    DateOnly At,
    string UnitSet,
    string Outcome,
    bool MoreDetailNeeded,
    string Message,
    OldAddressDto Old,
    UnitSummaryDto Province,
    IReadOnlyList<RelatedUnitDto> Communes);
