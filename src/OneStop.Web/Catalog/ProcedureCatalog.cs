using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Loading;
using OneStop.Web.Catalog.Search;
using OneStop.Web.Catalog.Storage;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Catalog;

/// <summary>
/// Published versions parsed once: they never change, so they can be kept for the life of the process.
/// Which version is current is kept for a few seconds only: this instance forgets it as soon as it publishes
/// a new one, and another instance's publication is seen here within <see cref="CurrentVersionLifetime"/>.
/// </summary>
internal sealed class ProcedureVersionCache
{
    public static readonly TimeSpan CurrentVersionLifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<(string Code, int Version), CachedVersion> _versions = new();
    private readonly ConcurrentDictionary<string, (int? Version, DateTimeOffset Until)> _current = new(StringComparer.Ordinal);

    public bool TryGetCurrent(string code, DateTimeOffset now, out int? version)
    {
        if (_current.TryGetValue(code, out var known) && known.Until > now)
        {
            version = known.Version;
            return true;
        }

        version = null;
        return false;
    }

    public void SetCurrent(string code, int? version, DateTimeOffset now) => _current[code] = (version, now + CurrentVersionLifetime);

    public void ForgetCurrent(string code) => _current.TryRemove(code, out _);

    public bool TryGet(string code, int version, out CachedVersion cached) => _versions.TryGetValue((code, version), out cached!);

    public void Add(string code, int version, CachedVersion cached) => _versions.TryAdd((code, version), cached);
}

internal sealed record CachedVersion(ProcedureDefinition Definition, string ContentHash, DateTimeOffset PublishedAt);

internal sealed partial class ProcedureCatalog(OneStopDbContext db, ProcedureVersionCache cache, TimeProvider clock) : IProcedureCatalog
{
    public async Task<PublishedProcedure?> GetCurrentAsync(string code, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (!cache.TryGetCurrent(code, now, out var current))
        {
            current = await db.Set<Procedure>().AsNoTracking()
                .Where(p => p.Code == code)
                .Select(p => (int?)p.CurrentVersion)
                .SingleOrDefaultAsync(cancellationToken);
            cache.SetCurrent(code, current, now);
        }

        return current is null ? null : await LoadAsync(code, current.Value, current.Value, cancellationToken);
    }

    public async Task<PublishedProcedure?> GetVersionAsync(string code, int version, CancellationToken cancellationToken = default)
    {
        var current = await db.Set<Procedure>().AsNoTracking()
            .Where(p => p.Code == code)
            .Select(p => (int?)p.CurrentVersion)
            .SingleOrDefaultAsync(cancellationToken);
        return current is null ? null : await LoadAsync(code, version, current.Value, cancellationToken);
    }

    public async Task<IReadOnlyList<ProcedureVersionInfo>> GetVersionsAsync(string code, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<ProcedureVersion>().AsNoTracking()
            .Where(v => v.Procedure.Code == code)
            .OrderBy(v => v.Version)
            .Select(v => new { v.Version, v.ContentHash, v.CreatedAt, v.Source, v.Procedure.CurrentVersion })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ProcedureVersionInfo(r.Version, r.ContentHash, r.CreatedAt, r.Source, r.Version == r.CurrentVersion))];
    }

    public async Task<ProcedureSearchResult> SearchAsync(ProcedureQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, ProcedureQuery.MaxPageSize);

        var procedures = db.Set<Procedure>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Field))
        {
            procedures = procedures.Where(p => p.FieldKey == query.Field);
        }

        if (query.Level is { } level)
        {
            var levelName = LevelName(level);
            procedures = procedures.Where(p => p.Level == levelName);
        }

        var words = VietnameseText.Fold(query.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        foreach (var word in words.Select(w => " " + w))
        {
            // Each word must begin a word of the procedure: "tu" finds "tử", never "status".
            procedures = procedures.Where(p => p.SearchText.Contains(word));
        }

        // The catalogue of a province is a few thousand procedures at most: the matches are ranked here.
        var matches = await procedures
            .Select(p => new Match(p.Code, p.NameVi, p.NameEn, p.CurrentVersion))
            .ToListAsync(cancellationToken);

        var ordered = words.Count == 0
            ? matches.OrderBy(m => VietnameseText.Fold(m.NameVi), StringComparer.Ordinal).ThenBy(m => m.Code, StringComparer.Ordinal)
            : matches.OrderByDescending(m => Score(m, query.Text!, words)).ThenBy(m => VietnameseText.Fold(m.NameVi), StringComparer.Ordinal);

        var items = new List<ProcedureSummary>();
        foreach (var match in ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize))
        {
            var published = await LoadAsync(match.Code, match.CurrentVersion, match.CurrentVersion, cancellationToken);
            if (published is not null)
            {
                items.Add(ProcedureSummary.From(published));
            }
        }

        return new ProcedureSearchResult(items, matches.Count, query.Page, query.PageSize);
    }

    public async Task<IReadOnlyList<FieldSummary>> GetFieldsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<Procedure>().AsNoTracking()
            .Select(p => new { p.FieldKey, p.FieldNameVi, p.FieldNameEn })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => r.FieldKey, StringComparer.Ordinal)
            .Select(g => new FieldSummary(g.Key, new LocalizedText(g.First().FieldNameVi, g.First().FieldNameEn), g.Count()))
            .OrderBy(f => VietnameseText.Fold(f.Name.Vi), StringComparer.Ordinal)];
    }

    public static string LevelName(ProcedureLevel level) => JsonNamingPolicy.KebabCaseLower.ConvertName(level.ToString());

    private async Task<PublishedProcedure?> LoadAsync(string code, int version, int currentVersion, CancellationToken cancellationToken)
    {
        if (!cache.TryGet(code, version, out var cached))
        {
            var row = await db.Set<ProcedureVersion>().AsNoTracking()
                .Where(v => v.Procedure.Code == code && v.Version == version)
                .Select(v => new { v.DefinitionJson, v.ContentHash, v.CreatedAt })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return null;
            }

            var definition = JsonSerializer.Deserialize<ProcedureDefinition>(row.DefinitionJson, CatalogJson.Options)
                ?? throw new InvalidOperationException($"Version {version} of procedure {code} holds no definition.");
            cached = new CachedVersion(definition, row.ContentHash, row.CreatedAt);
            cache.Add(code, version, cached);
        }

        return new PublishedProcedure(cached.Definition, version, cached.ContentHash, cached.PublishedAt, currentVersion);
    }

    /// <summary>
    /// How well a procedure's name answers the query: the whole query as the name or a phrase in it
    /// counts most, a name whose marks agree with a query typed with marks next, then each word found.
    /// </summary>
    private static int Score(Match match, string text, IReadOnlyList<string> words)
    {
        var query = VietnameseText.Fold(text);
        var name = VietnameseText.Fold(match.NameVi);
        var english = VietnameseText.Fold(match.NameEn);
        var score = 0;
        if (match.Code == text.Trim() || name == query)
        {
            score += 1000;
        }
        else if (name.StartsWith(query, StringComparison.Ordinal))
        {
            score += 500;
        }
        else if ($" {name} ".Contains($" {query} ", StringComparison.Ordinal))
        {
            score += 300;
        }

        if ($" {english} ".Contains($" {query} ", StringComparison.Ordinal))
        {
            score += 200;
        }

        if (VietnameseText.HasMarks(text) && VietnameseText.SeparateTones(match.NameVi).Contains(VietnameseText.SeparateTones(text), StringComparison.Ordinal))
        {
            score += 100;
        }

        var nameWords = name.Split(' ').Concat(english.Split(' ')).ToHashSet(StringComparer.Ordinal);
        score += 10 * words.Count(nameWords.Contains);
        return score;
    }

    private sealed record Match(string Code, string NameVi, string NameEn, int CurrentVersion);

    [GeneratedRegex(@"^[0-9]\.[0-9]{6}$")]
    public static partial Regex CodePattern();
}
