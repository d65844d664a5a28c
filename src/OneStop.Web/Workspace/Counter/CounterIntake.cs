using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;
using OneStop.Web.Workspace.Casework;

namespace OneStop.Web.Workspace.Counter;

/// <summary>A paper application as the receptionist types it in.</summary>
public sealed record CounterApplication
{
    public required string ProcedureCode { get; init; }

    public required string ApplicantIdNumber { get; init; }

    public required string ApplicantName { get; init; }

    public required string CommuneCode { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Address { get; init; }

    public required IReadOnlyDictionary<string, string?> Values { get; init; }

    /// <summary>The form's one-time token: typing the same paper in twice (a double click) makes one application.</summary>
    public required string SubmissionKey { get; init; }

    /// <summary>A specialist of the unit to hand it to at once, if the receptionist knows who.</summary>
    public string? AssignTo { get; init; }
}

public sealed record CounterResult(Application? Application, IReadOnlyList<FieldError> Errors, LocalizedText? ReceiveProblem = null)
{
    public bool Succeeded => Application is not null;
}

/// <summary>
/// The one-stop desk takes in a paper application: it is submitted through the same intake as an
/// online one (channel Counter, the receptionist as the one who submitted it) and received at once,
/// since the receptionist has the papers in hand. The desk takes in only what its own jurisdiction decides.
/// </summary>
public sealed class CounterIntake(
    ApplicationIntake intake,
    OfficerCasework casework,
    IProcedureCatalog catalog,
    IAdministrativeUnitDirectory units,
    UnitNames unitNames,
    ICurrentOfficer officer,
    TimeProvider clock)
{
    public async Task<CounterResult> TakeInAsync(CounterApplication paper, CancellationToken cancellationToken = default)
    {
        if (!officer.IsInRole(Roles.Receptionist))
        {
            throw new InvalidOperationException("Only a receptionist takes in applications at the desk.");
        }

        var procedure = await catalog.GetCurrentAsync(paper.ProcedureCode, cancellationToken);
        if (procedure is not null && OutsideJurisdiction(procedure.Definition, paper.CommuneCode) is { } error)
        {
            return new CounterResult(null, [error]);
        }

        var submitted = await intake.SubmitAsync(new SubmissionRequest
        {
            ProcedureCode = paper.ProcedureCode,
            Channel = ApplicationChannel.Counter,
            ApplicantIdNumber = paper.ApplicantIdNumber?.Trim() ?? "",
            ApplicantName = paper.ApplicantName ?? "",
            CommuneCode = paper.CommuneCode?.Trim() ?? "",
            Phone = paper.Phone,
            Email = paper.Email,
            Address = paper.Address,
            Values = paper.Values,
            SubmissionKey = paper.SubmissionKey,
            SubmittedBy = StepActor.Officer(officer.Id ?? "unknown", officer.FullName, Roles.Receptionist, officer.UnitCode),
        }, cancellationToken);
        if (!submitted.Succeeded)
        {
            return new CounterResult(null, submitted.Errors);
        }

        var received = await casework.ActAsync(
            new ActRequest(submitted.Application!.Code, "receive", null, paper.AssignTo, paper.SubmissionKey + ":receive"),
            cancellationToken);
        return new CounterResult(received.Application ?? submitted.Application, [], received.Succeeded ? null : received.Message);
    }

    /// <summary>The error when the application would go to a unit outside the receptionist's jurisdiction.</summary>
    private FieldError? OutsideJurisdiction(ProcedureDefinition definition, string? communeCode)
    {
        var today = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime);
        if (string.IsNullOrWhiteSpace(communeCode) || units.Find(communeCode.Trim(), today) is not { Level: UnitLevel.Commune } commune)
        {
            // The intake itself explains what is wrong with the commune.
            return null;
        }

        var province = units.ProvinceOf(commune.Code, today)?.Code;
        var unit = province is null ? null : CompetentUnits.Route(definition, province, commune.Code);
        if (province is null || unit is null || officer.Jurisdiction.CoversUnit(province, unit))
        {
            return null;
        }

        return new FieldError("communeCode", "outside-jurisdiction", definition.Level == ProcedureLevel.Commune
            ? new LocalizedText(
                $"{commune.FullName} không thuộc địa bàn của Bộ phận Một cửa này; hướng dẫn người nộp đến Bộ phận Một cửa nơi cư trú.",
                $"{commune.FullNameEn} is outside this desk's jurisdiction; the applicant must apply at their own commune's desk.")
            : new LocalizedText(
                $"Hồ sơ này do {unitNames.Of(unit)} giải quyết, không thuộc địa bàn của bạn.",
                $"This application goes to {unitNames.Of(unit)}, outside your jurisdiction."));
    }
}
