using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Web.AdministrativeUnits.Pages;

/// <summary>One unit on a date: what it contains, what it was formed from, what it became.</summary>
[AllowAnonymous]
public sealed class UnitModel(IAdministrativeUnitDirectory directory, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "at")]
    public string? At { get; set; }

    public DateOnly Date { get; private set; }

    public PageText? DateError { get; private set; }

    public AdministrativeUnit Unit { get; private set; } = null!;

    public UnitStatus Status { get; private set; }

    /// <summary>For a unit that no longer exists on the date: the units then in force that took it over.
    /// For an old unit still in force: what it became in the reform, named as today.</summary>
    public IReadOnlyList<RelatedUnit> Successors { get; private set; } = [];

    public IReadOnlyList<RelatedUnit> FormedFrom { get; private set; } = [];

    public IReadOnlyList<AdministrativeUnit> OtherUnitsWithThisCode { get; private set; } = [];

    public IAdministrativeUnitDirectory Directory => directory;

    public IActionResult OnGet(string code)
    {
        Date = UnitPageDates.Read(At, time, directory, out var dateError);
        DateError = dateError;
        var unit = directory.Lookup(code, Date);
        if (unit is null)
        {
            return NotFound();
        }

        Unit = unit;
        var current = directory.SetAt(Date);
        Status = unit.Set == current ? UnitStatus.InForce : unit.Set.Index < current.Index ? UnitStatus.NoLongerExists : UnitStatus.NotYetInForce;
        Successors = Status switch
        {
            UnitStatus.NoLongerExists => directory.SuccessorsAt(unit, Date),
            UnitStatus.InForce when unit.Set.HasDistricts => directory.SuccessorsAt(unit, directory.Sets[^1].EffectiveFrom!.Value),
            _ => [],
        };
        FormedFrom = directory.FormedFrom(unit);
        OtherUnitsWithThisCode = [.. directory.UnitsWithCode(code).Where(u => u != unit)];
        return Page();
    }
}

public enum UnitStatus
{
    InForce,
    NoLongerExists,
    NotYetInForce,
}
