using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;
using OneStop.Web.Workspace.Casework;
using OneStop.Web.Workspace.Counter;

namespace OneStop.Web.Workspace.Pages;

/// <summary>
/// The one-stop desk types in a paper application: first the procedure, then the applicant and the
/// procedure's form. On success the application is submitted and received at once, and the receipt is offered.
/// </summary>
[Authorize(Policy = Policies.Receptionist)]
[OfficerAccess(Roles.Receptionist)]
public sealed class WorkspaceCounterModel(CounterIntake counter, IProcedureCatalog catalog, ICurrentOfficer officer, UnitOfficers unitOfficers) : PageModel
{
    private static readonly HashSet<string> ApplicantFields = ["applicantIdNumber", "applicantName", "communeCode", "email", "address", "procedureCode", "submissionKey"];

    [BindProperty(SupportsGet = true, Name = "procedure")]
    public string? ProcedureCode { get; set; }

    [BindProperty]
    public string? ApplicantIdNumber { get; set; }

    [BindProperty]
    public string? ApplicantName { get; set; }

    [BindProperty]
    public string? CommuneCode { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? AssignTo { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    [BindProperty]
    public string SubmissionKey { get; set; } = "";

    public PublishedProcedure? Procedure { get; private set; }

    public IReadOnlyList<ProcedureSummary> Procedures { get; private set; } = [];

    public IReadOnlyList<UnitOfficer> Specialists { get; private set; } = [];

    public List<(string FieldId, string Message)> Errors { get; } = [];

    public bool English => ReaderLanguage.IsEnglish;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(ProcedureCode) && Procedure is null)
        {
            return NotFound();
        }

        SubmissionKey = "counter:" + Guid.NewGuid().ToString("N");
        CommuneCode ??= officer.UnitCode is { } unit && UnitCodes.IsCommune(unit) ? unit : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Procedure is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(SubmissionKey) || SubmissionKey.Length > 100)
        {
            return BadRequest();
        }

        var result = await counter.TakeInAsync(new CounterApplication
        {
            ProcedureCode = Procedure.Code,
            ApplicantIdNumber = ApplicantIdNumber ?? "",
            ApplicantName = ApplicantName ?? "",
            CommuneCode = CommuneCode ?? "",
            Phone = Phone,
            Email = Email,
            Address = Address,
            Values = Values,
            SubmissionKey = SubmissionKey,
            AssignTo = AssignTo,
        }, cancellationToken);
        if (result.Succeeded)
        {
            if (result.ReceiveProblem is { } problem)
            {
                // The application exists now, so the officer goes to it; the reason it was not received goes along.
                TempData[WorkspaceApplicationModel.NotReceivedBecauseKey] = problem.Vi;
                TempData[WorkspaceApplicationModel.NotReceivedBecauseEnglishKey] = problem.En;
            }

            return Redirect($"/workspace/applications/{result.Application!.Code}?done={(result.ReceiveProblem is null ? "counter" : "submit")}");
        }

        foreach (var error in result.Errors)
        {
            var isApplicant = ApplicantFields.Contains(error.FieldKey) || (error.FieldKey == "phone" && error.Code == "phone");
            Errors.Add((isApplicant ? error.FieldKey : "field-" + error.FieldKey, English ? error.Message.En : error.Message.Vi));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId).Message;

    public string? ValueOf(string key) => Values.GetValueOrDefault(key);

    /// <summary>
    /// When a field is asked, in the receptionist's words: the label of the question it depends on and the
    /// answers (option labels, "Có"/"Yes") that open it, not the form's internal keys and values.
    /// </summary>
    public (string Question, IReadOnlyList<string> Answers) ConditionOf(FieldCondition condition)
    {
        var culture = CultureInfo.CurrentUICulture;
        var question = Procedure?.Definition.Form.AllFields.FirstOrDefault(f => f.Key == condition.Field);
        IReadOnlyList<string> values = condition.EqualTo is { } value ? [value] : condition.In ?? [];
        return (
            question?.Label.For(culture) ?? condition.Field,
            [.. values.Select(v => question is null ? v : AnswerText.Of(question, v, culture, code => code))]);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(ProcedureCode))
        {
            Procedure = await catalog.GetCurrentAsync(ProcedureCode.Trim(), cancellationToken);
        }

        if (Procedure is null)
        {
            Procedures = (await catalog.SearchAsync(new ProcedureQuery(PageSize: ProcedureQuery.MaxPageSize), cancellationToken)).Items;
        }
        else if (officer.UnitCode is { } unit)
        {
            Specialists = await unitOfficers.InRoleAsync(unit, Roles.Specialist, cancellationToken);
        }
    }
}
