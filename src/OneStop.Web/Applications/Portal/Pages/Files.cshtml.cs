using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Web.Applications.Attachments;
using OneStop.Web.Applications.Model;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Portal.Pages;

/// <summary>The documents of the application file: one upload per document the citizen must hand in.</summary>
[Authorize(Policy = Policies.Citizen)]
[RequestSizeLimit(AttachmentCheck.MaxFilesPerApplication * AttachmentCheck.MaxSize)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentCheck.MaxFilesPerApplication * AttachmentCheck.MaxSize)]
public sealed class FilesModel(ApplicationDrafts drafts) : DraftPageModel(drafts)
{
    public IReadOnlyList<DocumentRequirement> ToUpload { get; private set; } = [];

    public IReadOnlyList<DocumentRequirement> Covered { get; private set; } = [];

    public IReadOnlyList<ApplicationDraftFile> Uploaded { get; private set; } = [];

    public string BackLink { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, Guid draft, CancellationToken cancellationToken) =>
        await LoadAsync(code, draft, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code, Guid draft, string? action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, draft, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        var keys = ToUpload.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var incoming = new List<IncomingFile>();
        foreach (var file in Request.Form.Files.Where(f => !string.IsNullOrEmpty(f.FileName)))
        {
            var key = file.Name.StartsWith("file-", StringComparison.Ordinal) ? file.Name["file-".Length..] : "";
            if (!keys.Contains(key))
            {
                continue;
            }

            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken);
            incoming.Add(new IncomingFile(key, file.FileName, content.ToArray()));
        }

        var errors = await Drafts.AttachAsync(Draft, incoming, cancellationToken);
        if (errors.Count == 0 && action != "save")
        {
            Uploaded = await Drafts.FilesOfAsync(Draft.Id, cancellationToken);
            errors = [.. ApplicationDrafts.MissingDocuments(Definition, ApplicationDrafts.CoveredDocumentsOf(Draft), Uploaded.Select(f => f.DocumentKey))];
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                FieldErrors.TryAdd(error.FieldKey, error.Message.Current);
                Errors.Add(PortalPageSupport.Shown(error, "#" + error.FieldKey));
            }

            Uploaded = await Drafts.FilesOfAsync(Draft.Id, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (action == "save")
        {
            TempData["Saved"] = "1";
            return Redirect("/apply/drafts");
        }

        return Redirect($"/apply/{code}/check?draft={draft}");
    }

    private async Task<IActionResult?> LoadAsync(string code, Guid draft, CancellationToken cancellationToken)
    {
        if (await OpenDraftAsync(code, draft, cancellationToken) is { } refused)
        {
            return refused;
        }

        var covered = ApplicationDrafts.CoveredDocumentsOf(Draft);
        ToUpload = ApplicationDrafts.DocumentsToUpload(Definition, covered);
        Covered = [.. Definition.Documents.Where(d => covered.Contains(d.Key))];
        Uploaded = await Drafts.FilesOfAsync(Draft.Id, cancellationToken);
        var answers = ApplicationDrafts.AnswersOf(Draft);
        var last = ApplicationDrafts.PagesAsked(Definition.Form, answers)[^1];
        BackLink = $"/apply/{code}/form/{last.Key}?draft={draft}";
        return null;
    }
}
