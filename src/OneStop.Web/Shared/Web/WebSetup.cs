using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.WebEncoders;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;
using Scalar.AspNetCore;

namespace OneStop.Web.Shared.Web;

public static class WebSetup
{
    public static IServiceCollection AddOneStopWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOneStopReverseProxy(configuration);
        services.AddRazorPages(options =>
            {
                // Pages live with their capability (AdministrativeUnits/Pages/…), not in one Pages folder.
                options.RootDirectory = "/";
                options.Conventions.Add(new PageRouteTransformerConvention(new LowercaseRoutes()));
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        BadRequestProblems.Configure(services);
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "OneStop API";
                document.Info.Description =
                    "The JSON API of OneStop, the electronic one-stop system for administrative procedures. " +
                    "Errors are RFC 9457 problem details in English.";
                return Task.CompletedTask;
            });
            ApiDocumentConventions.Apply(options);
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddSingleton<ApiFallback>();

        // Vietnamese text is written as it is, not as numeric character references.
        services.Configure<WebEncoderOptions>(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    public static WebApplication UseOneStopPipeline(this WebApplication app)
    {
        // First, so that everything after it sees the client's address and scheme (ReverseProxy.cs).
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseWhen(
            context => IsApi(context.Request.Path),
            api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(
            context => !IsApi(context.Request.Path),
            pages => pages.UseExceptionHandler("/error/500").UseStatusCodePagesWithReExecute("/error/{0}"));

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseWhen(context => !IsApi(context.Request.Path), pages => pages.UseOversizedRequestRefusal());

        // After routing, so that an endpoint whose answer is the same in every language runs without a request
        // culture (ADR 0081); everything after this line sees the person's language.
        app.UseWhen(context => !context.IsSameInEveryLanguage(), localized => localized.UseRequestLocalization());
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapOneStopEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapLanguageSwitch();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("OneStop API")).AllowAnonymous();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().SameInEveryLanguage();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous().SameInEveryLanguage();

        // Scraped by the province's monitoring; it reveals request counts, never personal data.
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();

        // An address nobody serves is a 404 for everyone, not a sign-in prompt.
        app.MapFallback((HttpContext context, ApiFallback fallback) => fallback.Answer(context)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    private sealed class LowercaseRoutes : IOutboundParameterTransformer
    {
        public string? TransformOutbound(object? value) => value?.ToString()?.ToLowerInvariant();
    }
}
