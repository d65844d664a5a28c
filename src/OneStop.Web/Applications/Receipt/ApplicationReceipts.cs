using Microsoft.EntityFrameworkCore;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Documents;
using OneStop.Web.Documents.Templates;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Applications.Receipt;

/// <summary>An application as its applicant sees it on the receipt, with the procedure it was submitted under.</summary>
public sealed record ApplicationReceipt(Application Application, ProcedureDefinition Definition, IReadOnlyList<ApplicationAttachment> Attachments);

/// <summary>The receipt of an application, for its applicant only.</summary>
public sealed class ApplicationReceipts(OneStopDbContext db, IProcedureCatalog catalog, ReceiptDocument document, IDocumentRenderer renderer)
{
    /// <summary>The receipt, or null when there is no such application of this citizen (never telling which).</summary>
    public async Task<ApplicationReceipt?> ForApplicantAsync(string code, string citizenIdNumber, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Code == code && a.ApplicantIdNumber == citizenIdNumber, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var procedure = await catalog.GetVersionAsync(application.ProcedureCode, application.ProcedureVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Procedure {application.ProcedureCode} version {application.ProcedureVersion} is missing.");
        // The receipt lists files, so their content is not loaded.
        var attachments = await db.ApplicationAttachments.AsNoTracking().Where(a => a.ApplicationId == application.Id)
            .Select(a => new ApplicationAttachment
            {
                Id = a.Id,
                ApplicationId = a.ApplicationId,
                DocumentKey = a.DocumentKey,
                FileName = a.FileName,
                ContentType = a.ContentType,
                Size = a.Size,
                Sha256 = a.Sha256,
                Content = Array.Empty<byte>(),
                AddedAt = a.AddedAt,
                AddedBy = a.AddedBy,
            })
            .ToListAsync(cancellationToken);
        return new ApplicationReceipt(application, procedure.Definition, attachments);
    }

    public byte[] Pdf(ApplicationReceipt receipt) =>
        renderer.Render(DocumentTemplates.Receipt(document.For(receipt.Application, receipt.Definition, receipt.Attachments)));
}
