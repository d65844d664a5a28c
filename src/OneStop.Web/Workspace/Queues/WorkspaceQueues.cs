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

/// <summary>What the officer asked for: a queue, narrowed by unit and procedure.</summary>
public sealed record QueueQuery(string? Queue, string? Province, string? Unit, string? Procedure);

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
}

/// <summary>
/// The officer's queues, always within the officer's jurisdiction. The open applications of a
/// jurisdiction are few enough to sort and compare due moments in memory (SQLite cannot compare
/// instants in SQL), at most <see cref="Limit"/> of them.
/// </summary>
public sealed class WorkspaceQueues(
    OneStopDbContext db,
    ICurrentOfficer officer,
    IProcedureCatalog catalog,
    DueDescriptions dues,
    IAdministrativeUnitDirectory units,
    TimeProvider clock)
{
    public const int Limit = 500;

    /// <summary>Whether the province/unit named in the request lies in the officer's jurisdiction.</summary>
    public QueueAccess Check(QueueQuery query)
    {
        if (query.Queue is { } queue && !QueueNames.Known.Contains(queue))
        {
            return QueueAccess.UnknownQueue;
        }

        var province = Blank(query.Province) ?? (Blank(query.Unit) is { } unit ? ProvinceOf(unit) : null);
        if (province is null)
        {
            return Blank(query.Unit) is null ? QueueAccess.Allowed : QueueAccess.OutsideJurisdiction;
        }

        return officer.Jurisdiction.CoversUnit(province, Blank(query.Unit)) ? QueueAccess.Allowed : QueueAccess.OutsideJurisdiction;
    }

    public async Task<IReadOnlyList<QueueItem>> ListAsync(QueueQuery query, CancellationToken cancellationToken = default)
    {
        var queue = query.Queue ?? QueueNames.All;
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

        rows = queue switch
        {
            QueueNames.Mine => rows.Where(a => a.AssignedOfficerId == officer.Id),
            QueueNames.ToReceive => rows.Where(a => a.State == "submitted"),
            QueueNames.Waiting => rows.Where(a => a.ClockStoppedSince != null),
            QueueNames.DueSoon or QueueNames.Overdue => rows.Where(a => a.ClockStoppedSince == null && a.DueAt != null),
            _ => rows,
        };
        var applications = await rows.Take(Limit).ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        if (queue == QueueNames.Overdue)
        {
            applications = [.. applications.Where(a => a.DueAt < now)];
        }
        else if (queue == QueueNames.DueSoon)
        {
            var horizons = new Dictionary<string, DateTimeOffset>();
            foreach (var provinceCode in applications.Select(a => a.ProvinceCode).Distinct())
            {
                horizons[provinceCode] = await dues.OneWorkingDayFromNowAsync(provinceCode, cancellationToken);
            }

            applications = [.. applications.Where(a => a.DueAt >= now && a.DueAt <= horizons[a.ProvinceCode])];
        }

        var items = new List<QueueItem>();
        var workflows = new Dictionary<(string, int), WorkflowDefinition?>();
        foreach (var application in applications.OrderBy(a => a.DueAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.SubmittedAt))
        {
            if (!workflows.TryGetValue((application.ProcedureCode, application.ProcedureVersion), out var workflow))
            {
                workflow = (await catalog.GetVersionAsync(application.ProcedureCode, application.ProcedureVersion, cancellationToken))?.Definition.Workflow;
                workflows[(application.ProcedureCode, application.ProcedureVersion)] = workflow;
            }

            if (queue == QueueNames.ToAct
                && workflow?.ActionsFrom(application.State).Any(a => a.Roles.Any(officer.IsInRole)) != true)
            {
                continue;
            }

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

        return items;
    }

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
