using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Applications.Deadlines;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Tracking;
using OneStop.Web.Audit;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Notifications;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications;

/// <summary>Who takes a step, in the role they take it in.</summary>
public sealed record StepActor(string Id, string? Name, string Role, string? UnitCode)
{
    public static StepActor System { get; } = new("system", null, "system", null);

    public static StepActor Citizen(string idNumber, string? name) => new("citizen:" + idNumber, name, Roles.Citizen, null);

    public static StepActor Officer(string officerId, string? name, string role, string? unitCode) => new("officer:" + officerId, name, role, unitCode);

    /// <summary>The signed-in officer acting in <paramref name="role"/>.</summary>
    public static StepActor Officer(ClaimsPrincipal user, string role) => Officer(
        user.FindFirst(OneStopClaimTypes.Subject)?.Value ?? "unknown",
        user.FindFirst(OneStopClaimTypes.FullName)?.Value,
        role,
        user.FindFirst(OneStopClaimTypes.UnitCode)?.Value);

    public bool IsOfficer => Id.StartsWith("officer:", StringComparison.Ordinal);

    /// <summary>The officer's account id without the prefix, or null for a citizen or the system.</summary>
    public string? OfficerId => IsOfficer ? Id["officer:".Length..] : null;
}

/// <summary>
/// One step of an application: the workflow action (or a system action such as an apology), the state
/// it leads to, who takes it, and what else changes with it. <see cref="Changes"/> runs inside the
/// journal's transaction, before the state is written.
/// </summary>
public sealed record ApplicationStep(string Action, string ToState, StepActor Actor)
{
    public string? Note { get; init; }

    /// <summary>A key the caller makes unique per intended step (a form token, an Idempotency-Key): repeating it changes nothing.</summary>
    public string? RequestKey { get; init; }

    /// <summary>The clock stops from this step until the next one (waiting for the citizen).</summary>
    public bool StopsClock { get; init; }

    public IReadOnlyList<NotificationMessage> Messages { get; init; } = [];

    public Action<Application>? Changes { get; init; }
}

public enum StepOutcome
{
    Done,

    /// <summary>The same request key was recorded before; nothing changed.</summary>
    AlreadyDone,

    /// <summary>Someone else changed the application meanwhile; reload and decide again.</summary>
    Conflict,
}

/// <summary>
/// The only writer of an application's state. Each step writes, in one database transaction, the
/// application's new state and due moments, its event, its outgoing messages and its audit entry, so
/// that no reader ever sees half a step; a step repeated with the same request key changes nothing;
/// two officers acting at once cannot both win (the application's revision guards it).
/// </summary>
public sealed class ApplicationJournal(
    OneStopDbContext db,
    IProcedureCatalog catalog,
    ApplicationDeadlines deadlines,
    IAuditTrail audit,
    ApplicationStatusCache statuses,
    TimeProvider clock)
{
    /// <summary>
    /// Adds a new application with its first event (<c>submit</c>), in one transaction. The intake has just
    /// read the procedure version, so it hands it over rather than have the journal read it again.
    /// </summary>
    public async Task<StepOutcome> StartAsync(Application application, ApplicationStep step, ProcedureDefinition procedure, CancellationToken cancellationToken = default)
    {
        db.Add(application);
        return await RecordAsync(application, step, procedure, isNew: true, cancellationToken);
    }

    public Task<StepOutcome> RecordAsync(Application application, ApplicationStep step, CancellationToken cancellationToken = default) =>
        RecordAsync(application, step, procedure: null, isNew: false, cancellationToken);

    private async Task<StepOutcome> RecordAsync(Application application, ApplicationStep step, ProcedureDefinition? procedure, bool isNew, CancellationToken cancellationToken)
    {
        if (!isNew && step.RequestKey is { } key
            && await db.Set<ApplicationEvent>().AnyAsync(e => e.ApplicationId == application.Id && e.RequestKey == key, cancellationToken))
        {
            return StepOutcome.AlreadyDone;
        }

        procedure ??= (await catalog.GetVersionAsync(application.ProcedureCode, application.ProcedureVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Procedure {application.ProcedureCode} version {application.ProcedureVersion} is missing.")).Definition;
        var now = clock.GetUtcNow();
        var fromState = isNew ? "" : application.State;
        var stepDue = isNew ? null : application.StepDueAt;

        // Everything the step writes goes in one SaveChanges, which is atomic on its own (one batch on
        // PostgreSQL, its own transaction on SQLite) and joins the caller's transaction when there is one.
        try
        {
            step.Changes?.Invoke(application);
            await ApplyAsync(application, step, procedure, now, cancellationToken);

            application.EventCount++;
            db.Add(new ApplicationEvent
            {
                ApplicationId = application.Id,
                Sequence = application.EventCount,
                Action = step.Action,
                FromState = fromState,
                ToState = step.ToState,
                Status = application.Status,
                ActorId = step.Actor.Id,
                ActorName = step.Actor.Name,
                ActorRole = step.Actor.Role,
                ActorUnitCode = step.Actor.UnitCode,
                At = now,
                StepDueAt = stepDue,
                OnTime = stepDue is null ? null : now <= stepDue,
                Note = step.Note,
                RequestKey = step.RequestKey,
            });
            foreach (var message in step.Messages)
            {
                message.NextAttemptAt = now;
                db.Add(message);
            }

            audit.Add(
                new AuditEvent("applications." + step.Action)
                {
                    Subject = application.Code,
                    ProvinceCode = application.ProvinceCode,
                    UnitCode = application.UnitCode,
                    Actor = new AuditActor(step.Actor.Id, step.Actor.Name),
                    Details = new Dictionary<string, string?>
                    {
                        ["from"] = fromState,
                        ["to"] = step.ToState,
                        ["status"] = application.Status.Key(),
                        ["note"] = step.Note,
                    },
                });

            // One round trip: the application, its event, its messages and its audit entry.
            await db.SaveChangesAsync(cancellationToken);
            statuses.Forget(application.Code);
            return StepOutcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            Forget();
            return StepOutcome.Conflict;
        }
        catch (DbUpdateException refused) when (isNew && DatabaseErrors.IsUniqueViolation(refused))
        {
            // A submission racing this one with the same submission key: the unique key refused ours.
            Forget();
            return StepOutcome.Conflict;
        }
        catch (DbUpdateException refused) when (DatabaseErrors.IsUniqueViolation(refused))
        {
            // A racing step took the same event sequence (or, for a repeat, the same request key). Any other
            // failure is no race: it goes up to be logged and shown as an error, not as "someone else changed it".
            Forget();
            return step.RequestKey is { } raced
                && await db.Set<ApplicationEvent>().AnyAsync(e => e.ApplicationId == application.Id && e.RequestKey == raced, cancellationToken)
                ? StepOutcome.AlreadyDone
                : StepOutcome.Conflict;
        }
    }

    private async Task ApplyAsync(Application application, ApplicationStep step, ProcedureDefinition procedure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (step.Action == "receive" && application.ReceivedAt is null)
        {
            application.ReceivedAt = now;
        }

        if (step.StopsClock)
        {
            application.ClockStoppedSince ??= now;
            application.DueAt = null;
        }
        else if (application.ClockStoppedSince is not null)
        {
            ApplicationDeadlines.CloseStop(application, now);
        }

        if (application.DueAt is null && application.ClockStoppedSince is null)
        {
            application.DueAt = await deadlines.DueAsync(
                application.ProvinceCode, application.SubmittedAt, procedure.ProcessingTime, ApplicationDeadlines.StopsOf(application), cancellationToken);
            application.AppointmentAt ??= application.DueAt;
        }

        var final = procedure.Workflow.State(step.ToState)?.Final == true;
        // A step that keeps the state (an assignment, an apology) does not restart the step's time budget.
        var keepsStep = application.EventCount > 0 && step.ToState == application.State;
        application.StepDueAt = final || step.StopsClock
            ? null
            : keepsStep ? application.StepDueAt
            : await deadlines.StepDueAsync(application.ProvinceCode, now, procedure.Workflow, step.ToState, cancellationToken);
        application.State = step.ToState;
        application.Status = ApplicationStatuses.FromState(step.ToState, application.ReceivedAt is not null);
        application.CompletedAt = final ? now : null;
        application.UpdatedAt = now;
        application.Revision++;
    }

    // Nothing was written; what the failed step tracked must not ride along with the caller's next save.
    private void Forget() => db.ChangeTracker.Clear();
}
