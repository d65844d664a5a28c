using System.Globalization;

namespace OneStop.Web.AdministrativeUnits;

/// <summary>The tier of a unit: province level, district level (only before 1 July 2025), commune level.</summary>
public enum UnitLevel
{
    Province,
    District,
    Commune,
}

/// <summary>What kind of unit it is, as the law names it.</summary>
public enum UnitType
{
    /// <summary>Thành phố trực thuộc trung ương (a centrally-run city).</summary>
    Municipality,

    /// <summary>Tỉnh.</summary>
    Province,

    /// <summary>Quận (before 1 July 2025).</summary>
    UrbanDistrict,

    /// <summary>Huyện (before 1 July 2025).</summary>
    RuralDistrict,

    /// <summary>Thị xã (before 1 July 2025).</summary>
    Town,

    /// <summary>Thành phố thuộc tỉnh or thuộc thành phố trực thuộc trung ương (before 1 July 2025).</summary>
    City,

    /// <summary>Phường.</summary>
    Ward,

    /// <summary>Xã.</summary>
    Commune,

    /// <summary>Thị trấn (before 1 July 2025).</summary>
    Township,

    /// <summary>Đặc khu (from 1 July 2025).</summary>
    SpecialZone,
}

/// <summary>Whether the whole old unit went into the new one or only part of it.</summary>
public enum SuccessionKind
{
    Full,
    Partial,
}

public static class UnitTypes
{
    public static UnitLevel LevelOf(UnitType type) => type switch
    {
        UnitType.Municipality or UnitType.Province => UnitLevel.Province,
        UnitType.UrbanDistrict or UnitType.RuralDistrict or UnitType.Town or UnitType.City => UnitLevel.District,
        _ => UnitLevel.Commune,
    };

    /// <summary>The word in front of the name ("Phường" in "Phường Ba Đình").</summary>
    public static string VietnameseName(UnitType type) => type switch
    {
        UnitType.Municipality => "Thành phố",
        UnitType.Province => "Tỉnh",
        UnitType.UrbanDistrict => "Quận",
        UnitType.RuralDistrict => "Huyện",
        UnitType.Town => "Thị xã",
        UnitType.City => "Thành phố",
        UnitType.Ward => "Phường",
        UnitType.Commune => "Xã",
        UnitType.Township => "Thị trấn",
        UnitType.SpecialZone => "Đặc khu",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The type as the API writes it: "urban-district", "special-zone"…</summary>
    public static string ApiName(UnitType type) => type switch
    {
        UnitType.Municipality => "municipality",
        UnitType.Province => "province",
        UnitType.UrbanDistrict => "urban-district",
        UnitType.RuralDistrict => "rural-district",
        UnitType.Town => "town",
        UnitType.City => "city",
        UnitType.Ward => "ward",
        UnitType.Commune => "commune",
        UnitType.Township => "township",
        UnitType.SpecialZone => "special-zone",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string ApiName(UnitLevel level) => level switch
    {
        UnitLevel.Province => "province",
        UnitLevel.District => "district",
        _ => "commune",
    };

    public static string ApiName(SuccessionKind kind) => kind == SuccessionKind.Full ? "full" : "partial";
}

/// <summary>
/// The units in force from a date: before the reform (three tiers), from 1 July 2025 and from
/// 30 April 2026 (two tiers). A date selects exactly one set.
/// </summary>
public sealed class UnitSet
{
    internal UnitSet(int index, string code, DateOnly? effectiveFrom, DateOnly dataAsOf, bool hasDistricts, string description, string legalBasis)
    {
        Index = index;
        Code = code;
        EffectiveFrom = effectiveFrom;
        DataAsOf = dataAsOf;
        HasDistricts = hasDistricts;
        Description = description;
        LegalBasis = legalBasis;
    }

    /// <summary>Position in time order, 0 for the oldest set.</summary>
    public int Index { get; }

    /// <summary>"2025-03-01", "2025-07-01", "2026-04-30": the date of the list.</summary>
    public string Code { get; }

    /// <summary>The first day in force; none for the set before the reform, which answers for any earlier date.</summary>
    public DateOnly? EffectiveFrom { get; }

    /// <summary>The first day the next set is in force, if any (exclusive end).</summary>
    public DateOnly? EffectiveUntil { get; internal set; }

    /// <summary>The last day in force (inclusive), if the set has been replaced.</summary>
    public DateOnly? LastDay => EffectiveUntil?.AddDays(-1);

    /// <summary>The date the source list describes.</summary>
    public DateOnly DataAsOf { get; }

    public bool HasDistricts { get; }

    public string Description { get; }

    public string LegalBasis { get; }

    public bool IsInForceOn(DateOnly date) =>
        (EffectiveFrom is not { } from || date >= from) && (EffectiveUntil is not { } until || date < until);

    public override string ToString() => Code;
}

/// <summary>
/// One administrative unit as one set lists it. A code can name different units in different sets
/// (Phường Trúc Bạch 00004 before 1 July 2025, Phường Ba Đình 00004 after), so a unit is always
/// its set plus its code. Immutable once the directory is built.
/// </summary>
public sealed class AdministrativeUnit
{
    private List<AdministrativeUnit>? _children;
    private List<Succession>? _successors;
    private List<Succession>? _predecessors;

    internal AdministrativeUnit(UnitSet set, string code, UnitType type, string name, string fullName, string nameEn, string fullNameEn)
    {
        Set = set;
        Code = code;
        Type = type;
        Level = UnitTypes.LevelOf(type);
        Name = name;
        FullName = fullName;
        NameEn = nameEn;
        FullNameEn = fullNameEn;
        QualifiedName = fullName;
        Province = this;
    }

    public UnitSet Set { get; }

    /// <summary>2 digits for a province, 3 for a district, 5 for a commune; unique within a set.</summary>
    public string Code { get; }

    public UnitLevel Level { get; }

    public UnitType Type { get; }

    /// <summary>"Ba Đình"</summary>
    public string Name { get; }

    /// <summary>"Phường Ba Đình"</summary>
    public string FullName { get; }

    public string NameEn { get; }

    public string FullNameEn { get; }

    /// <summary>"Phường Ba Đình, Thành phố Hà Nội": the full name with every tier above it.</summary>
    public string QualifiedName { get; private set; }

    /// <summary>The unit directly above: the district before the reform, the province after; none for a province.</summary>
    public AdministrativeUnit? Parent { get; private set; }

    /// <summary>The province the unit belongs to (itself for a province).</summary>
    public AdministrativeUnit Province { get; private set; }

    /// <summary>The district before the reform; none for a province or a unit of a two-tier set.</summary>
    public AdministrativeUnit? District => Level == UnitLevel.Commune && Parent?.Level == UnitLevel.District ? Parent : null;

    public IReadOnlyList<AdministrativeUnit> Children => (IReadOnlyList<AdministrativeUnit>?)_children ?? [];

    /// <summary>The units of the next set this unit went into.</summary>
    public IReadOnlyList<Succession> Successors => (IReadOnlyList<Succession>?)_successors ?? [];

    /// <summary>The units of the previous set this unit was formed from.</summary>
    public IReadOnlyList<Succession> Predecessors => (IReadOnlyList<Succession>?)_predecessors ?? [];

    public string TypeName => UnitTypes.VietnameseName(Type);

    internal void AttachTo(AdministrativeUnit parent)
    {
        Parent = parent;
        Province = parent.Province;
        (parent._children ??= []).Add(this);
    }

    internal static void Link(Succession succession)
    {
        (succession.From._successors ??= []).Add(succession);
        (succession.To._predecessors ??= []).Add(succession);
    }

    internal void Freeze()
    {
        QualifiedName = Parent is null ? FullName : string.Create(CultureInfo.InvariantCulture, $"{FullName}, {Parent.QualifiedName}");
        _children?.Sort(static (a, b) => string.CompareOrdinal(a.Code, b.Code));
        _children?.TrimExcess();
        _successors?.TrimExcess();
        _predecessors?.TrimExcess();
    }

    public override string ToString() => $"{FullName} ({Code}, {Set.Code})";
}

/// <summary>An old unit that went, wholly or in part, into a unit of the next set.</summary>
public sealed record Succession(AdministrativeUnit From, AdministrativeUnit To, SuccessionKind Kind);

/// <summary>A unit reached by following successions across one or more sets.</summary>
public sealed record RelatedUnit(AdministrativeUnit Unit, SuccessionKind Kind);
