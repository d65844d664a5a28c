using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Catalog;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;
using OneStop.Web.Workspace.Queues;

namespace OneStop.Web.Workspace.Pages;

/// <summary>The officer's queues, within the officer's jurisdiction, narrowed by unit and procedure.</summary>
[Authorize(Policy = Policies.Officer)]
[OfficerAccess(Roles.Receptionist, Roles.Specialist, Roles.UnitLeader, Roles.ProvinceAdministrator, Roles.SystemAdministrator,
    ProvinceParameter = "province", UnitParameter = "unit", ExampleRequest = "/workspace?province={province}&unit={unit}")]
public sealed class WorkspaceIndexModel(WorkspaceQueues queues, IProcedureCatalog catalog, ICurrentOfficer officer, UnitNames unitNames) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "queue")]
    public string? Queue { get; set; }

    [BindProperty(SupportsGet = true, Name = "province")]
    public string? Province { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "procedure")]
    public string? Procedure { get; set; }

    public QueuePage Result { get; private set; } = new([], 1, false);

    public IReadOnlyList<QueueItem> Items => Result.Items;

    public IReadOnlyList<ProcedureSummary> Procedures { get; private set; } = [];

    /// <summary>The units a queue can be narrowed to, by name; shown only when the officer sees more than one.</summary>
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];

    public bool SeesSeveralUnits => Units.Count > 1;

    public string UnitName(string code) => unitNames.Of(code);

    public string CurrentQueue => string.IsNullOrWhiteSpace(Queue) ? DefaultQueue : Queue;

    /// <summary>A receptionist starts with the desk's queue; the others with their own steps.</summary>
    public string DefaultQueue => officer.IsInRole(Roles.Receptionist) ? QueueNames.ToReceive
        : officer.IsInRole(Roles.Specialist) || officer.IsInRole(Roles.UnitLeader) ? QueueNames.ToAct
        : QueueNames.All;

    public bool IsReceptionist => officer.IsInRole(Roles.Receptionist);

    public string? OfficerName => officer.FullName;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Read from the query string itself: for a Razor Page, "page" is also the route value naming the page.
        var query = new QueueQuery(CurrentQueue, Province, Unit, Procedure, WorkspaceQueues.PageNumber(Request.Query["page"].ToString()));
        switch (queues.Check(query))
        {
            case QueueAccess.OutsideJurisdiction:
                return Forbid();
            case QueueAccess.UnknownQueue or QueueAccess.PageOutOfRange or QueueAccess.MalformedUnit or QueueAccess.MalformedProvince:
                return NotFound();
        }

        Result = await queues.ListAsync(query, cancellationToken);

        // A commune officer's jurisdiction is one unit: nothing to choose, so the database is not asked.
        if (officer.Jurisdiction.Level != JurisdictionLevel.Commune)
        {
            var codes = (await queues.UnitsWithOpenApplicationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            if (!string.IsNullOrWhiteSpace(Unit))
            {
                codes.Add(Unit.Trim());
            }

            Units = [.. codes.Select(c => (Code: c, Name: unitNames.Of(c))).OrderBy(u => u.Name, StringComparer.Create(VietnameseFormat.Culture, ignoreCase: true)).ThenBy(u => u.Code, StringComparer.Ordinal)];
        }

        Procedures = (await catalog.SearchAsync(new ProcedureQuery(PageSize: ProcedureQuery.MaxPageSize), cancellationToken)).Items;
        return Page();
    }

    public string QueueLink(string queue) => Link(queue, page: 1);

    /// <summary>Another page of the queue shown, with the same filters.</summary>
    public string PageLink(int page) => Link(CurrentQueue, page);

    private string Link(string queue, int page)
    {
        var parts = new List<string> { "queue=" + queue };
        if (!string.IsNullOrWhiteSpace(Province))
        {
            parts.Add("province=" + Uri.EscapeDataString(Province));
        }

        if (!string.IsNullOrWhiteSpace(Unit))
        {
            parts.Add("unit=" + Uri.EscapeDataString(Unit));
        }

        if (!string.IsNullOrWhiteSpace(Procedure))
        {
            parts.Add("procedure=" + Uri.EscapeDataString(Procedure));
        }

        if (page > 1)
        {
            parts.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return "/workspace?" + string.Join("&", parts);
    }
}
