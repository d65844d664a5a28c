using OneStop.Web.Exchange.Gateway;

namespace OneStop.Web.Workspace.Casework;

/// <summary>
/// An officer's registry query rests on an application of their jurisdiction that is the subject's own or names
/// the subject in an answer (the mother's ID number, the enterprise's tax code): an officer verifies the files
/// in front of them, and no one else's data.
/// </summary>
public sealed class ApplicationQueryGrounds(OfficerCasework casework) : IOfficerQueryGrounds
{
    public async Task<QueryGround> CheckAsync(string applicationCode, string subjectId, CancellationToken cancellationToken = default)
    {
        var (access, application) = await casework.FindAsync(applicationCode, cancellationToken);
        if (application is null)
        {
            return access == CaseAccess.OutsideJurisdiction ? QueryGround.OutsideJurisdiction : QueryGround.UnknownApplication;
        }

        var named = application.ApplicantIdNumber == subjectId
            || AnswerDisplay.Raw(application).Values.Any(v => string.Equals(v?.Trim(), subjectId, StringComparison.Ordinal));
        return named ? QueryGround.Grounded : QueryGround.SubjectNotInApplication;
    }
}
