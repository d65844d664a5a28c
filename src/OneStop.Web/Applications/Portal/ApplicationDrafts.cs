using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications.Attachments;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Exchange.Prefill;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Applications.Portal;

/// <summary>
/// Where a prefilled answer came from, as the citizen is shown it, and the value the registry gave (null in
/// drafts started before the value was kept with its note).
/// </summary>
public sealed record PrefillNote(string Registry, DateTimeOffset RetrievedAt, string? Value = null)
{
    /// <summary>The answer is still the registry's: the citizen has not changed or cleared it.</summary>
    public bool Holds(string? answer) => Value is null || string.Equals(answer?.Trim(), Value, StringComparison.Ordinal);
}

/// <summary>The signed-in citizen applying.</summary>
public sealed record Citizen(string IdNumber, string Name);

/// <summary>
/// The citizen's drafts: started with what the registries already know ("declare only once"), answered
/// page by page, files attached, and submitted once through <see cref="ApplicationIntake"/>.
/// </summary>
public sealed class ApplicationDrafts(
    OneStopDbContext db,
    IProcedureCatalog catalog,
    IPrefillService prefill,
    FormValidator validator,
    IAdministrativeUnitDirectory units,
    ApplicationIntake intake,
    TimeProvider clock)
{
    /// <summary>The registry value for the applicant's commune, asked with every prefill to default the commune.</summary>
    public const string ResidenceCommuneSource = "population.permanentResidence.communeCode";

    public async Task<ApplicationDraft> StartAsync(Citizen citizen, PublishedProcedure procedure, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var definition = procedure.Definition;
        var draft = new ApplicationDraft
        {
            CitizenIdNumber = citizen.IdNumber,
            CitizenName = citizen.Name,
            ProcedureCode = definition.Code,
            ProcedureVersion = procedure.Version,
            ProcedureName = definition.Name.Vi,
            CurrentPage = definition.Form.Pages[0].Key,
            CreatedAt = now,
            UpdatedAt = now,
        };

        // Only fields about the applicant are prefilled; a field keyed on another answer (the father's
        // number…) is read for that person, which the portal has no right to do for the citizen.
        var fields = definition.Form.AllFields.Where(f => f is { Source: not null, SourceKey: null }).ToList();
        var sources = fields.Select(f => f.Source!).Append(ResidenceCommuneSource).Distinct().ToList();
        var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
        var notes = new Dictionary<string, PrefillNote>(StringComparer.Ordinal);
        var registries = new HashSet<string>(StringComparer.Ordinal);
        var result = await prefill.PrefillAsync(
            new PrefillRequest(citizen.IdNumber, sources, "draft-" + draft.Id.ToString("N")), cancellationToken);
        foreach (var field in result.Fields.Where(f => f is { Status: PrefillStatus.Available, Origin: not null }))
        {
            registries.Add(field.Origin!.Registry);
        }

        foreach (var field in fields)
        {
            var found = result.Fields.FirstOrDefault(f => f.Source == field.Source);
            if (found is { Status: PrefillStatus.Available, Value: JsonValue value, Origin: { } origin })
            {
                answers[field.Key] = value.ToString();
                notes[field.Key] = new PrefillNote(origin.Registry, origin.RetrievedAt, value.ToString());
            }
        }

        if (result.Fields.FirstOrDefault(f => f.Source == ResidenceCommuneSource) is { Status: PrefillStatus.Available, Value: JsonValue commune })
        {
            draft.CommuneCode = commune.ToString();
        }

        draft.AnswersJson = JsonSerializer.Serialize(answers);
        draft.PrefilledJson = JsonSerializer.Serialize(notes);
        draft.CoveredDocumentsJson = JsonSerializer.Serialize(definition.Documents
            .Where(d => d.ReplacedBy is { } by && registries.Contains(by.Split('.')[0]))
            .Select(d => d.Key));
        db.ApplicationDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    public Task<ApplicationDraft?> FindAsync(Guid id, string citizenIdNumber, CancellationToken cancellationToken) =>
        db.ApplicationDrafts.FirstOrDefaultAsync(d => d.Id == id && d.CitizenIdNumber == citizenIdNumber, cancellationToken);

    public async Task<IReadOnlyList<ApplicationDraft>> OfCitizenAsync(string citizenIdNumber, CancellationToken cancellationToken) =>
        (await db.ApplicationDrafts.AsNoTracking().Where(d => d.CitizenIdNumber == citizenIdNumber).ToListAsync(cancellationToken))
            .OrderByDescending(d => d.UpdatedAt).ToList();

    public Task<int> CountOfCitizenAsync(string citizenIdNumber, CancellationToken cancellationToken) =>
        db.ApplicationDrafts.CountAsync(d => d.CitizenIdNumber == citizenIdNumber, cancellationToken);

    public async Task<PublishedProcedure> ProcedureOfAsync(ApplicationDraft draft, CancellationToken cancellationToken) =>
        await catalog.GetVersionAsync(draft.ProcedureCode, draft.ProcedureVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Procedure {draft.ProcedureCode} version {draft.ProcedureVersion} is missing.");

    public static Dictionary<string, string?> AnswersOf(ApplicationDraft draft) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(draft.AnswersJson) ?? [];

    public static Dictionary<string, PrefillNote> PrefilledOf(ApplicationDraft draft) =>
        JsonSerializer.Deserialize<Dictionary<string, PrefillNote>>(draft.PrefilledJson) ?? [];

    /// <summary>
    /// The prefill notes of the answers that are still the registry's values: an answer the citizen changed
    /// or cleared, saved or only typed on a page shown again with errors, no longer comes from the registry.
    /// </summary>
    public static Dictionary<string, PrefillNote> StillPrefilled(IReadOnlyDictionary<string, PrefillNote> notes, IReadOnlyDictionary<string, string?> answers) =>
        notes.Where(n => n.Value.Holds(answers.GetValueOrDefault(n.Key))).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);

    public static IReadOnlySet<string> CoveredDocumentsOf(ApplicationDraft draft) =>
        JsonSerializer.Deserialize<HashSet<string>>(draft.CoveredDocumentsJson) ?? [];

    /// <summary>The pages asked with these answers, in order (a page's condition reads earlier answers).</summary>
    public static IReadOnlyList<FormPage> PagesAsked(FormDefinition form, IReadOnlyDictionary<string, string?> answers) =>
        [.. form.Pages.Where(p => p.ShowWhen is not { } when || when.IsMetBy(answers.GetValueOrDefault(when.Field)))];

    /// <summary>The fields of a page asked with these answers.</summary>
    public static IReadOnlyList<FieldDefinition> FieldsAsked(FormPage page, IReadOnlyDictionary<string, string?> answers) =>
        [.. page.Fields.Where(f => f.ShowWhen is not { } when || when.IsMetBy(answers.GetValueOrDefault(when.Field)))];

    /// <summary>The errors of one page's fields, judged with every answer (conditions may look back).</summary>
    public IReadOnlyList<FieldError> CheckPage(FormDefinition form, FormPage page, IReadOnlyDictionary<string, string?> answers)
    {
        var keys = page.Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return [.. validator.Validate(form, answers, ApplicationIntake.CommunesInForce(units)).Errors.Where(e => keys.Contains(e.FieldKey))];
    }

    /// <summary>Stores a page's answers (blank answers of the page are dropped) and which page comes next.</summary>
    public async Task SavePageAsync(ApplicationDraft draft, FormPage page, IReadOnlyDictionary<string, string?> pageAnswers, string nextPage, CancellationToken cancellationToken)
    {
        var answers = AnswersOf(draft);
        var prefilled = PrefilledOf(draft);
        foreach (var field in page.Fields)
        {
            var value = pageAnswers.GetValueOrDefault(field.Key)?.Trim();
            // A note that knows the registry's value stays: the answer put back to it is the registry's again.
            if (prefilled.TryGetValue(field.Key, out var note) && note.Value is null && answers.GetValueOrDefault(field.Key) != value)
            {
                prefilled.Remove(field.Key);
            }

            answers[field.Key] = string.IsNullOrEmpty(value) ? null : value;
        }

        draft.AnswersJson = JsonSerializer.Serialize(answers);
        draft.PrefilledJson = JsonSerializer.Serialize(prefilled);
        draft.CurrentPage = nextPage;
        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ApplicationDraftFile>> FilesOfAsync(Guid draftId, CancellationToken cancellationToken) =>
        await db.ApplicationDraftFiles.AsNoTracking().Where(f => f.DraftId == draftId)
            .Select(f => new ApplicationDraftFile
            {
                Id = f.Id,
                DraftId = f.DraftId,
                DocumentKey = f.DocumentKey,
                FileName = f.FileName,
                ContentType = f.ContentType,
                Size = f.Size,
                Content = Array.Empty<byte>(),
                AddedAt = f.AddedAt,
            })
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Checks every file, then keeps all of them (a new file for a document replaces the earlier one)
    /// or, when any is wrong, none.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> AttachAsync(ApplicationDraft draft, IReadOnlyList<IncomingFile> files, CancellationToken cancellationToken)
    {
        var errors = files.Select(f => AttachmentCheck.Problem(f, "file-" + f.DocumentKey)).OfType<FieldError>().ToList();
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = clock.GetUtcNow();
        var keys = files.Select(f => f.DocumentKey).ToList();
        var replaced = await db.ApplicationDraftFiles.Where(f => f.DraftId == draft.Id && keys.Contains(f.DocumentKey)).ToListAsync(cancellationToken);
        db.ApplicationDraftFiles.RemoveRange(replaced);
        foreach (var file in files)
        {
            var checkedFile = AttachmentCheck.ToAttachment(file, draft.Id, "citizen:" + draft.CitizenIdNumber, now);
            db.ApplicationDraftFiles.Add(new ApplicationDraftFile
            {
                DraftId = draft.Id,
                DocumentKey = file.DocumentKey,
                FileName = checkedFile.FileName,
                ContentType = checkedFile.ContentType,
                Size = checkedFile.Size,
                Content = file.Content,
                AddedAt = now,
            });
        }

        draft.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>The documents the citizen must upload: required, not the form itself, not proven by a registry.</summary>
    public static IReadOnlyList<DocumentRequirement> DocumentsToUpload(ProcedureDefinition definition, IReadOnlySet<string> covered) =>
        [.. definition.Documents.Where(d => d.Form != DocumentForm.Form && !covered.Contains(d.Key))];

    public static IEnumerable<FieldError> MissingDocuments(ProcedureDefinition definition, IReadOnlySet<string> covered, IEnumerable<string> uploaded)
    {
        var have = uploaded.ToHashSet(StringComparer.Ordinal);
        return DocumentsToUpload(definition, covered)
            .Where(d => d.Required && !have.Contains(d.Key))
            .Select(d => new FieldError("file-" + d.Key, "document-required", new LocalizedText(
                $"Tải lên {d.Name.Vi}.", $"Upload {d.Name.En}.")));
    }

    public async Task SaveContactAsync(ApplicationDraft draft, string? commune, string? phone, string? email, CancellationToken cancellationToken)
    {
        draft.CommuneCode = Blank(commune);
        draft.Phone = Blank(phone);
        draft.Email = Blank(email);
        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Submits the draft with its files as one application. The application, its attachments and the
    /// draft's removal are written in one transaction; the draft's token is the submission key, so a
    /// second click answers with the application the first one made.
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(ApplicationDraft draft, CancellationToken cancellationToken)
    {
        var definition = (await ProcedureOfAsync(draft, cancellationToken)).Definition;
        var files = await db.ApplicationDraftFiles.Where(f => f.DraftId == draft.Id).ToListAsync(cancellationToken);
        var missing = MissingDocuments(definition, CoveredDocumentsOf(draft), files.Select(f => f.DocumentKey)).ToList();
        if (missing.Count > 0)
        {
            // A second click of the same form may have read the draft just before the first click's submission
            // took its files with it: that click answers with the application, not with missing documents.
            return await SubmittedWithAsync(draft.CitizenIdNumber, draft.SubmissionToken, cancellationToken) is { } made
                ? new SubmissionResult(made, true, [])
                : new SubmissionResult(null, false, missing);
        }

        var request = new SubmissionRequest
        {
            ProcedureCode = draft.ProcedureCode,
            Channel = ApplicationChannel.Online,
            ApplicantIdNumber = draft.CitizenIdNumber,
            ApplicantName = draft.CitizenName,
            CommuneCode = draft.CommuneCode ?? "",
            Phone = draft.Phone,
            Email = draft.Email,
            Values = AnswersOf(draft),
            SubmissionKey = draft.SubmissionToken,
            SubmittedBy = StepActor.Citizen(draft.CitizenIdNumber, draft.CitizenName),
            AlsoWrite = application =>
            {
                // Called only once the submission is valid, so a refused one keeps its draft.
                db.ApplicationDraftFiles.RemoveRange(files);
                db.ApplicationDrafts.Remove(draft);
                return files.Select(f => AttachmentCheck.ToAttachment(
                    new IncomingFile(f.DocumentKey, f.FileName, f.Content), application.Id, "citizen:" + draft.CitizenIdNumber, application.SubmittedAt));
            },
        };
        return await SubmitOnceAsync(intake, db, request, cancellationToken);
    }

    /// <summary>Submits; when a racing request with the same key won, answers with its application.</summary>
    public static async Task<SubmissionResult> SubmitOnceAsync(ApplicationIntake intake, OneStopDbContext db, SubmissionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await intake.SubmitAsync(request, cancellationToken);
        }
        catch (DbUpdateException refused) when (request.SubmissionKey is not null && DatabaseErrors.IsUniqueViolation(refused))
        {
            db.ChangeTracker.Clear();
            var winner = await db.Applications.AsNoTracking()
                .FirstOrDefaultAsync(a => a.ApplicantIdNumber == request.ApplicantIdNumber && a.SubmissionKey == request.SubmissionKey, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new SubmissionResult(winner, true, []);
        }
    }

    public Task<Application?> SubmittedWithAsync(string citizenIdNumber, string token, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ApplicantIdNumber == citizenIdNumber && a.SubmissionKey == token, cancellationToken);

    public async Task DeleteAsync(ApplicationDraft draft, CancellationToken cancellationToken)
    {
        await db.ApplicationDraftFiles.Where(f => f.DraftId == draft.Id).ExecuteDeleteAsync(cancellationToken);
        db.ApplicationDrafts.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
