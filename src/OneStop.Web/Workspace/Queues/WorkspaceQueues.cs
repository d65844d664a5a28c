using Microsoft.EntityFrameworkCore;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;
using OneStop.Web.Workspace.Casework;

namespace OneStop.Web.Workspace.Queues;

/// <summary>The officer's work lists.</summary>
public static class QueueNames
{
    /// <summary>Every open application of the jurisdiction.</summary>
    public const string All = "all";

    /// <summary>Assigned to me.</summary>
    public const string Mine = "mine";

    /// <summary>Open applications whose current step one of my roles takes.</summary>
    public const string ToAct = "to-act";

    /// <summary>Submitted, waiting for the desk.</summary>
    public const string ToReceive = "to-receive";

    /// <summary>Due within the next working day.</summary>
    public const string DueSoon = "due-soon";

    public const string Overdue = "overdue";

    /// <summary>Clock stopped: waiting for the citizen.</summary>
    public const string Waiting = "waiting";

    public static readonly IReadOnlyList<string> Known = [All, Mine, ToAct, ToReceive, DueSoon, Overdue, Waiting];

    public static LocalizedText Name(string queue) => queue switch
    {
        Mine => new("Được giao cho tôi", "Assigned to me"),
        ToAct => new("Chờ tôi xử lý", "Waiting for my step"),
        ToReceive => new("Chờ tiếp nhận", "To receive"),
        DueSoon => new("Đến hạn trong một ngày làm việc", "Due within one working day"),
        Overdue => new("Quá hạn", "Overdue"),
        Waiting => new("Chờ công dân bổ sung", "Waiting for the citizen"),
        _ => new("Tất cả hồ sơ đang giải quyết", "All open applications"),
    };
}

/// <summary>What the officer asked for: a queue, narrowed by unit and procedure, and which page of it (from 1).</summary>
public sealed record QueueQuery(string? Queue, string? Province, string? Unit, string? Procedure, int Page = 1);

/// <summary>One page of a queue, the most urgent first, and whether another page follows.</summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int Page, bool HasMore)
{
    /// <summary>The place of the page's first item in the whole queue, from 1.</summary>
    public int FirstNumber => ((Page - 1) * WorkspaceQueues.PageSize) + 1;
}

/// <summary>One line of a queue.</summary>
public sealed record QueueItem(
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string ApplicantName,
    string UnitCode,
    ApplicationStatus Status,
    string State,
    string StateName,
    string? AssignedOfficerName,
    DueDescription Due);

public enum QueueAccess
{
    Allowed,

    /// <summary>The province or unit asked for lies outside the officer's jurisdiction.</summary>
    OutsideJurisdiction,
    UnknownQueue,

    /// <summary>A page below 1 or past <see cref="WorkspaceQueues.LastPage"/>.</summary>
    PageOutOfRange,

    /// <summary>A unit that is neither a commune's code nor a province department's: no unit at all, so no jurisdiction question.</summary>
    MalformedUnit,

    /// <summary>A province that is not two digits: no province at all, so no jurisdiction question.</summary>
    MalformedProvince,
}

/// <summary>
/// The officer's queues, always within the officer's jurisdiction, the nearest due moment first (those without
/// one last, then by submission), a page at a time. A province holds tens of thousands of open applications:
/// the database orders and pages them, so that no overdue application can fall off the end of a list.
/// </summary>
public sealed class WorkspaceQueues(
    OneStopDbContext db,
    ICurrentOfficer officer,
    IProcedureCatalog catalog,
    DueDescriptions dues,
    IAdministrativeUnitDirectory units,
    TimeProvider clock)
{
    public const int PageSize = 100;

    /// <summary>Pages past this are refused: nobody reads a list that deep, and skipping to it costs the database.</summary>
    public const int LastPage = 1000;

    /// <summary>Rows read at a time for the queues whose last test (due within a working day, a step of mine) is made here.</summary>
    private const int ReadChunk = 500;

    /// <summary>No working day reaches further than this in calendar time, Tết included.</summary>
    private static readonly TimeSpan LongestWorkingDay = TimeSpan.FromDays(45);

    /// <summary>
    /// The page asked for in a query string: 1 when none is given, 0 (out of range, refused by <see cref="Check"/>)
    /// when it is not a whole number, so that "page=abc" gets the same answer as "page=0".
    /// </summary>
    public static int PageNumber(string? text) =>
        string.IsNullOrEmpty(text) ? 1
        : int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var asked) ? asked : 0;

    /// <summary>
    /// Whether the queue is known, the page is in range, the unit is shaped like a unit that handles applications,
    /// the province like a province, and the province/unit lies in the officer's jurisdiction.
    /// </summary>
    public QueueAccess Check(QueueQuery query)
    {
        if (query.Queue is { } queue && !QueueNames.Known.Contains(queue))
        {
            return QueueAccess.UnknownQueue;
        }

        if (query.Page is < 1 or > LastPage)
        {
            return QueueAccess.PageOutOfRange;
        }

        if (Blank(query.Unit) is { } asked && !HandlesApplications(asked))
        {
            return QueueAccess.MalformedUnit;
        }

        if (Blank(query.Province) is { } named && !UnitCodes.IsProvince(named))
        {
            return QueueAccess.MalformedProvince;
        }

        var province = Blank(query.Province) ?? (Blank(query.Unit) is { } unit ? ProvinceOf(unit) : null);
        if (province is null)
        {
            return Blank(query.Unit) is null ? QueueAccess.Allowed : QueueAccess.OutsideJurisdiction;
        }

        return officer.Jurisdiction.CoversUnit(province, Blank(query.Unit)) ? QueueAccess.Allowed : QueueAccess.OutsideJurisdiction;
    }

    public async Task<QueuePage> ListAsync(QueueQuery query, CancellationToken cancellationToken = default)
    {
        var queue = query.Queue ?? QueueNames.All;
        var page = Math.Clamp(query.Page, 1, LastPage);
        var now = clock.GetUtcNow();
        var rows = db.Applications.AsNoTracking()
            .WithinJurisdiction(officer.Jurisdiction)
            .Where(a => a.CompletedAt == null);
        if (Blank(query.Province) is { } province)
        {
            rows = rows.Where(a => a.ProvinceCode == province);
        }

        if (Blank(query.Unit) is { } unit)
        {
            rows = rows.Where(a => a.UnitCode == unit);
        }

        if (Blank(query.Procedure) is { } procedure)
        {
            rows = rows.Where(a => a.ProcedureCode == procedure);
        }

        var workflows = new Dictionary<(string, int), WorkflowDefinition?>();
        if (queue == QueueNames.ToAct)
        {
            // Only the states from which one of my roles acts in some workflow in use can be mine to act on:
            // narrowing to them in SQL leaves the exact test below little to throw away.
            var versions = await rows.Select(a => new { a.ProcedureCode, a.ProcedureVersion }).Distinct().ToListAsync(cancellationToken);
            var actionable = new HashSet<string>(StringComparer.Ordinal);
            foreach (var version in versions)
            {
                var workflow = await WorkflowAsync(version.ProcedureCode, version.ProcedureVersion);
                actionable.UnionWith(workflow?.Actions.Where(a => a.Roles.Any(officer.IsInRole)).SelectMany(a => a.From) ?? []);
            }

            if (actionable.Count == 0)
            {
                return new QueuePage([], page, false);
            }

            var states = actionable.ToList();
            rows = rows.Where(a => states.Contains(a.State));
        }

        // One province in view (the usual case): its next working day bounds the due-soon queue in SQL. Across
        // provinces each has its own calendar, so the bound is the longest a working day can reach, tested below.
        var onlyProvince = Blank(query.Province) ?? officer.Jurisdiction.ProvinceCode ?? (Blank(query.Unit) is { } named ? ProvinceOf(named) : null);
        var reach = queue != QueueNames.DueSoon ? now
            : onlyProvince is null ? now + LongestWorkingDay
            : await dues.OneWorkingDayFromNowAsync(onlyProvince, cancellationToken);
        rows = queue switch
        {
            QueueNames.Mine => rows.Where(a => a.AssignedOfficerId == officer.Id),
            QueueNames.ToReceive => rows.Where(a => a.State == "submitted"),
            QueueNames.Waiting => rows.Where(a => a.ClockStoppedSince != null),
            QueueNames.Overdue => rows.Where(a => a.ClockStoppedSince == null && a.DueAt != null && a.DueAt < now),
            QueueNames.DueSoon => rows.Where(a => a.ClockStoppedSince == null && a.DueAt != null && a.DueAt >= now && a.DueAt <= reach),
            _ => rows,
        };
        // Those without a due moment go last. PostgreSQL sorts nulls last by itself, and an ORDER BY on the column
        // alone lets it walk the due-moment index and stop after a page; SQLite sorts nulls first and must be told.
        var ordered = ProviderConventions.IsSqlite(db.Database.ProviderName)
            ? rows.OrderBy(a => a.DueAt == null).ThenBy(a => a.DueAt).ThenBy(a => a.SubmittedAt).ThenBy(a => a.Code)
            : rows.OrderBy(a => a.DueAt).ThenBy(a => a.SubmittedAt).ThenBy(a => a.Code);

        var skip = (page - 1) * PageSize;
        List<Application> wanted;
        if (queue == QueueNames.ToAct || (queue == QueueNames.DueSoon && onlyProvince is null))
        {
            // The last test needs the workflow or the province's calendar: read in chunks, keep what passes.
            var horizons = new Dictionary<string, DateTimeOffset>();
            wanted = [];
            var passed = 0;
            // Most rows pass (SQL has narrowed them already): the first read is as long as the page needs.
            for (int offset = 0, length = skip + PageSize + 1; wanted.Count <= PageSize; offset += length, length = ReadChunk)
            {
                var chunk = await ordered.Skip(offset).Take(length).ToListAsync(cancellationToken);
                foreach (var application in chunk)
                {
                    if (!await PassesAsync(application) || passed++ < skip)
                    {
                        continue;
                    }

                    wanted.Add(application);
                    if (wanted.Count > PageSize)
                    {
                        break;
                    }
                }

                if (chunk.Count < length)
                {
                    break;
                }
            }

            async Task<bool> PassesAsync(Application application)
            {
                if (queue == QueueNames.DueSoon)
                {
                    if (!horizons.TryGetValue(application.ProvinceCode, out var horizon))
                    {
                        horizon = await dues.OneWorkingDayFromNowAsync(application.ProvinceCode, cancellationToken);
                        horizons[application.ProvinceCode] = horizon;
                    }

                    return application.DueAt <= horizon;
                }

                var workflow = await WorkflowAsync(application.ProcedureCode, application.ProcedureVersion);
                return workflow?.ActionsFrom(application.State).Any(a => a.Roles.Any(officer.IsInRole)) == true;
            }
        }
        else
        {
            wanted = await ordered.Skip(skip).Take(PageSize + 1).ToListAsync(cancellationToken);
        }

        var items = new List<QueueItem>();
        foreach (var application in wanted.Take(PageSize))
        {
            var workflow = await WorkflowAsync(application.ProcedureCode, application.ProcedureVersion);
            items.Add(new QueueItem(
                application.Code,
                application.ProcedureCode,
                application.ProcedureName,
                application.ApplicantName,
                application.UnitCode,
                application.Status,
                application.State,
                workflow?.State(application.State)?.Name.Current ?? application.State,
                application.AssignedOfficerName,
                await dues.DescribeAsync(application, cancellationToken)));
        }

        return new QueuePage(items, page, wanted.Count > PageSize);

        async Task<WorkflowDefinition?> WorkflowAsync(string procedureCode, int version)
        {
            if (!workflows.TryGetValue((procedureCode, version), out var workflow))
            {
                workflow = (await catalog.GetVersionAsync(procedureCode, version, cancellationToken))?.Definition.Workflow;
                workflows[(procedureCode, version)] = workflow;
            }

            return workflow;
        }
    }

    /// <summary>The units of the officer's jurisdiction that have open applications: what a queue can be narrowed to.</summary>
    public async Task<IReadOnlyList<string>> UnitsWithOpenApplicationsAsync(CancellationToken cancellationToken = default) =>
        await db.Applications.AsNoTracking()
            .WithinJurisdiction(officer.Jurisdiction)
            .Where(a => a.CompletedAt == null)
            .Select(a => a.UnitCode)
            .Distinct()
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Whether <paramref name="unit"/> has the shape of a unit an application goes to: a commune (<c>00004</c>) or a
    /// province department (<c>33-CA</c>). A province's own code (<c>33</c>) is no such unit; <c>province</c> narrows to it.
    /// </summary>
    public static bool HandlesApplications(string unit) => UnitCodes.IsCommune(unit) || UnitCodes.IsDepartment(unit);

    private string? ProvinceOf(string unit)
    {
        if (UnitCodes.IsDepartment(unit))
        {
            return unit[..2];
        }

        var today = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime);
        return UnitCodes.IsCommune(unit) ? units.ProvinceOf(unit, today)?.Code : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
