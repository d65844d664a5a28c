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
        stream.Load(new StringReader(yaml));
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0)
        {
            return (null, lines);
        }

        if (stream.Documents.Count > 1)
        {
            throw new YamlException(stream.Documents[1].RootNode.Start, stream.Documents[1].RootNode.End, "A procedure file holds one document; remove the second '---'.");
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
                        throw new YamlException(keyNode.Start, keyNode.End, $"'{key}' appears twice in the same mapping.");
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
