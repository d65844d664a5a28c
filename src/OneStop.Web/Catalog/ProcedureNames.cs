using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Catalog;

/// <summary>
/// A procedure's name as a page shows it. An application keeps the Vietnamese name it was submitted under (the
/// name on its receipt); a person who chose English reads the catalogue's English name instead.
/// </summary>
public sealed class ProcedureNames(IProcedureCatalog catalog)
{
    public async Task<string> ShownAsync(string code, string keptVietnameseName, CancellationToken cancellationToken = default)
    {
        if (!ReaderLanguage.IsEnglish)
        {
            return keptVietnameseName;
        }

        var current = await catalog.GetCurrentAsync(code, cancellationToken);
        return current?.Definition.Name.En is { Length: > 0 } english ? english : keptVietnameseName;
    }
}
