using Microsoft.AspNetCore.Html;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Catalog;

/// <summary>
/// A procedure's name as a page shows it. An application keeps the Vietnamese name it was submitted under (the
/// name on its receipt); a person who chose English reads the catalogue's English name instead. When the
/// catalogue has none, the English page shows the Vietnamese name marked as Vietnamese, so that a screen reader
/// does not read it with English sounds.
/// </summary>
public sealed class ProcedureNames(IProcedureCatalog catalog)
{
    public async Task<IHtmlContent> ShownAsync(string code, string keptVietnameseName, CancellationToken cancellationToken = default)
    {
        if (!ReaderLanguage.IsEnglish)
        {
            return new HtmlContentBuilder().Append(keptVietnameseName);
        }

        var current = await catalog.GetCurrentAsync(code, cancellationToken);
        return current?.Definition.Name.En is { Length: > 0 } english
            ? new HtmlContentBuilder().Append(english)
            : QuotedVietnamese.Text(keptVietnameseName);
    }
}
