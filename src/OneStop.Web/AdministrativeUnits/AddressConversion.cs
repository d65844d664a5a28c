namespace OneStop.Web.AdministrativeUnits;

/// <summary>An address as written before 1 July 2025: each part a name (any spelling) or a code, or left out.</summary>
public sealed record OldAddress(string? Province, string? District, string? Commune);

public enum AddressField
{
    Province,
    District,
    Commune,
}

public enum ConversionProblemKind
{
    /// <summary>No part of the address was given.</summary>
    NothingGiven,

    /// <summary>No unit before the reform has this name or code.</summary>
    NotFound,

    /// <summary>Several units before the reform have this name within what was given.</summary>
    Ambiguous,

    /// <summary>The unit exists, but not inside the province or district given.</summary>
    NotInside,
}

/// <summary>
/// What was not understood, and the units that could have been meant: for <see cref="ConversionProblemKind.Ambiguous"/>
/// the namesakes, for <see cref="ConversionProblemKind.NotInside"/> where the unit really is, for
/// <see cref="ConversionProblemKind.NotFound"/> the units after the reform that carry the name, if any.
/// </summary>
public sealed record ConversionProblem(
    ConversionProblemKind Kind,
    AddressField? Field,
    string Input,
    AdministrativeUnit? Container,
    IReadOnlyList<AdministrativeUnit> Candidates);

public enum ConversionOutcome
{
    /// <summary>The old commune went into exactly one new commune.</summary>
    Commune,

    /// <summary>The old commune was split: the village or street decides which new commune.</summary>
    Split,

    /// <summary>No commune was given: only the province (and, for an island district, its special zone) is known.</summary>
    ProvinceOnly,

    /// <summary>The commune was given, but the published reform data names no reliable new commune for it.</summary>
    CommuneNotInData,
}

public sealed record AddressConversion(
    UnitSet Target,
    ConversionProblem? Problem,
    AdministrativeUnit? OldProvince,
    AdministrativeUnit? OldDistrict,
    AdministrativeUnit? OldCommune,
    AdministrativeUnit? NewProvince,
    IReadOnlyList<RelatedUnit> NewCommunes)
{
    public bool Succeeded => Problem is null;

    public ConversionOutcome Outcome => NewCommunes.Count switch
    {
        0 when OldCommune is not null => ConversionOutcome.CommuneNotInData,
        0 => ConversionOutcome.ProvinceOnly,
        1 => ConversionOutcome.Commune,
        _ => ConversionOutcome.Split,
    };

    /// <summary>The old unit given most precisely: the commune, else the district, else the province.</summary>
    public AdministrativeUnit? OldUnit => OldCommune ?? OldDistrict ?? OldProvince;

    internal static AddressConversion Failed(UnitSet target, ConversionProblem problem) =>
        new(target, problem, null, null, null, null, []);
}
