using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OneStop.Web.Catalog.Loading;

/// <summary>
/// Turns a YAML procedure file into JSON so that one schema checks both formats, and remembers the
/// line of every value so that an error points at the line the author wrote.
/// </summary>
/// <remarks>
/// Only unquoted <c>true</c>/<c>false</c>, <c>null</c>/<c>~</c> and whole numbers become non-strings: a
/// procedure file has no fractions, and reading <c>1.001193</c> or <c>15:00</c> as text spares authors
/// the classic YAML surprise of a procedure code turned into a number.
/// </remarks>
internal static partial class YamlToJson
{
    public static (JsonNode? Root, Dictionary<string, int> Lines) Convert(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner gives up this way on some broken input (an unclosed '[' before a line break)
            // instead of with a YamlException; it is still the author's broken file, not OneStop's fault.
            throw new ProcedureYamlException(Mark.Empty, Mark.Empty,
                "the YAML cannot be read to its end (an unclosed bracket or quote?): " + e.Message,
                "không đọc được YAML đến hết tệp: có dấu ngoặc vuông, ngoặc nhọn hoặc dấu ngoặc kép chưa đóng không?");
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0)
        {
            return (null, lines);
        }

        if (stream.Documents.Count > 1)
        {
            throw new ProcedureYamlException(stream.Documents[1].RootNode.Start, stream.Documents[1].RootNode.End,
                "A procedure file holds one document; remove the second '---'.",
                "mỗi tệp chỉ chứa một thủ tục; bỏ dấu '---' thứ hai.");
        }

        return (ToNode(stream.Documents[0].RootNode, "", lines), lines);
    }

    private static JsonNode? ToNode(YamlNode node, string path, Dictionary<string, int> lines)
    {
        lines[path] = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : keyNode.ToString();
                    if (obj.ContainsKey(key))
                    {
                        throw new ProcedureYamlException(keyNode.Start, keyNode.End,
                            $"'{key}' appears twice in the same mapping.", $"'{key}' xuất hiện hai lần trong cùng một nhóm mục.");
                    }

                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    lines[childPath] = (int)keyNode.Start.Line;
                    obj[key] = ToNode(valueNode, childPath, lines);
                    lines[childPath] = (int)keyNode.Start.Line;
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    array.Add(ToNode(item, $"{path}[{index}]", lines));
                    index++;
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (WholeNumber().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex("^-?(0|[1-9][0-9]*)$")]
    private static partial Regex WholeNumber();
}

/// <summary>A YAML file that reads, but not as one procedure, told in English and in Vietnamese.</summary>
internal sealed class ProcedureYamlException(Mark start, Mark end, string message, string vietnameseMessage)
    : YamlException(start, end, message)
{
    public string VietnameseMessage { get; } = vietnameseMessage;
}
