using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Tracking;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Documents;
using OneStop.Web.Documents.Templates;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Workspace.Casework;

namespace OneStop.Web.Workspace.Sheets;

/// <summary>
/// The papers of the desk for one application: the process control sheet (phiếu kiểm soát quá trình
/// giải quyết hồ sơ), read from the application's events, and the receipt (giấy tiếp nhận).
/// </summary>
public sealed class CaseSheets(IDocumentRenderer renderer, AnswerDisplay answers, TimeProvider clock, TrackingLink tracking)
{
    /// <summary>
    /// Each event after the submission is a hand-over: the one who took the previous step gives the
    /// file, the one who takes this step receives it; the outcome is whether the step ended by its due moment.
    /// </summary>
    public ProcessControlSheetData ControlSheet(CaseFile file)
    {
        var application = file.Application;
        var workflow = file.Workflow;
        var handOvers = new List<HandOver>();
        for (var i = 1; i < file.History.Count; i++)
        {
            var previous = file.History[i - 1];
            var current = file.History[i];
            handOvers.Add(new HandOver(
                StepName(workflow, current.Action),
                current.At,
                Who(previous),
                Who(current),
                current.OnTime switch { true => HandOverOutcome.OnTime, false => HandOverOutcome.Late, null => null },
                current.Note));
        }

        return new ProcessControlSheetData(
            IssuerOf(application),
            Today(),
            application.Code,
            application.ApplicantName,
            application.ProcedureName,
            application.ReceivedAt ?? application.SubmittedAt,
            application.AppointmentAt ?? application.DueAt ?? application.SubmittedAt,
            handOvers);
    }

    public byte[] ControlSheetPdf(CaseFile file) => renderer.Render(DocumentTemplates.ProcessControlSheet(ControlSheet(file)));

    public byte[] ReceiptPdf(CaseFile file)
    {
        var application = file.Application;
        var definition = file.Procedure.Definition;
        var received = file.History.LastOrDefault(e => e.Action == "receive");
        var data = new ReceiptData(
            IssuerOf(application),
            null,
            application.Code,
            application.ApplicantName,
            application.ApplicantAddress ?? answers.UnitName(application.ApplicantCommuneCode),
            application.ApplicantPhone,
            application.ApplicantEmail,
            application.ProcedureName,
            [.. definition.Documents.Where(d => d.Required).Select(d => new SubmittedDocument(d.Name.Vi, d.Form is DocumentForm.Original or DocumentForm.Form, d.Quantity))],
            1,
            StatutoryTime(definition.ProcessingTime),
            application.ReceivedAt ?? application.SubmittedAt,
            application.AppointmentAt ?? application.DueAt ?? application.SubmittedAt,
            "Bộ phận Một cửa",
            null,
            null,
            new Signatory("NGƯỜI TIẾP NHẬN HỒ SƠ", received?.ActorName ?? ""),
            tracking.Mark(application.Code));
        return renderer.Render(DocumentTemplates.Receipt(data));
    }

    public static string StepName(WorkflowDefinition workflow, string action) => action switch
    {
        "submit" => "Nộp hồ sơ",
        OfficerCasework.AssignAction => "Phân công xử lý",
        _ => workflow.Actions.FirstOrDefault(a => a.Key == action)?.Name.Vi ?? action,
    };

    public static string Who(ApplicationEvent e) => e.ActorRole switch
    {
        "citizen" => (e.ActorName ?? "") + " (người nộp hồ sơ)",
        "system" => "Hệ thống",
        _ => $"{e.ActorName} ({RoleName(e.ActorRole)})",
    };

    public static string RoleName(string role) => role switch
    {
        "receptionist" => "cán bộ tiếp nhận",
        "specialist" => "chuyên viên",
        "unit-leader" => "lãnh đạo đơn vị",
        _ => role,
    };

    private static string StatutoryTime(ProcessingTime time) => time.Unit switch
    {
        TimeUnit.WorkingDays => $"{time.Amount} ngày làm việc",
        TimeUnit.WorkingHours => $"{time.Amount} giờ làm việc",
        TimeUnit.Days => $"{time.Amount} ngày",
        _ => "trong ngày",
    };

    private Issuer IssuerOf(Application application) =>
        new([answers.UnitName(application.UnitCode).ToUpperInvariant(), "BỘ PHẬN MỘT CỬA"], answers.PlaceOf(application.ProvinceCode));

    private DateOnly Today() => DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime);
}
