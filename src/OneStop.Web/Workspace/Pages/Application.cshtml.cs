using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;
using OneStop.Web.Workspace.Casework;

namespace OneStop.Web.Workspace.Pages;

/// <summary>
/// One application as an officer of its jurisdiction sees it, with a form for each action the
/// workflow lets the officer's roles take from its current state. Works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.Officer)]
[OfficerAccess(Roles.Receptionist, Roles.Specialist, Roles.UnitLeader, Roles.ProvinceAdministrator, Roles.SystemAdministrator,
    ExampleRequest = "/workspace/applications/00004-260101-9999")]
public sealed class WorkspaceApplicationModel(OfficerCasework casework, RegistryCrossCheck crossCheck) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    [BindProperty]
    public string? ActionKey { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? AssignTo { get; set; }

    [BindProperty]
    public string? RequestKey { get; set; }

    [BindProperty]
    public int? Revision { get; set; }

    public const string NotReceivedBecauseKey = "workspace.not-received-because";

    public const string NotReceivedBecauseEnglishKey = "workspace.not-received-because.en";

    /// <summary>Why the counter could not receive the application it had just submitted, shown once after the redirect.</summary>
    [TempData(Key = NotReceivedBecauseKey)]
    public string? NotReceivedBecause { get; set; }

    [TempData(Key = NotReceivedBecauseEnglishKey)]
    public string? NotReceivedBecauseEnglish { get; set; }

    public CaseFile Case { get; private set; } = null!;

    /// <summary>A fresh one-time key for each form on the page: posting the same form twice records one step.</summary>
    public string NewRequestKey() => "form:" + Guid.NewGuid().ToString("N");

    public List<(string FieldId, string Message)> Errors { get; } = [];

    /// <summary>A message about the whole application (a conflict, an action no longer possible).</summary>
    public string? Problem { get; private set; }

    public bool English => ReaderLanguage.IsEnglish;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ActionKey) || string.IsNullOrWhiteSpace(RequestKey))
        {
            return BadRequest();
        }

        var result = await casework.ActAsync(new ActRequest(Code, ActionKey, Note, AssignTo, RequestKey, Revision), cancellationToken);
        switch (result.Outcome)
        {
            case ActOutcome.Done or ActOutcome.AlreadyDone:
                return Redirect($"/workspace/applications/{Uri.EscapeDataString(Code)}?done={Uri.EscapeDataString(ActionKey)}");
            case ActOutcome.NotFound or ActOutcome.UnknownAction:
                return NotFound();
            case ActOutcome.OutsideJurisdiction or ActOutcome.RoleMayNotAct:
                return Forbid();
        }

        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var message = English ? result.Message?.En : result.Message?.Vi;
        if (result.Outcome == ActOutcome.Invalid && result.Field is { } field)
        {
            Errors.Add((field == "note" ? $"note-{ActionKey}" : $"assign-{ActionKey}", message ?? ""));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Problem = message;
            Response.StatusCode = result.Outcome == ActOutcome.SigningFailed ? StatusCodes.Status502BadGateway : StatusCodes.Status409Conflict;
        }

        return Page();
    }

    /// <summary>The answers beside the registries' values, after the officer asked for it on this page.</summary>
    public CrossCheckReport? CrossCheck { get; private set; }

    /// <summary>Whether the procedure's form takes any answer from a registry, so that a cross-check has something to read.</summary>
    public bool MayCrossCheck => RegistryCrossCheck.Checkable(Case.Procedure.Definition).Count > 0;

    public async Task<IActionResult> OnPostCrossCheckAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        // Shown, not redirected to: the readings are logged, and reloading the page must not read again.
        CrossCheck = await crossCheck.RunAsync(Case, cancellationToken);
        return Page();
    }

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId).Message;

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var (access, file) = await casework.OpenAsync(Code, cancellationToken);
        if (file is null)
        {
            return access == CaseAccess.OutsideJurisdiction ? Forbid() : NotFound();
        }

        Case = file;
        return null;
    }
}
