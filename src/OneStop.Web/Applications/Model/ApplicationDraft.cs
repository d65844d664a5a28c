namespace OneStop.Web.Applications.Model;

/// <summary>
/// An application a citizen is filling in on the portal, page by page, before submitting it. It keeps
/// the procedure version it was started under, the answers so far, where each prefilled answer came
/// from, and the one-time token its submission uses, so a double click submits once.
/// </summary>
public sealed class ApplicationDraft
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string CitizenIdNumber { get; init; }

    public required string CitizenName { get; set; }

    public required string ProcedureCode { get; init; }

    public required int ProcedureVersion { get; init; }

    public required string ProcedureName { get; init; }

    /// <summary>Field key to text value, as the form pages send them.</summary>
    public string AnswersJson { get; set; } = "{}";

    /// <summary>Field key to where its prefilled value came from (registry, when), for the citizen to see.</summary>
    public string PrefilledJson { get; set; } = "{}";

    /// <summary>The document keys a registry answered for, so the citizen need not upload them.</summary>
    public string CoveredDocumentsJson { get; set; } = "[]";

    public string? CommuneCode { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public required string CurrentPage { get; set; }

    /// <summary>The submission key of this draft's one submission.</summary>
    public string SubmissionToken { get; init; } = Guid.NewGuid().ToString("N");

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A file uploaded to a draft; it becomes an <see cref="ApplicationAttachment"/> on submission.</summary>
public sealed class ApplicationDraftFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid DraftId { get; init; }

    public required string DocumentKey { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required long Size { get; init; }

    public required byte[] Content { get; init; }

    public required DateTimeOffset AddedAt { get; init; }
}
