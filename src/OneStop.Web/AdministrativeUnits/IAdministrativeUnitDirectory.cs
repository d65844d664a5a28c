using OneStop.Web.AdministrativeUnits.Loading;

namespace OneStop.Web.AdministrativeUnits;

/// <summary>
/// Vietnam's administrative units before and after the 2025 reform, in memory, for any capability
/// that needs to name, check or convert a unit. Every question takes the date it is asked for: a
/// code such as "00004" names Phường Trúc Bạch on 30 June 2025 and Phường Ba Đình on 1 July 2025.
/// A singleton; thread-safe because nothing in it changes after loading.
/// </summary>
public interface IAdministrativeUnitDirectory
{
    /// <summary>The sets in time order: before the reform, from 1 July 2025, from 30 April 2026.</summary>
    IReadOnlyList<UnitSet> Sets { get; }

    ConsistencyReport Report { get; }

    /// <summary>
    /// The first day OneStop knows the units of: the date of its oldest list (1 March 2025). Before it the units
    /// had been changed by earlier resolutions, so no list here describes them; pages and the API say so instead of
    /// answering from the oldest list.
    /// </summary>
    DateOnly EarliestKnownDate { get; }

    /// <summary>
    /// The set in force on <paramref name="at"/>; any date before 1 July 2025 gives the set before the reform, and so
    /// does a date before <see cref="EarliestKnownDate"/>, which callers that take a date from outside must refuse.
    /// </summary>
    UnitSet SetAt(DateOnly at);

    /// <summary>The unit with this code in force on <paramref name="at"/>, if any.</summary>
    AdministrativeUnit? Find(string code, DateOnly at);

    /// <summary>
    /// The unit a code means on a date: the one in force then; otherwise the latest one that no longer
    /// exists; otherwise the earliest one that does not yet exist.
    /// </summary>
    AdministrativeUnit? Lookup(string code, DateOnly at);

    /// <summary>Every unit that has carried this code, oldest set first.</summary>
    IReadOnlyList<AdministrativeUnit> UnitsWithCode(string code);

    IReadOnlyList<AdministrativeUnit> Provinces(DateOnly at);

    /// <summary>The province of the commune in force on <paramref name="at"/>, if there is such a commune.</summary>
    AdministrativeUnit? ProvinceOf(string communeCode, DateOnly at);

    /// <summary>Every commune of the province in force on <paramref name="at"/> (through its districts before the reform).</summary>
    IReadOnlyList<AdministrativeUnit> CommunesOf(string provinceCode, DateOnly at);

    /// <summary>
    /// What the unit had become on <paramref name="at"/>: itself while in force, otherwise the units of the
    /// set then in force that took it over, <see cref="SuccessionKind.Partial"/> if it was split on the way.
    /// </summary>
    IReadOnlyList<RelatedUnit> SuccessorsAt(AdministrativeUnit unit, DateOnly at);

    /// <summary>The units before the reform that the unit was formed from (none for a unit before the reform).</summary>
    IReadOnlyList<RelatedUnit> FormedFrom(AdministrativeUnit unit);

    /// <summary>
    /// Units whose name matches <paramref name="query"/> with or without diacritics and whatever the
    /// tone-mark placement, best first: exact, prefix, word, contains; units in force on
    /// <paramref name="at"/> before the others.
    /// </summary>
    IReadOnlyList<UnitSearchHit> Search(string query, DateOnly at, int limit);

    /// <summary>
    /// The new commune(s) and province of an address written before 1 July 2025 (names or codes, any
    /// spelling), named as on <paramref name="at"/>, which must be on or after 1 July 2025.
    /// </summary>
    AddressConversion Convert(OldAddress address, DateOnly at);
}
