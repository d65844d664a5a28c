using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using OneStop.Web.Catalog.Definitions;
using YamlDotNet.Core;

namespace OneStop.Web.Catalog.Loading;

public enum ProcedureFileFormat
{
    Yaml,
    Json,
}

/// <summary>
/// One thing wrong in a procedure file: where (a path such as <c>form.pages[0].fields[2].type</c>, and the line) and
/// what, in English for the API and the log and in Vietnamese for the administrator's import page.
/// </summary>
public sealed record DefinitionProblem(string Path, string Message, string VietnameseMessage, int? Line = null)
{
    /// <summary>What is wrong in the language of the person reading it: Vietnamese unless they chose English.</summary>
    public string MessageFor(System.Globalization.CultureInfo culture) => new LocalizedText(VietnameseMessage, Message).For(culture);

    public override string ToString() =>
        (Path.Length == 0 ? "(document)" : Path) + (Line is { } line ? $" (line {line})" : "") + ": " + Message;
}

/// <summary>A procedure file that cannot be published, with every problem found in it.</summary>
public sealed class InvalidProcedureDefinitionException(string source, IReadOnlyList<DefinitionProblem> problems)
    : Exception($"Procedure file '{source}' is not valid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
{
    public string FileName { get; } = source;

    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}

/// <summary>A definition that passed every check, its canonical JSON and the SHA-256 of that JSON.</summary>
public sealed record ReadProcedure(ProcedureDefinition Definition, string CanonicalJson, string ContentHash);

/// <summary>
/// Reads a procedure file (YAML or JSON): parses it, checks it against <c>procedure.schema.json</c>,
/// then against the rules a schema cannot say (references between fields, workflow, time budget), and
/// computes the content hash on a canonical form, so that layout, comments and format never make a new version.
/// </summary>
public sealed class ProcedureDefinitionReader
{
    public const string SchemaResourceName = "OneStop.Web.Catalog.Schema.procedure.schema.json";

    private readonly JsonSchema _schema;

    private ProcedureDefinitionReader(JsonSchema schema, string schemaText)
    {
        _schema = schema;
        SchemaText = schemaText;
    }

    /// <summary>The JSON Schema procedure files are checked against, as shipped.</summary>
    public string SchemaText { get; }

    public static ProcedureDefinitionReader Create()
    {
        using var stream = typeof(ProcedureDefinitionReader).Assembly.GetManifestResourceStream(SchemaResourceName)
            ?? throw new InvalidOperationException($"The procedure schema '{SchemaResourceName}' is not embedded in the application.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        var schema = JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
        return new ProcedureDefinitionReader(schema, text);
    }

    public static ProcedureFileFormat FormatOf(string fileName) =>
        string.Equals(Path.GetExtension(fileName), ".json", StringComparison.OrdinalIgnoreCase) ? ProcedureFileFormat.Json : ProcedureFileFormat.Yaml;

    /// <summary>Reads and checks one file; throws <see cref="InvalidProcedureDefinitionException"/> naming every problem.</summary>
    public ReadProcedure Read(string source, string content, ProcedureFileFormat format)
    {
        JsonNode? root;
        Func<string, int?> lineOf;
        try
        {
            if (format == ProcedureFileFormat.Yaml)
            {
                var (node, lines) = YamlToJson.Convert(content);
                root = node;
                lineOf = path => lines.TryGetValue(path, out var line) ? line : null;
            }
            else
            {
                root = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
                lineOf = _ => null;
            }
        }
        catch (YamlException e)
        {
            var line = e.Start.Line > 0 ? (int?)e.Start.Line : null;
            var vietnamese = e is ProcedureYamlException told
                ? told.VietnameseMessage
                : $"không đọc được YAML ở dòng {e.Start.Line}, cột {e.Start.Column}: kiểm tra thụt lề, dấu hai chấm sau tên mục và dấu ngoặc kép.";
            throw new InvalidProcedureDefinitionException(source, [new DefinitionProblem("", "not valid YAML: " + e.Message, vietnamese, line)]);
        }
        catch (JsonException e)
        {
            throw new InvalidProcedureDefinitionException(source, [new DefinitionProblem("", "not valid JSON: " + e.Message,
                $"không đọc được JSON ở dòng {e.LineNumber + 1}, vị trí {e.BytePositionInLine + 1}: kiểm tra dấu phẩy, dấu ngoặc và dấu ngoặc kép.",
                (int?)e.LineNumber + 1)]);
        }

        if (root is not JsonObject)
        {
            throw new InvalidProcedureDefinitionException(source, [new DefinitionProblem("", "the file must hold one procedure: a mapping with code, name, field, … (see procedure.schema.json).",
                "tệp phải chứa đúng một thủ tục: các cặp tên mục – giá trị như code, name, field, … (xem procedure.schema.json).")]);
        }

        var json = root.ToJsonString();
        var schemaProblems = new List<DefinitionProblem>();
        foreach (var error in _schema.Validate(json))
        {
            Flatten(error, root, format == ProcedureFileFormat.Json ? null : lineOf, schemaProblems);
        }

        if (schemaProblems.Count > 0)
        {
            throw new InvalidProcedureDefinitionException(source, [.. schemaProblems.Distinct()]);
        }

        ProcedureDefinition definition;
        try
        {
            definition = JsonSerializer.Deserialize<ProcedureDefinition>(json, CatalogJson.Options)
                ?? throw new JsonException("The file holds no procedure.");
        }
        catch (JsonException e)
        {
            // The schema and the model are kept in step by the tests; this is the safety net.
            var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            throw new InvalidProcedureDefinitionException(source, [new DefinitionProblem(path, e.Message, "giá trị không đúng kiểu mà mục này cần.", lineOf(path))]);
        }

        var ruleProblems = DefinitionRules.Check(definition)
            .Select(p => p with { Line = lineOf(p.Path) ?? lineOf(ParentOf(p.Path)) })
            .ToList();
        if (ruleProblems.Count > 0)
        {
            throw new InvalidProcedureDefinitionException(source, ruleProblems);
        }

        var canonical = JsonSerializer.Serialize(definition, CatalogJson.Options);
        return new ReadProcedure(definition, canonical, Hash(canonical));
    }

    public static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    private static string ParentOf(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private static void Flatten(ValidationError error, JsonNode root, Func<string, int?>? lineOf, List<DefinitionProblem> problems)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            foreach (var nested in child.Errors.Values.SelectMany(e => e))
            {
                Flatten(nested, root, lineOf, problems);
            }

            return;
        }

        var path = (error.Path ?? "").TrimStart('#').TrimStart('/');
        var line = lineOf is null ? (error.HasLineInfo ? error.LineNumber : null) : lineOf(path);
        var (english, vietnamese) = Describe(error, Find(root, path));
        problems.Add(new DefinitionProblem(path, english, vietnamese, line));
    }

    private static (string English, string Vietnamese) Describe(ValidationError error, JsonNode? value)
    {
        var schema = error.Schema;
        var given = value is null ? "nothing" : value.ToJsonString();
        var shown = value is null ? "(trống)" : value.ToJsonString();
        var allowed = string.Join(", ", schema?.Enumeration ?? []);
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => ("is required but missing.", "là mục bắt buộc nhưng chưa có."),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => (
                "is not a known property; check its spelling against procedure.schema.json.",
                "không phải mục mà lược đồ biết; kiểm tra chính tả theo procedure.schema.json."),
            ValidationErrorKind.NotInEnumeration => (
                $"{given} is not allowed; use one of: {allowed}.",
                $"{shown} không được phép; dùng một trong các giá trị: {allowed}."),
            ValidationErrorKind.PatternMismatch => (
                $"{given} does not have the expected form ({schema?.Description ?? "pattern " + schema?.Pattern}).",
                $"{shown} không đúng dạng quy định (mẫu {schema?.Pattern})."),
            ValidationErrorKind.StringExpected => ($"must be text, not {given}.", $"phải là văn bản, không phải {shown}."),
            ValidationErrorKind.IntegerExpected => ($"must be a whole number, not {given}.", $"phải là số nguyên, không phải {shown}."),
            ValidationErrorKind.NumberExpected => ($"must be a number, not {given}.", $"phải là số, không phải {shown}."),
            ValidationErrorKind.BooleanExpected => ($"must be true or false, not {given}.", $"phải là true hoặc false, không phải {shown}."),
            ValidationErrorKind.ArrayExpected => ("must be a list.", "phải là một danh sách."),
            ValidationErrorKind.ObjectExpected => ("must be a mapping (key: value pairs).", "phải là các cặp tên mục – giá trị (key: value)."),
            ValidationErrorKind.TooFewItems => ($"needs at least {schema?.MinItems} item(s).", $"cần ít nhất {schema?.MinItems} phần tử."),
            ValidationErrorKind.TooManyItems => ($"allows at most {schema?.MaxItems} item(s).", $"chỉ được có tối đa {schema?.MaxItems} phần tử."),
            ValidationErrorKind.ItemsNotUnique => ("holds the same item twice.", "có một phần tử lặp lại."),
            ValidationErrorKind.StringTooShort => ($"must be at least {schema?.MinLength} character(s) long.", $"phải dài ít nhất {schema?.MinLength} ký tự."),
            ValidationErrorKind.StringTooLong => ($"must be at most {schema?.MaxLength} character(s) long.", $"chỉ được dài tối đa {schema?.MaxLength} ký tự."),
            ValidationErrorKind.NumberTooSmall => ($"{given} is below the minimum {schema?.Minimum}.", $"{shown} nhỏ hơn giá trị tối thiểu {schema?.Minimum}."),
            ValidationErrorKind.NumberTooBig => ($"{given} is above the maximum {schema?.Maximum}.", $"{shown} lớn hơn giá trị tối đa {schema?.Maximum}."),
            ValidationErrorKind.NullExpected => ("must be empty.", "phải để trống."),
            _ => ($"is not valid ({error.Kind}).", $"không hợp lệ ({error.Kind})."),
        };
    }

    /// <summary>The value at a path such as <c>form.pages[0].fields[2].type</c>, if there is one.</summary>
    private static JsonNode? Find(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part;
            var indexes = new List<int>();
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                foreach (var index in part[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries))
                {
                    indexes.Add(int.TryParse(index, out var i) ? i : -1);
                }
            }

            if (name.Length > 0)
            {
                node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var next) ? next : null;
            }

            foreach (var i in indexes)
            {
                node = node is JsonArray array && i >= 0 && i < array.Count ? array[i] : null;
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
