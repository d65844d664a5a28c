using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace OneStop.Web.Shared.Localization;

public static class LocalizationSetup
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en";

    public static readonly IReadOnlyList<CultureInfo> SupportedCultures =
        [CultureInfo.GetCultureInfo(Vietnamese), CultureInfo.GetCultureInfo(English)];

    public static IServiceCollection AddOneStopLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Vietnamese);
            options.SupportedCultures = [.. SupportedCultures];
            options.SupportedUICultures = [.. SupportedCultures];
            // Vietnamese first whatever the browser says: English only when the person chooses it.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CultureCookieName },
            ];
        });
        return services;
    }

    public const string CultureCookieName = "onestop.lang";

    /// <summary>
    /// The language switch: a plain link, so that it works without JavaScript. It only records a
    /// preference, so a GET is fitting; the return address must be local.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            // "vi" is what people type for Vietnamese; "vi-VN" is what the header's link sends.
            var chosen = SupportedCultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.TwoLetterISOLanguageName, culture, StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Unknown language",
                    detail: $"'{culture}' is not offered; choose {Vietnamese} or {English}.");
            }

            context.Response.Cookies.Append(
                CultureCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
            var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
                && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
        return app;
    }
}
