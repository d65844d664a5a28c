namespace OneStop.Web.Shared.Localization;

/// <summary>
/// Endpoint metadata: the answer is the same whatever language the person chose, so the request runs without
/// a request culture (ADR 0081). Setting one flows two culture values through every wait of the request, which
/// the busiest anonymous reads do not need.
/// </summary>
public sealed class SameInEveryLanguage
{
    public static SameInEveryLanguage Instance { get; } = new();

    private SameInEveryLanguage()
    {
    }
}

public static class SameInEveryLanguageExtensions
{
    /// <summary>Marks an endpoint whose answer does not depend on the person's language (no page, no localized text).</summary>
    public static TBuilder SameInEveryLanguage<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Localization.SameInEveryLanguage.Instance);

    /// <summary>True for a request routed to an endpoint marked <see cref="SameInEveryLanguage{TBuilder}"/>.</summary>
    public static bool IsSameInEveryLanguage(this HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<SameInEveryLanguage>() is not null;
}
