using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace OneStop.Web.Shared.Web;

/// <summary>
/// Turns a request the JSON API could not bind (malformed JSON, a value of the wrong type, a wrong Content-Type)
/// into problem details that name the field. Left to themselves, minimal APIs answer such a request with a bare
/// 400 that says nothing, and a client cannot tell which of its values was refused.
/// </summary>
public sealed class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public static void Configure(IServiceCollection services)
    {
        // Thrown instead of answered silently, so that this handler sees what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestProblems>();
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Pages keep their own error page; only endpoints of the API (minimal APIs) answer with problem details.
        if (exception is not BadHttpRequestException bad
            || httpContext.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>() is not null)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
            {
                Title = "Unsupported content type",
                Detail = $"The body must be JSON, sent with 'Content-Type: application/json'; this request's Content-Type is '{httpContext.Request.ContentType}'.",
            },
            StatusCodes.Status413PayloadTooLarge => new ProblemDetails
            {
                Title = "Request too large",
                Detail = "The request body is larger than this endpoint accepts; nothing was saved.",
            },
            _ when bad.InnerException is JsonException json => Invalid(json),
            _ => new ProblemDetails { Title = "The request is not valid", Detail = bad.Message },
        };
        problem.Status = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails Invalid(JsonException json)
    {
        var field = FieldName(json.Path);
        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1})" : "";
        // The reader's own exception, within, means broken syntax; without it the JSON was read but a value did not fit.
        var syntax = json.InnerException?.GetType().Name == "JsonReaderException";
        var message = syntax || field.Length == 0
            ? $"The body is not valid JSON, or not the JSON object this endpoint expects{where}; check its quotes, commas and braces."
            : $"'{field}' has a value of the wrong type or out of range{where}: give it as the API's description shows (a number without quotes, a text in quotes, a list in brackets).";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [message] })
        {
            Title = "The request body is not valid",
            Detail = message,
        };
    }

    /// <summary>A JSON path such as <c>$.files[0].contentBase64</c> as the field it names: <c>files[0].contentBase64</c>.</summary>
    private static string FieldName(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
