using OneStop.Web.Catalog.Loading;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Catalog;

/// <summary>The <c>Catalog</c> section of the configuration.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>
    /// A folder (absolute, or relative to the content root) of the province's own procedure files, read
    /// at start after the shipped ones; a file there with the code of a shipped procedure replaces it.
    /// </summary>
    public string? ProceduresDirectory { get; set; }
}

/// <summary>One procedure file: its name and its text.</summary>
public sealed record ProcedureFile(string Name, string Content);

/// <summary>
/// Publishes the shipped procedure files (and the province's own, if configured) at start. Every file is
/// checked before anything is written; one invalid file stops the start with a message naming the file,
/// the field and the line. A file whose content is already published adds no version.
/// </summary>
internal sealed class CatalogSeeder(CatalogOptions options, IWebHostEnvironment environment) : IDataSeeder
{
    public const string ResourcePrefix = "OneStop.Web.Catalog.Procedures.";

    public int Order => 100;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var reader = services.GetRequiredService<ProcedureDefinitionReader>();
        var importer = (ProcedureImporter)services.GetRequiredService<IProcedureImporter>();

        var effective = new Dictionary<string, (ProcedureFile File, ReadProcedure Read)>(StringComparer.Ordinal);
        foreach (var group in new[] { ShippedFiles(), ProvinceFiles() })
        {
            var codesInGroup = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in group)
            {
                var read = reader.Read(file.Name, file.Content, ProcedureDefinitionReader.FormatOf(file.Name));
                if (codesInGroup.TryGetValue(read.Definition.Code, out var other))
                {
                    throw new InvalidProcedureDefinitionException(file.Name,
                        [new DefinitionProblem("code", $"'{read.Definition.Code}' is also the code of '{other}'; one file per procedure.",
                            $"'{read.Definition.Code}' cũng là mã của '{other}'; mỗi thủ tục một tệp.")]);
                }

                codesInGroup[read.Definition.Code] = file.Name;
                effective[read.Definition.Code] = (file, read);
            }
        }

        foreach (var (file, read) in effective.Values.OrderBy(e => e.Read.Definition.Code, StringComparer.Ordinal))
        {
            await importer.PublishAsync(read, ProcedureImporter.FileSourcePrefix + file.Name, null, fromFile: true, cancellationToken);
        }
    }

    /// <summary>The procedure files shipped inside the application.</summary>
    public static IReadOnlyList<ProcedureFile> ShippedFiles()
    {
        var assembly = typeof(CatalogSeeder).Assembly;
        var files = new List<ProcedureFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(new ProcedureFile(name[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        return files;
    }

    private List<ProcedureFile> ProvinceFiles()
    {
        if (string.IsNullOrWhiteSpace(options.ProceduresDirectory))
        {
            return [];
        }

        var directory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.ProceduresDirectory));
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException(
                $"Catalog:ProceduresDirectory is '{options.ProceduresDirectory}' but the folder '{directory}' does not exist.");
        }

        return [.. Directory.EnumerateFiles(directory)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".yaml" or ".yml" or ".json")
            .Order(StringComparer.Ordinal)
            .Select(f => new ProcedureFile(Path.GetFileName(f), File.ReadAllText(f)))];
    }
}
