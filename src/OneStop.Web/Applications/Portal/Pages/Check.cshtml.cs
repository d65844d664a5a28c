using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications.Model;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Portal.Pages;

/// <summary>Check your answers, give the commune and contact, and submit once.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class CheckModel(ApplicationDrafts drafts, IAdministrativeUnitDirectory units, UnitNames unitNames, TimeProvider clock) : DraftPageModel(drafts)
{
    public IReadOnlyList<FormPage> Pages { get; private set; } = [];

    public Dictionary<string, string?> Answers { get; private set; } = [];

    public Dictionary<string, PrefillNote> Prefilled { get; private set; } = [];

    public IReadOnlyList<ApplicationDraftFile> Uploaded { get; private set; } = [];

    [BindProperty]
    public string? CommuneCode { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The draft's one-time submission token: the application's submission key.</summary>
    [BindProperty]
    public string? SubmissionToken { get; set; }

    public string? CommuneName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, Guid draft, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, draft, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        CommuneCode = Draft.CommuneCode;
        Phone = Draft.Phone ?? Answers.GetValueOrDefault("phone");
        Email = Draft.Email;
        SubmissionToken = Draft.SubmissionToken;
        CommuneName = NameOf(CommuneCode);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, Guid draft, CancellationToken cancellationToken)
    {
        if (PortalPageSupport.CitizenOf(User) is not { } citizen)
        {
            return Forbid();
        }

        // A second click or a refresh after the first submission lands on the same receipt.
        if (!string.IsNullOrEmpty(SubmissionToken)
            && await Drafts.SubmittedWithAsync(citizen.IdNumber, SubmissionToken, cancellationToken) is { } earlier)
        {
            return Redirect($"/applications/{earlier.Code}/receipt");
        }

        if (await LoadAsync(code, draft, cancellationToken) is { } notFound)
        {
            // The first click may have finished between the check above and this one.
            return !string.IsNullOrEmpty(SubmissionToken)
                && await Drafts.SubmittedWithAsync(citizen.IdNumber, SubmissionToken, cancellationToken) is { } justMade
                ? Redirect($"/applications/{justMade.Code}/receipt")
                : notFound;
        }

        if (SubmissionToken != Draft.SubmissionToken)
        {
            return BadRequest();
        }

        try
        {
            await Drafts.SaveContactAsync(Draft, CommuneCode, Phone, Email, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A second click of the same form found the draft already submitted and removed by the first.
            if (await Drafts.SubmittedWithAsync(Draft.CitizenIdNumber, Draft.SubmissionToken, cancellationToken) is { } made)
            {
                return Redirect($"/applications/{made.Code}/receipt");
            }

            throw;
        }

        var result = await Drafts.SubmitAsync(Draft, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/applications/{result.Application!.Code}/receipt");
        }

        foreach (var error in result.Errors)
        {
            var link = error.FieldKey switch
            {
                "communeCode" => "#communeCode",
                "phone" => "#phone",
                "email" => "#email",
                var key when key.StartsWith("file-", StringComparison.Ordinal) => $"/apply/{code}/files?draft={draft}#{key}",
                var key => Definition.Form.Pages.FirstOrDefault(p => p.Fields.Any(f => f.Key == key)) is { } page
                    ? $"/apply/{code}/form/{page.Key}?draft={draft}&returnTo=check#{key}"
                    : "#submit",
            };
            FieldErrors.TryAdd(error.FieldKey, error.Message.Current);
            Errors.Add(PortalPageSupport.Shown(error, link));
        }

        CommuneName = NameOf(CommuneCode);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The answer to <paramref name="field"/> in the citizen's words: a commune by its name, not its code.</summary>
    public string Shown(FieldDefinition field) =>
        AnswerText.Of(field, Answers.GetValueOrDefault(field.Key), CultureInfo.CurrentUICulture, unitNames.Of);

    private string? NameOf(string? commune) => PortalPageSupport.CommuneName(units, clock, commune);

    private async Task<IActionResult?> LoadAsync(string code, Guid draft, CancellationToken cancellationToken)
    {
        if (await OpenDraftAsync(code, draft, cancellationToken) is { } refused)
        {
            return refused;
        }

        Answers = ApplicationDrafts.AnswersOf(Draft);
        Prefilled = ApplicationDrafts.StillPrefilled(ApplicationDrafts.PrefilledOf(Draft), Answers);
        Pages = ApplicationDrafts.PagesAsked(Definition.Form, Answers);
        Uploaded = await Drafts.FilesOfAsync(Draft.Id, cancellationToken);
        return null;
    }
}
