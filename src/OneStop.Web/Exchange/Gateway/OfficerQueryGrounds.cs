namespace OneStop.Web.Exchange.Gateway;

public enum QueryGround
{
    /// <summary>The application is in the officer's jurisdiction and names the subject.</summary>
    Grounded,
    UnknownApplication,
    OutsideJurisdiction,

    /// <summary>The application neither is the subject's nor names the subject in its answers.</summary>
    SubjectNotInApplication,
}

/// <summary>
/// Whether an officer's registry query rests on an application the officer may handle and that concerns the person
/// (or enterprise) asked about. The gateway only checks that an application code is well formed; the one-stop, which
/// knows its applications, answers this. Without an implementation every officer query is refused.
/// </summary>
public interface IOfficerQueryGrounds
{
    Task<QueryGround> CheckAsync(string applicationCode, string subjectId, CancellationToken cancellationToken = default);
}
