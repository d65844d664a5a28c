namespace OneStop.Web.Applications.Model;

/// <summary>
/// A file handed in with an application (a document of its file, or one supplied on request). The
/// content lives in the database, so that an application and its files are written, backed up and
/// restored together.
/// </summary>
public sealed class ApplicationAttachment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid ApplicationId { get; init; }

    /// <summary>The procedure's document requirement key, or <c>supplement</c> for a file supplied on request.</summary>
    public required string DocumentKey { get; init; }

    /// <summary>The name the applicant's file had, for display only (never trusted for its type).</summary>
    public required string FileName { get; init; }

    /// <summary>The type found in the content: application/pdf, image/jpeg or image/png.</summary>
    public required string ContentType { get; init; }

    public required long Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; init; }

    public required byte[] Content { get; init; }

    public required DateTimeOffset AddedAt { get; init; }

    /// <summary><c>citizen:ID</c> or <c>officer:ID</c>.</summary>
    public required string AddedBy { get; init; }
}
