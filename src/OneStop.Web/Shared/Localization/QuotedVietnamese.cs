using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace OneStop.Web.Shared.Localization;

/// <summary>
/// Vietnamese words quoted inside a sentence of the reader's language: search examples, the can-chi name of a
/// lunar year. On a page in another language each is marked <c>lang="vi"</c>, so that a screen reader speaks it
/// in Vietnamese rather than with English sounds (WCAG 3.1.2); a Vietnamese page already is, and gets nothing.
/// </summary>
public static partial class QuotedVietnamese
{
    /// <summary>
    /// The sentence with <c>{0}</c>, <c>{1}</c>… replaced by <paramref name="words"/>; a translation may leave out
    /// or reorder placeholders. Text is encoded when written, as everything Razor writes.
    /// </summary>
    public static IHtmlContent Format(string sentence, params string[] words)
    {
        var marked = ReaderLanguage.IsEnglish;
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(sentence))
        {
            html.Append(sentence[at..placeholder.Index]);
            var word = words[int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture)];
            if (marked)
            {
                html.AppendHtml("<span lang=\"vi\">").Append(word).AppendHtml("</span>");
            }
            else
            {
                html.Append(word);
            }

            at = placeholder.Index + placeholder.Length;
        }

        return html.Append(sentence[at..]);
    }

    /// <summary>
    /// A whole text that is Vietnamese whatever language the page is in (what an officer wrote, the title of a
    /// signed document), marked the same way; null gives nothing.
    /// </summary>
    public static IHtmlContent Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }

        return ReaderLanguage.IsEnglish
            ? new HtmlContentBuilder().AppendHtml("<span lang=\"vi\">").Append(text).AppendHtml("</span>")
            : new HtmlContentBuilder().Append(text);
    }

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();
}
