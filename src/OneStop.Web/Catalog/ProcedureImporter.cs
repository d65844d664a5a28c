using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Audit;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Loading;
using OneStop.Web.Catalog.Search;
using OneStop.Web.Catalog.Storage;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Catalog;

/// <summary>
/// Publishes procedure definitions as new versions. Nothing published is ever changed: a changed
/// definition becomes the next version and the current one; the same content again changes nothing.
/// </summary>
public interface IProcedureImporter
{
    /// <summary>
    /// Checks a definition (YAML or JSON) and publishes it as a new current version, unless the current
    /// version already has the same content. Throws <see cref="InvalidProcedureDefinitionException"/>
    /// naming every problem, and writes nothing then.
    /// </summary>
    Task<ProcedureImportResult> ImportAsync(string content, ProcedureFileFormat format, string? importedBy, CancellationToken cancellationToken = default);
}

/// <summary>What an import did; <c>Created</c> is false when the content was already the current version's.</summary>
public sealed record ProcedureImportResult(string Code, LocalizedText Name, int Version, bool Created, string ContentHash);

internal sealed class ProcedureImporter(
    OneStopDbContext db, ProcedureDefinitionReader reader, ProcedureVersionCache cache, TimeProvider clock, IAuditTrail audit) : IProcedureImporter
{
    /// <summary>The audit action of every published version, from a file or an import.</summary>
    public const string PublishedAction = "catalog.procedure-published";

    public const string ImportSource = "import";
    public const string FileSourcePrefix = "file:";

    /// <summary>How an import names the signed-in person who made it, on the version and in the audit trail.</summary>
    public static string ImporterName(ClaimsPrincipal user) =>
        user.FindFirst(OneStopClaimTypes.FullName)?.Value ?? user.Identity?.Name ?? "unknown";

    public Task<ProcedureImportResult> ImportAsync(string content, ProcedureFileFormat format, string? importedBy, CancellationToken cancellationToken = default)
    {
        var read = reader.Read("import", content, format);
        return PublishAsync(read, ImportSource, importedBy, fromFile: false, cancellationToken);
    }

    /// <summary>
    /// Publishes a definition that passed its checks. A file (shipped or configured) publishes only when
    /// its content differs both from the current version and from what the files last published, so that
    /// an administrator's import survives restarts until the file itself changes.
    /// </summary>
    public async Task<ProcedureImportResult> PublishAsync(ReadProcedure read, string source, string? importedBy, bool fromFile, CancellationToken cancellationToken)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await TryPublishAsync(read, source, importedBy, fromFile, cancellationToken);
            }
            catch (DbUpdateException refused) when (attempt < attempts && DatabaseErrors.IsUniqueViolation(refused))
            {
                // Someone published the same procedure at the same moment; the unique keys refused the
                // second writer. Read again and decide again.
            }
        }
    }

    private async Task<ProcedureImportResult> TryPublishAsync(ReadProcedure read, string source, string? importedBy, bool fromFile, CancellationToken cancellationToken)
    {
        var definition = read.Definition;
        var procedure = await db.Set<Procedure>().SingleOrDefaultAsync(p => p.Code == definition.Code, cancellationToken);
        var now = clock.GetUtcNow();
        if (procedure is not null)
        {
            var current = await db.Set<ProcedureVersion>().AsNoTracking()
                .Where(v => v.ProcedureId == procedure.Id && v.Version == procedure.CurrentVersion)
                .Select(v => v.ContentHash)
                .SingleAsync(cancellationToken);
            if (current == read.ContentHash)
            {
                return new ProcedureImportResult(definition.Code, definition.Name, procedure.CurrentVersion, false, read.ContentHash);
            }

            if (fromFile)
            {
                var lastFromFiles = await db.Set<ProcedureVersion>().AsNoTracking()
                    .Where(v => v.ProcedureId == procedure.Id && v.Source.StartsWith(FileSourcePrefix))
                    .OrderByDescending(v => v.Version)
                    .Select(v => v.ContentHash)
                    .FirstOrDefaultAsync(cancellationToken);
                if (lastFromFiles == read.ContentHash)
                {
                    return new ProcedureImportResult(definition.Code, definition.Name, procedure.CurrentVersion, false, read.ContentHash);
                }
            }
        }
        else
        {
            procedure = new Procedure
            {
                Code = definition.Code,
                NameVi = "",
                NameEn = "",
                FieldKey = "",
                FieldNameVi = "",
                FieldNameEn = "",
                Level = "",
                SearchText = "",
            };
            db.Set<Procedure>().Add(procedure);
        }

        var latest = procedure.Id == 0
            ? 0
            : await db.Set<ProcedureVersion>().Where(v => v.ProcedureId == procedure.Id).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var version = new ProcedureVersion
        {
            Procedure = procedure,
            Version = latest + 1,
            DefinitionJson = read.CanonicalJson,
            ContentHash = read.ContentHash,
            Source = source,
            ImportedBy = importedBy,
            CreatedAt = now,
        };
        db.Set<ProcedureVersion>().Add(version);

        procedure.CurrentVersion = version.Version;
        procedure.NameVi = definition.Name.Vi;
        procedure.NameEn = definition.Name.En;
        procedure.FieldKey = definition.Field.Key;
        procedure.FieldNameVi = definition.Field.Name.Vi;
        procedure.FieldNameEn = definition.Field.Name.En;
        procedure.Level = ProcedureCatalog.LevelName(definition.Level);
        procedure.SearchText = SearchTextOf(read);
        procedure.UpdatedAt = now;

        // A new version changes the fees, deadlines and form of every application submitted from now on, so it goes
        // to the hash-chained trail in the same save; the repository's files publish as the system.
        audit.Add(new AuditEvent(PublishedAction)
        {
            Subject = "procedure:" + definition.Code,
            Actor = fromFile ? AuditActor.System : null,
            Details = new Dictionary<string, string?>
            {
                ["version"] = version.Version.ToString(CultureInfo.InvariantCulture),
                ["contentHash"] = read.ContentHash,
                ["source"] = source,
                ["importedBy"] = importedBy,
            },
        });
        await db.SaveChangesAsync(cancellationToken);
        cache.ForgetCurrent(definition.Code);
        return new ProcedureImportResult(definition.Code, definition.Name, version.Version, true, read.ContentHash);
    }

    private static string SearchTextOf(ReadProcedure read)
    {
        var d = read.Definition;
        var parts = new[] { d.Code, d.Name.Vi, d.Name.En, d.Field.Name.Vi, d.Field.Name.En }.Concat(d.Keywords);
        // A leading space lets a search match the start of any word with a plain "contains ' word'".
        var text = " " + string.Join(" ", parts.Select(VietnameseText.Fold));
        return text.Length <= 4000 ? text : text[..4000];
    }
}
