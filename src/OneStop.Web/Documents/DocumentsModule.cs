namespace OneStop.Web.Documents;

/// <summary>
/// Renders administrative documents to PDF. Other capabilities build an <see cref="OfficialDocument"/>
/// with <see cref="Templates.DocumentTemplates"/> (or by hand) and render it with <see cref="IDocumentRenderer"/>.
/// </summary>
public static class DocumentsModule
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<IDocumentRenderer, PdfDocumentRenderer>();
        return services;
    }

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app) => app;
}
