using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.AdministrativeUnits.Api;

/// <summary>
/// The public reference API of administrative units. Everything is anonymous: the units are public
/// reference data. Every answer is computed by <see cref="IAdministrativeUnitDirectory"/>, the same
/// service the pages use.
/// </summary>
internal static class AdministrativeUnitEndpoints
{
    public const int MaxSearchLimit = 100;
    public const int DefaultSearchLimit = 10;
    public const int MaxTextLength = 100;

    private const string AtDescription =
        "The date the answer is for, YYYY-MM-DD (default: today in Vietnam). 2025-03-01 to 2025-06-30 selects the units before the reform " +
        "(the list as of 1 March 2025); 2025-07-01 to 2026-04-29 the units of 1 July 2025; from 2026-04-30 the current units, also for a date " +
        "still to come, as far as known today. A date before 2025-03-01 answers 404: no list is known for it. A code can name an old and a new unit: the date decides which.";

    public static void MapAdministrativeUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/units")
            .WithTags("Administrative units")
            .AllowAnonymous();

        group.MapGet("/provinces", GetProvinces)
            .WithName("GetProvinces")
            .WithSummary("The provinces in force on a date")
            .WithDescription("The 63 provinces before 1 July 2025 or the 34 provinces after, each with the number of its districts and communes and the provinces it was formed from.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/search", Search)
            .WithName("SearchUnits")
            .WithSummary("Search units by name, with or without diacritics")
            .WithDescription(
                "Matches names whatever the Unicode form and tone-mark placement (\"Yên Hòa\", \"Yên Hoà\" and \"yen hoa\" find the same ward). " +
                "Ranked: exact name, then prefix, then word, then anywhere; units in force on 'at' before units of the other side of the reform.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/convert", ConvertAddress)
            .WithName("ConvertOldAddress")
            .WithSummary("Convert an address from before 1 July 2025 to the new commune and province")
            .WithDescription(
                "Each part is a name (any spelling, with or without diacritics, abbreviations such as \"P.\" or \"TT\" allowed) or a code. " +
                "A commune that was split gives every candidate as \"partial\" and moreDetailNeeded=true: the village or street decides. " +
                "An unknown part answers 404, an ambiguous or contradictory one 422; OneStop never guesses.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{code}", GetUnit)
            .WithName("GetUnit")
            .WithSummary("One unit by code on a date, with its successors or what it was formed from")
            .WithDescription(
                "Codes are strings with leading zeros: 2 digits for a province, 3 for a district (before the reform only), 5 for a commune. " +
                "A new unit usually keeps the code of one of its predecessors, so the same code can name an old and a new unit: " +
                "the unit in force on 'at' is answered, otherwise the latest one that no longer exists (with its successors), otherwise the one not yet in force. " +
                "otherUnitsWithThisCode lists the rest.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Results<Ok<ProvincesResponse>, ValidationProblem, ProblemHttpResult> GetProvinces(
        IAdministrativeUnitDirectory directory,
        TimeProvider time,
        [FromQuery, Description(AtDescription)] string? at = null)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ParseDate(at, time, errors);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (NoListOn(directory, date) is { } unknown)
        {
            return unknown;
        }

        var set = directory.SetAt(date);
        var provinces = directory.Provinces(date)
            .Select(p => new ProvinceDto(
                p.Code, UnitTypes.ApiName(p.Type), p.TypeName, p.Name, p.FullName, p.NameEn, p.FullNameEn,
                p.Children.Count(c => c.Level == UnitLevel.District),
                directory.CommunesOf(p.Code, date).Count,
                [.. directory.FormedFrom(p).Select(RelatedUnitDto.From)]))
            .ToList();
        return TypedResults.Ok(new ProvincesResponse(date, UnitSetDto.From(set), provinces));
    }

    private static Results<Ok<UnitResponse>, ValidationProblem, ProblemHttpResult> GetUnit(
        IAdministrativeUnitDirectory directory,
        TimeProvider time,
        [Description("A province (2 digits), district (3 digits) or commune (5 digits) code, e.g. 01, 001, 00004.")] string code,
        [FromQuery, Description(AtDescription)] string? at = null)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ParseDate(at, time, errors);
        if (code.Length is not (2 or 3 or 5) || !code.All(char.IsAsciiDigit))
        {
            errors["code"] = ["A unit code is 2 digits (province), 3 digits (district) or 5 digits (commune), with its leading zeros, e.g. 01, 001, 00004."];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (NoListOn(directory, date) is { } unknown)
        {
            return unknown;
        }

        var unit = directory.Lookup(code, date);
        if (unit is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown unit code",
                detail: $"No administrative unit, before or after the 2025 reform, has the code '{code}'.");
        }

        var current = directory.SetAt(date);
        var status = unit.Set == current ? "in-force" : unit.Set.Index < current.Index ? "no-longer-exists" : "not-yet-in-force";

        // An old unit in force still shows what it became in the reform, named as today.
        var successors = status switch
        {
            "no-longer-exists" => directory.SuccessorsAt(unit, date),
            "in-force" when unit.Set.HasDistricts && unit.Successors.Count > 0 => directory.SuccessorsAt(unit, directory.Sets[^1].EffectiveFrom!.Value),
            _ => [],
        };
        return TypedResults.Ok(new UnitResponse(
            date,
            unit.Code,
            UnitTypes.ApiName(unit.Level),
            UnitTypes.ApiName(unit.Type),
            unit.TypeName,
            unit.Name,
            unit.FullName,
            unit.QualifiedName,
            unit.NameEn,
            unit.FullNameEn,
            UnitSetDto.From(unit.Set),
            status,
            unit.Parent is null ? null : UnitSummaryDto.From(unit.Parent),
            unit.Level == UnitLevel.Province ? null : UnitSummaryDto.From(unit.Province),
            unit.District is null ? null : UnitSummaryDto.From(unit.District),
            unit.Children.Count,
            [.. successors.Select(RelatedUnitDto.From)],
            [.. directory.FormedFrom(unit).Select(RelatedUnitDto.From)],
            [.. directory.UnitsWithCode(code).Where(u => u != unit).Select(UnitSummaryDto.From)]));
    }

    private static Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult> Search(
        IAdministrativeUnitDirectory directory,
        TimeProvider time,
        [FromQuery, Description("The name or part of it, with or without diacritics, e.g. \"Yên Hòa\", \"yen hoa\", \"Phường Ba Đình\".")] string? q = null,
        [FromQuery, Description(AtDescription)] string? at = null,
        [FromQuery, Description("How many results at most, 1 to 100 (default 10).")] string? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ParseDate(at, time, errors);
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["Give the text to search for, e.g. q=yen hoa."];
        }
        else if (q.Length > MaxTextLength)
        {
            errors["q"] = [$"The search text is at most {MaxTextLength} characters long."];
        }
        else if (VietnameseNames.Fold(q).Length == 0)
        {
            errors["q"] = ["The search text must contain at least one letter or digit."];
        }

        var count = DefaultSearchLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxSearchLimit))
        {
            errors["limit"] = [$"limit is a whole number from 1 to {MaxSearchLimit}."];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (NoListOn(directory, date) is { } unknown)
        {
            return unknown;
        }

        var results = directory.Search(q!, date, count)
            .Select(h => new SearchResultDto(
                h.Unit.Code, UnitTypes.ApiName(h.Unit.Level), UnitTypes.ApiName(h.Unit.Type), h.Unit.TypeName, h.Unit.Name,
                h.Unit.FullName, h.Unit.QualifiedName, h.Unit.Set.Code, h.InForce, h.Match.ToString().ToLowerInvariant()))
            .ToList();
        return TypedResults.Ok(new SearchResponse(q!, date, directory.SetAt(date).Code, results));
    }

    private static Results<Ok<ConversionResponse>, ValidationProblem, ProblemHttpResult> ConvertAddress(
        IAdministrativeUnitDirectory directory,
        TimeProvider time,
        [FromQuery, Description("The old province or centrally-run city: name or 2-digit code, e.g. \"Hà Nội\", \"01\".")] string? province = null,
        [FromQuery, Description("The old district (quận, huyện, thị xã, thành phố thuộc tỉnh): name or 3-digit code, e.g. \"Ba Đình\", \"001\".")] string? district = null,
        [FromQuery, Description("The old commune, ward or township: name or 5-digit code, e.g. \"Trúc Bạch\", \"00004\".")] string? commune = null,
        [FromQuery, Description("The date whose units name the answer, on or after 2025-07-01 (default: today in Vietnam).")] string? at = null)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ParseDate(at, time, errors);
        if (!errors.ContainsKey("at") && directory.SetAt(date).HasDistricts)
        {
            errors["at"] = ["at must be on or after 2025-07-01: an old address converts to the units after the reform."];
        }

        foreach (var (name, value) in new[] { ("province", province), ("district", district), ("commune", commune) })
        {
            if (value is { Length: > MaxTextLength })
            {
                errors[name] = [$"{name} is at most {MaxTextLength} characters long."];
            }
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var conversion = directory.Convert(new OldAddress(province, district, commune), date);
        if (conversion.Problem is { } problem)
        {
            return ProblemFor(problem);
        }

        var message = conversion.Outcome switch
        {
            ConversionOutcome.Commune => $"{conversion.OldUnit!.QualifiedName} is now {conversion.NewCommunes[0].Unit.QualifiedName}.",
            ConversionOutcome.Split =>
                $"{conversion.OldCommune!.QualifiedName} was divided between {conversion.NewCommunes.Count} new communes. " +
                "More detail (village, hamlet, street, house number) is needed to know which one an address belongs to.",
            ConversionOutcome.CommuneNotInData =>
                $"{conversion.OldCommune!.QualifiedName} is now part of {conversion.NewProvince!.FullName}, but the published reform data gives no reliable new commune for it; ask the commune's People's Committee.",
            _ => $"{conversion.OldUnit!.QualifiedName} is now part of {conversion.NewProvince!.FullName}. Give the old commune to know the new one.",
        };
        return TypedResults.Ok(new ConversionResponse(
            date,
            conversion.Target.Code,
            conversion.Outcome switch
            {
                ConversionOutcome.Commune => "commune",
                ConversionOutcome.Split => "split",
                ConversionOutcome.CommuneNotInData => "commune-not-in-data",
                _ => "province-only",
            },
            conversion.Outcome != ConversionOutcome.Commune,
            message,
            new OldAddressDto(
                UnitSummaryDto.From(conversion.OldProvince!),
                conversion.OldDistrict is null ? null : UnitSummaryDto.From(conversion.OldDistrict),
                conversion.OldCommune is null ? null : UnitSummaryDto.From(conversion.OldCommune)),
            UnitSummaryDto.From(conversion.NewProvince!),
            [.. conversion.NewCommunes.Select(RelatedUnitDto.From)]));
    }

    private static Results<Ok<ConversionResponse>, ValidationProblem, ProblemHttpResult> ProblemFor(ConversionProblem problem)
    {
        if (problem.Kind == ConversionProblemKind.NothingGiven)
        {
            return Invalid(new Dictionary<string, string[]>
            {
                ["commune"] = ["Give at least one part of the old address: the commune, district or province, as a name or a code."],
            });
        }

        var field = problem.Field.ToString()!.ToLowerInvariant();
        var within = problem.Container is null ? "" : $" in {problem.Container.QualifiedName}";
        var candidates = problem.Candidates.Select(UnitSummaryDto.From).ToList();
        var (status, title, detail) = problem.Kind switch
        {
            ConversionProblemKind.NotFound => (
                StatusCodes.Status404NotFound,
                $"Unknown old {field}",
                $"No {field} before 1 July 2025 is named or coded '{problem.Input}'{within}." +
                (candidates.Count > 0 ? $" '{problem.Input}' is the name of a unit since 1 July 2025 ({string.Join("; ", candidates.Select(c => c.QualifiedName))}); such an address needs no conversion." : "")),
            ConversionProblemKind.NotInside => (
                StatusCodes.Status422UnprocessableEntity,
                $"The old {field} is not where the address says",
                $"There was no {field} '{problem.Input}'{within} before 1 July 2025. It names: {string.Join("; ", candidates.Select(c => c.QualifiedName))}. Check the {(field == "commune" ? "district and province" : "province")}."),
            _ => (
                StatusCodes.Status422UnprocessableEntity,
                $"Ambiguous old {field}",
                $"'{problem.Input}' names {candidates.Count} {field}s{within} before 1 July 2025: {string.Join("; ", candidates.Select(c => c.QualifiedName))}. " +
                (field == "commune" ? "Give the district (or the commune code) too." : field == "district" ? "Give the province (or the district code) too." : "Give the province code.")),
        };
        return TypedResults.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            extensions: new Dictionary<string, object?>
            {
                ["field"] = field,
                ["input"] = problem.Input,
                ["candidates"] = candidates,
            });
    }

    /// <summary>
    /// A date before the oldest list is a fair question with no answer here, like an unknown code: 404, not 400,
    /// which would tell the client to mend a request that is well formed. The earliest known date comes with it.
    /// </summary>
    private static ProblemHttpResult? NoListOn(IAdministrativeUnitDirectory directory, DateOnly date)
    {
        if (date >= directory.EarliestKnownDate)
        {
            return null;
        }

        var earliest = directory.EarliestKnownDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No list of administrative units for this date",
            detail: $"OneStop knows no list of administrative units in force on {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: " +
                $"its earliest list is that of {earliest} (the units before the 2025 reform). Ask for a date on or after {earliest}.",
            extensions: new Dictionary<string, object?>
            {
                ["at"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["earliestDate"] = earliest,
            });
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid", detail: string.Join(" ", errors.Values.SelectMany(e => e)));

    /// <summary>The date asked for, or today in Vietnam; an unreadable date is an error, never today.</summary>
    internal static DateOnly ParseDate(string? at, TimeProvider time, Dictionary<string, string[]> errors)
    {
        if (at is null)
        {
            return Today(time);
        }

        if (DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors["at"] = [$"'{at}' is not a date: write it YYYY-MM-DD, e.g. 2025-07-01."];
        return Today(time);
    }

    internal static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(time.GetUtcNow()).DateTime);
}
