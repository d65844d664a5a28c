using System.Globalization;
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
    private static readonly LocalizedText Submitted = new("Nộp hồ sơ", "Application submitted");
    private static readonly LocalizedText Assigned = new("Phân công xử lý", "Assigned for processing");

    private static readonly LocalizedText SystemActor = new("Hệ thống", "System");

    private static readonly IReadOnlyDictionary<string, LocalizedText> RoleNames = new Dictionary<string, LocalizedText>
    {
        ["citizen"] = new("người nộp hồ sơ", "applicant"),
        ["receptionist"] = new("cán bộ tiếp nhận", "receptionist"),
        ["specialist"] = new("chuyên viên", "specialist"),
        ["unit-leader"] = new("lãnh đạo đơn vị", "unit leader"),
    };

    /// <summary>
    /// Each event after the submission is a hand-over: the one who took the previous step gives the
    /// file, the one who takes this step receives it; the outcome is whether the step ended by its due moment.
    /// The steps and roles are named in <paramref name="culture"/> for a page; the PDF, a legal document, passes none and stays Vietnamese.
    /// </summary>
    public ProcessControlSheetData ControlSheet(CaseFile file, CultureInfo? culture = null)
    {
        var application = file.Application;
        var workflow = file.Workflow;
        var handOvers = new List<HandOver>();
        for (var i = 1; i < file.History.Count; i++)
        {
            var previous = file.History[i - 1];
            var current = file.History[i];
            handOvers.Add(new HandOver(
                StepName(workflow, current.Action, culture),
                current.At,
                Who(previous, culture),
                Who(current, culture),
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

    /// <summary>A step as the reader of <paramref name="culture"/> names it; documents pass none and stay in Vietnamese.</summary>
    public static string StepName(WorkflowDefinition workflow, string action, CultureInfo? culture = null) => action switch
    {
        "submit" => Submitted.For(culture ?? VietnameseFormat.Culture),
        OfficerCasework.AssignAction => Assigned.For(culture ?? VietnameseFormat.Culture),
        _ => workflow.Actions.FirstOrDefault(a => a.Key == action)?.Name.For(culture ?? VietnameseFormat.Culture) ?? action,
    };

    /// <summary>Who took a step, with their part in it, in the reader's language (Vietnamese on documents).</summary>
    public static string Who(ApplicationEvent e, CultureInfo? culture = null) => e.ActorRole switch
    {
        "system" => SystemActor.For(culture ?? VietnameseFormat.Culture),
        _ => $"{e.ActorName} ({RoleName(e.ActorRole, culture)})",
    };

    public static string RoleName(string role, CultureInfo? culture = null) =>
        RoleNames.TryGetValue(role, out var name) ? name.For(culture ?? VietnameseFormat.Culture) : role;

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
