using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OneStop.Web.Shared.Pages;

/// <summary>
/// The one way a OneStop form marks a field in error: <c>onestop-error="@message"</c> on the control gives it
/// <c>aria-invalid="true"</c> and adds the id of its error message (the control's id followed by <c>-error</c>)
/// to its <c>aria-describedby</c>. Without a message the control is left as written, so a field that is not in
/// error never says it is. The page still writes the message itself, with that id, beside the control.
/// </summary>
[HtmlTargetElement("input", Attributes = ErrorAttribute)]
[HtmlTargetElement("select", Attributes = ErrorAttribute)]
[HtmlTargetElement("textarea", Attributes = ErrorAttribute)]
[HtmlTargetElement("fieldset", Attributes = ErrorAttribute)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public const string ErrorAttribute = "onestop-error";

    /// <summary>The error shown for the field, or null when it has none.</summary>
    [HtmlAttributeName(ErrorAttribute)]
    public string? Error { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (string.IsNullOrEmpty(Error))
        {
            return;
        }

        // A control without an id cannot be pointed at by the error summary either: a page mistake, not a reader's.
        var id = Text(output.Attributes["id"]?.Value);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new InvalidOperationException($"A <{output.TagName}> marked with {ErrorAttribute} needs an id: its error message is found by it.");
        }

        var errorId = id + "-error";
        var described = (Text(output.Attributes["aria-describedby"]?.Value) ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        if (!described.Contains(errorId, StringComparer.Ordinal))
        {
            described.Add(errorId);
        }

        output.Attributes.SetAttribute("aria-describedby", new HtmlString(string.Join(' ', described)));
        output.Attributes.SetAttribute("aria-invalid", "true");
    }

    /// <summary>An attribute's value as it will be written (HTML-encoded), whatever form Razor handed it in.</summary>
    private static string? Text(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case HtmlString html:
                return html.Value;
            case IHtmlContent content:
                using (var writer = new StringWriter())
                {
                    content.WriteTo(writer, HtmlEncoder.Default);
                    return writer.ToString();
                }

            default:
                return HtmlEncoder.Default.Encode(value.ToString() ?? "");
        }
    }
}
