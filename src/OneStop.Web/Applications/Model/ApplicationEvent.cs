namespace OneStop.Web.Applications.Model;

/// <summary>
/// One step in an application's history: who did what, when, from which state to which, and the
/// step's due moment; the process control sheet (phiếu kiểm soát) is read from these.
/// </summary>
public sealed class ApplicationEvent
{
    public long Id { get; init; }

    public required Guid ApplicationId { get; init; }

    /// <summary>1, 2, 3… within the application.</summary>
    public required int Sequence { get; init; }

    /// <summary>The workflow action key (<c>submit</c>, <c>receive</c>, <c>approve</c>…) or a system action (<c>apologise</c>).</summary>
    public required string Action { get; init; }

    public required string FromState { get; init; }

    public required string ToState { get; init; }

    public required ApplicationStatus Status { get; init; }

    /// <summary><c>citizen:ID</c>, <c>officer:ID</c> or <c>system</c>.</summary>
    public required string ActorId { get; init; }

    public string? ActorName { get; init; }

    /// <summary>The role the actor acted in (receptionist, specialist, unit-leader, citizen, system).</summary>
    public required string ActorRole { get; init; }

    public string? ActorUnitCode { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>When the step this action ended was due; null when it had no budget.</summary>
    public DateTimeOffset? StepDueAt { get; init; }

    /// <summary>Whether the step ended by its due moment; null when it had none.</summary>
    public bool? OnTime { get; init; }

    /// <summary>A reason, a comment, what was asked for.</summary>
    public string? Note { get; init; }

    /// <summary>The key of the request that made the step, so that repeating it changes nothing.</summary>
    public string? RequestKey { get; init; }
}
