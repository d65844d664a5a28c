using OneStop.Web.Catalog.Definitions;

namespace OneStop.Web.Catalog;

/// <summary>
/// The procedure catalogue as other capabilities read it: the current version of a procedure, the exact
/// version an application was submitted under, and search. Versions never change once published.
/// </summary>
public interface IProcedureCatalog
{
    /// <summary>The current version of the procedure with this national code, or null if there is none.</summary>
    Task<PublishedProcedure?> GetCurrentAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>One version (1, 2, …) of a procedure, current or not, or null if it does not exist.</summary>
    Task<PublishedProcedure?> GetVersionAsync(string code, int version, CancellationToken cancellationToken = default);

    /// <summary>Every version of a procedure, oldest first; empty if the code is unknown.</summary>
    Task<IReadOnlyList<ProcedureVersionInfo>> GetVersionsAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// Current procedures matching the words of <see cref="ProcedureQuery.Text"/> (with or without
    /// diacritics), the field and the level, best match first when there are words, by name otherwise.
    /// </summary>
    Task<ProcedureSearchResult> SearchAsync(ProcedureQuery query, CancellationToken cancellationToken = default);

    /// <summary>The fields (lĩnh vực) of current procedures, with how many procedures each has.</summary>
    Task<IReadOnlyList<FieldSummary>> GetFieldsAsync(CancellationToken cancellationToken = default);
}

/// <summary>A version of a procedure as published, and which version is current now.</summary>
public sealed record PublishedProcedure(
    ProcedureDefinition Definition,
    int Version,
    string ContentHash,
    DateTimeOffset PublishedAt,
    int CurrentVersion)
{
    public string Code => Definition.Code;

    public bool IsCurrent => Version == CurrentVersion;
}

public sealed record ProcedureVersionInfo(int Version, string ContentHash, DateTimeOffset PublishedAt, string Source, bool IsCurrent);

public sealed record ProcedureQuery(string? Text = null, string? Field = null, ProcedureLevel? Level = null, int Page = 1, int PageSize = ProcedureQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}

public sealed record ProcedureSearchResult(IReadOnlyList<ProcedureSummary> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>What a list of procedures shows of each.</summary>
public sealed record ProcedureSummary(
    string Code,
    LocalizedText Name,
    LocalizedText Summary,
    ProcedureField Field,
    ProcedureLevel Level,
    CompetentUnit CompetentUnit,
    ProcessingTime ProcessingTime,
    bool OffersOnline,
    bool FullProcessOnline,
    int Version)
{
    public static ProcedureSummary From(PublishedProcedure published)
    {
        var d = published.Definition;
        return new ProcedureSummary(d.Code, d.Name, d.Summary, d.Field, d.Level, d.CompetentUnit, d.ProcessingTime,
            d.OffersOnline, d.FullProcessOnline, published.Version);
    }
}

public sealed record FieldSummary(string Key, LocalizedText Name, int ProcedureCount);
