using OneStop.Web.AdministrativeUnits;
namespace OneStop.Web.Applications.Tracking;

/// <summary>
/// The public status look-up by code and the applicant's ID number. Kept apart from <see cref="CitizenApplications"/>
/// so that the busiest request of the portal builds nothing it does not use: an answer the cache holds costs no
/// database context, and the others share queries through <see cref="StatusLookupQueue"/>.
/// </summary>
public sealed class ApplicationStatusLookup(StatusLookupQueue queue, ApplicationStatusCache statuses, UnitNames unitNames)
{
    /// <summary>The status, or null when the code is unknown or the ID number is not the applicant's (the caller cannot tell which).</summary>
    public async Task<PublicStatus?> FindAsync(string code, string idNumber, CancellationToken cancellationToken = default)
    {
        if (statuses.TryGet(code, idNumber, out var kept))
        {
            return kept;
        }

        var found = await queue.FindAsync(code, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var status = new PublicStatus(found.Code, found.ProcedureCode, found.ProcedureName, unitNames.Of(found.UnitCode), found.Status, found.SubmittedAt, found.AppointmentAt);
        statuses.Keep(found.ApplicantIdNumber, status);
        return string.Equals(found.ApplicantIdNumber, idNumber, StringComparison.Ordinal) ? status : null;
    }
}
