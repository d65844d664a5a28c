using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Catalog.Definitions;

namespace OneStop.Web.Catalog.Pages;

/// <summary>The public catalogue: search, and browse by field and by level, with plain GET links.</summary>
[AllowAnonymous]
public sealed class ProceduresModel(IProcedureCatalog catalog) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    public ProcedureSearchResult Result { get; private set; } = new([], 0, 1, PageSize);

    public IReadOnlyList<FieldSummary> Fields { get; private set; } = [];

    public ProcedureLevel? ChosenLevel { get; private set; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrWhiteSpace(Field) || ChosenLevel is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ChosenLevel = Level switch
        {
            "province" => ProcedureLevel.Province,
            "commune" => ProcedureLevel.Commune,
            _ => null,
        };
        // Read from the query string itself: bound as "page", the route value naming the Razor Page would win and
        // every "next page" link would show the first page again.
        var page = int.TryParse(Request.Query["page"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 10_000 ? p : 1;
        Query = Query is { Length: > 200 } ? Query[..200] : Query;
        Fields = await catalog.GetFieldsAsync(cancellationToken);
        Result = await catalog.SearchAsync(new ProcedureQuery(Query, Field, ChosenLevel, page, PageSize), cancellationToken);

        // A page past the end (an old bookmark, a hand-typed address) shows the last page rather than nothing.
        if (Result.Items.Count == 0 && Result.Total > 0)
        {
            Result = await catalog.SearchAsync(new ProcedureQuery(Query, Field, ChosenLevel, Result.PageCount, PageSize), cancellationToken);
        }
    }

    /// <summary>The address of this search at another page, keeping the search and the filters.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            query.Add("q=" + Uri.EscapeDataString(Query));
        }

        if (!string.IsNullOrWhiteSpace(Field))
        {
            query.Add("field=" + Uri.EscapeDataString(Field));
        }

        if (ChosenLevel is not null)
        {
            query.Add("level=" + Uri.EscapeDataString(Level!));
        }

        query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return "/procedures?" + string.Join("&", query);
    }
}
