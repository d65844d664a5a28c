using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Tracking;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Documents.Templates;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Applications.Receipt;

/// <summary>
/// The receipt slip (Form 01, giấy tiếp nhận hồ sơ và hẹn trả kết quả) of an application submitted
/// online: what was handed in, when, and the appointment.
/// </summary>
public sealed class ReceiptDocument(IAdministrativeUnitDirectory units, UnitNames unitNames, TrackingLink tracking)
{
    public ReceiptData For(Application application, ProcedureDefinition definition, IReadOnlyList<ApplicationAttachment> attachments)
    {
        var today = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(application.SubmittedAt).DateTime);
        var commune = units.Find(application.ApplicantCommuneCode, today);
        var unit = units.Find(application.UnitCode, today);
        var province = units.Find(application.ProvinceCode, today);
        var place = unit?.Name ?? province?.Name ?? application.UnitCode;
        var issuer = new Issuer(unitNames.Letterhead(application.UnitCode, definition.CompetentUnit.Type), place);
        var documents = definition.Documents
            .Where(d => d.Form == DocumentForm.Form || attachments.Any(a => a.DocumentKey == d.Key))
            .Select(d => new SubmittedDocument(
                d.Form == DocumentForm.Form ? d.Name.Vi + " (tờ khai điện tử)" : d.Name.Vi + " (bản điện tử)",
                d.Form != DocumentForm.Copy,
                d.Form == DocumentForm.Form ? 1 : attachments.Count(a => a.DocumentKey == d.Key)))
            .ToList();
        var address = string.Join(", ", new[] { application.ApplicantAddress, commune?.Name, province?.Name }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new ReceiptData(
            issuer,
            Number: null,
            application.Code,
            application.ApplicantName,
            address,
            application.ApplicantPhone,
            application.ApplicantEmail,
            application.ProcedureName,
            documents,
            Sets: 1,
            StatutoryTime(definition.ProcessingTime),
            application.SubmittedAt,
            application.AppointmentAt ?? application.DueAt ?? application.SubmittedAt,
            "Trực tuyến, trên Cổng dịch vụ công OneStop",
            LedgerBook: null,
            LedgerEntry: null,
            new Signatory("NGƯỜI TIẾP NHẬN", "Hệ thống tiếp nhận trực tuyến"),
            tracking.Mark(application.Code));
    }

    public static string StatutoryTime(ProcessingTime time) => time.Unit switch
    {
        TimeUnit.WorkingDays => $"{time.Amount} ngày làm việc",
        TimeUnit.WorkingHours => $"{time.Amount} giờ làm việc",
        TimeUnit.Days => $"{time.Amount} ngày",
        _ => "trong ngày làm việc",
    };
}
