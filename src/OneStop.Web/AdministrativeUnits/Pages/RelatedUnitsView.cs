namespace OneStop.Web.AdministrativeUnits.Pages;

/// <summary>What the _RelatedUnits partial shows; <see cref="At"/> is the date the links open at, by default each unit's own set.</summary>
public sealed record RelatedUnitsView(IReadOnlyList<RelatedUnit> Units, DateOnly? At = null, bool Qualified = false);
