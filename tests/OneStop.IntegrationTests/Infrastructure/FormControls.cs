using System.Net;
using System.Text.RegularExpressions;

namespace OneStop.IntegrationTests.Infrastructure;

/// <summary>
/// Reads a form control of a rendered page by its id, as assistive technology meets it: whether it says it is
/// in error, and which texts describe it.
/// </summary>
public static partial class FormControls
{
    /// <summary>The attributes of the one input, select, textarea or fieldset with the id; fails when there is not exactly one.</summary>
    public static IReadOnlyDictionary<string, string> Of(string html, string id)
    {
        var tags = ControlTag().Matches(html).Where(m => Attributes(m.Value).GetValueOrDefault("id") == id).ToList();
        Assert.True(tags.Count == 1, $"Expected one control with id '{id}', found {tags.Count}.");
        return Attributes(tags[0].Value);
    }

    /// <summary>
    /// Asserts the control says it is in error and is described by its error message, which the page shows
    /// under the id the control points to.
    /// </summary>
    public static void AssertInError(string html, string id)
    {
        var control = Of(html, id);
        Assert.Equal("true", control.GetValueOrDefault("aria-invalid"));
        var describedBy = control.GetValueOrDefault("aria-describedby")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        Assert.Contains(id + "-error", describedBy);
        Assert.Matches($"<span class=\"error-message\" id=\"{Regex.Escape(id)}-error\">[^<]+</span>", html);
    }

    /// <summary>Asserts the control neither says it is in error nor points to an error message.</summary>
    public static void AssertNotInError(string html, string id)
    {
        var control = Of(html, id);
        Assert.False(control.ContainsKey("aria-invalid"), $"'{id}' has aria-invalid=\"{control.GetValueOrDefault("aria-invalid")}\" but no error.");
        Assert.DoesNotContain(id + "-error", control.GetValueOrDefault("aria-describedby") ?? "", StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Attributes(string tag) =>
        Attribute().Matches(tag)
            .GroupBy(m => m.Groups["name"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value), StringComparer.Ordinal);

    [GeneratedRegex(@"<(?:input|select|textarea|fieldset)\b[^>]*>")]
    private static partial Regex ControlTag();

    [GeneratedRegex(@"\s(?<name>[a-z][a-z0-9-]*)=""(?<value>[^""]*)""")]
    private static partial Regex Attribute();
}
