using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Portal.Pages;

/// <summary>One page of the procedure's form: one topic, its questions, prefilled answers marked with their source.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class FormModel(ApplicationDrafts drafts, IAdministrativeUnitDirectory units, TimeProvider clock) : DraftPageModel(drafts)
{
    public FormPage FormPage { get; private set; } = null!;

    public IReadOnlyList<FieldDefinition> Fields { get; private set; } = [];

    public Dictionary<string, string?> Answers { get; private set; } = [];

    /// <summary>The prefill notes of the answers as they stand on the page, posted ones included.</summary>
    public Dictionary<string, PrefillNote> Prefilled => ApplicationDrafts.StillPrefilled(_prefillNotes, Answers);

    private Dictionary<string, PrefillNote> _prefillNotes = [];

    /// <summary>The answers given asked further questions on this page.</summary>
    public bool MoreQuestions { get; private set; }

    public int PageNumber { get; private set; }

    public int PageCount { get; private set; }

    public string? BackLink { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnTo { get; set; }

    /// <summary>The name of the place a commune field's code stands for, so the citizen sees what the code means.</summary>
    public string? PlaceName(string? code) => PortalPageSupport.CommuneName(units, clock, code);

    public async Task<IActionResult> OnGetAsync(string code, string step, Guid draft, CancellationToken cancellationToken) =>
        await LoadAsync(code, step, draft, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code, string step, Guid draft, string? action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, step, draft, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        var shown = Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var posted = FormPage.Fields.ToDictionary(f => f.Key, f => (string?)Request.Form[f.Key].ToString(), StringComparer.Ordinal);
        foreach (var (key, value) in posted)
        {
            Answers[key] = value;
        }

        if (action == "save")
        {
            // A draft is kept as typed: it is checked when the citizen goes on.
            await Drafts.SavePageAsync(Draft, FormPage, posted, FormPage.Key, cancellationToken);
            TempData["Saved"] = "1";
            return Redirect("/apply/drafts");
        }

        Fields = ApplicationDrafts.FieldsAsked(FormPage, Answers);

        // Without JavaScript a question that depends on an answer of this page appears only after
        // the post: ask it then, without calling it missing. (The page shows the questions asked
        // with the answers stored before this post.)
        var newlyAsked = Fields.Where(f => !shown.Contains(f.Key)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var errors = Drafts.CheckPage(Definition.Form, FormPage, Answers).Where(e => !newlyAsked.Contains(e.FieldKey)).ToList();
        if (newlyAsked.Count > 0)
        {
            await Drafts.SavePageAsync(Draft, FormPage, posted, FormPage.Key, cancellationToken);
            MoreQuestions = true;
        }

        if (errors.Count > 0 || newlyAsked.Count > 0)
        {
            foreach (var error in errors)
            {
                FieldErrors.TryAdd(error.FieldKey, error.Message.Current);
                Errors.Add(PortalPageSupport.Shown(error, "#" + error.FieldKey));
            }

            Response.StatusCode = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            return Page();
        }

        var asked = ApplicationDrafts.PagesAsked(Definition.Form, Answers);
        var index = asked.ToList().FindIndex(p => p.Key == FormPage.Key);
        var next = ReturnTo == "check" ? null : asked.Skip(index + 1).FirstOrDefault();
        await Drafts.SavePageAsync(Draft, FormPage, posted, next?.Key ?? Draft.CurrentPage, cancellationToken);
        return Redirect(next is null
            ? (ReturnTo == "check" ? $"/apply/{code}/check?draft={draft}" : $"/apply/{code}/files?draft={draft}")
            : $"/apply/{code}/form/{next.Key}?draft={draft}");
    }

    private async Task<IActionResult?> LoadAsync(string code, string step, Guid draft, CancellationToken cancellationToken)
    {
        if (await OpenDraftAsync(code, draft, cancellationToken) is { } refused)
        {
            return refused;
        }

        Answers = ApplicationDrafts.AnswersOf(Draft);
        _prefillNotes = ApplicationDrafts.PrefilledOf(Draft);
        var asked = ApplicationDrafts.PagesAsked(Definition.Form, Answers);
        if (asked.FirstOrDefault(p => p.Key == step) is not { } formPage)
        {
            return NotFound();
        }

        FormPage = formPage;
        Fields = ApplicationDrafts.FieldsAsked(formPage, Answers);
        PageNumber = asked.ToList().IndexOf(formPage) + 1;
        PageCount = asked.Count;
        BackLink = ReturnTo == "check" || PageNumber == 1
            ? (ReturnTo == "check" ? $"/apply/{code}/check?draft={draft}" : $"/apply/{code}")
            : $"/apply/{code}/form/{asked[PageNumber - 2].Key}?draft={draft}";
        return null;
    }
}
