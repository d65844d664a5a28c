using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Model;

/// <summary>How an application reached the one-stop.</summary>
public enum ApplicationChannel
{
    /// <summary>Submitted by the applicant on the portal.</summary>
    Online,

    /// <summary>Handed in on paper at the one-stop desk and typed in by the receptionist.</summary>
    Counter,
}

/// <summary>
/// One application (hồ sơ) for one procedure, from submission to the result returned. It keeps the
/// procedure version it was submitted under, so a later version never changes its form or workflow.
/// Every change goes through <see cref="ApplicationJournal"/>: state, event and outgoing messages in
/// one transaction.
/// </summary>
public sealed class Application : IUnitScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The national application code: competent unit code, yyMMdd of submission, daily sequence.</summary>
    public required string Code { get; init; }

    public required string ProcedureCode { get; init; }

    public required int ProcedureVersion { get; init; }

    /// <summary>The procedure's Vietnamese name at submission, for lists that must not load the definition.</summary>
    public required string ProcedureName { get; init; }

    public required ApplicationChannel Channel { get; init; }

    /// <summary>The province of the competent unit.</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>The competent unit: a commune code (commune-level) or a department code such as <c>33-CA</c>.</summary>
    public required string UnitCode { get; init; }

    /// <summary>The applicant's current (new) commune, where the application was routed from.</summary>
    public required string ApplicantCommuneCode { get; init; }

    public required string ApplicantIdNumber { get; init; }

    public required string ApplicantName { get; init; }

    public string? ApplicantPhone { get; set; }

    public string? ApplicantEmail { get; set; }

    public string? ApplicantAddress { get; set; }

    /// <summary>The answers to the procedure's form, as a JSON object of field key to text value.</summary>
    public required string FormValuesJson { get; set; }

    /// <summary>The workflow state of the procedure version (e.g. <c>received</c>).</summary>
    public required string State { get; set; }

    /// <summary>The state in the national portal's vocabulary.</summary>
    public ApplicationStatus Status { get; set; }

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When the one-stop desk accepted the file as complete.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The legal due moment (stops of the clock included); null while the clock is stopped.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The appointment printed for the applicant; moved only by an apology with a new appointment.</summary>
    public DateTimeOffset? AppointmentAt { get; set; }

    /// <summary>The moment the current step should end, from the workflow's time budget.</summary>
    public DateTimeOffset? StepDueAt { get; set; }

    /// <summary>Since when the clock has been stopped (waiting for the citizen); null when it runs.</summary>
    public DateTimeOffset? ClockStoppedSince { get; set; }

    /// <summary>Working time the clock stood still in earlier stops, as JSON [{from, until}].</summary>
    public string ClockStopsJson { get; set; } = "[]";

    public string? AssignedOfficerId { get; set; }

    public string? AssignedOfficerName { get; set; }

    /// <summary>When the application reached a final state.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The key the applicant's client sent with the submission, so that a repeat returns this one.</summary>
    public string? SubmissionKey { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Incremented by every step; two officers acting at once cannot both win.</summary>
    public int Revision { get; set; }

    /// <summary>How many events the journal has written; the next event's sequence is one more.</summary>
    public int EventCount { get; set; }

    public bool IsCompleted => CompletedAt is not null;
}
