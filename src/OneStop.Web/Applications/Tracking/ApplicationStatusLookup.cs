using Microsoft.EntityFrameworkCore;
using OneStop.Web.Applications.Model;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Applications.Tracking;

/// <summary>
/// The public status look-up by code and the applicant's ID number. Kept apart from <see cref="CitizenApplications"/>
/// so that the busiest request of the portal builds nothing it does not use.
/// </summary>
public sealed class ApplicationStatusLookup(OneStopDbContext db, ApplicationStatusCache statuses, UnitNames unitNames)
{
    private static readonly Func<OneStopDbContext, string, CancellationToken, Task<StatusRow?>> StatusByCode =
        EF.CompileAsyncQuery((OneStopDbContext context, string code, CancellationToken _) => context.Set<Application>()
            .Where(a => a.Code == code)
            .Select(a => new StatusRow(a.Code, a.ApplicantIdNumber, a.ProcedureCode, a.ProcedureName, a.UnitCode, a.Status, a.SubmittedAt, a.AppointmentAt))
            .SingleOrDefault());

    /// <summary>The status, or null when the code is unknown or the ID number is not the applicant's (the caller cannot tell which).</summary>
    public async Task<PublicStatus?> FindAsync(string code, string idNumber, CancellationToken cancellationToken = default)
    {
        if (statuses.TryGet(code, idNumber, out var kept))
        {
            return kept;
        }

        var found = await StatusByCode(db, code, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var status = new PublicStatus(found.Code, found.ProcedureCode, found.ProcedureName, unitNames.Of(found.UnitCode), found.Status, found.SubmittedAt, found.AppointmentAt);
        statuses.Keep(found.ApplicantIdNumber, status);
        return string.Equals(found.ApplicantIdNumber, idNumber, StringComparison.Ordinal) ? status : null;
    }

    private sealed record StatusRow(
        string Code,
        string ApplicantIdNumber,
        string ProcedureCode,
        string ProcedureName,
        string UnitCode,
        ApplicationStatus Status,
        DateTimeOffset SubmittedAt,
        DateTimeOffset? AppointmentAt);
}
