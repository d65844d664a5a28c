using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Documents;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing.Verification;

namespace OneStop.Web.Signing.Issued;

/// <summary>A result to issue: the document as built from a template, and the official who approves and signs it.</summary>
public sealed record ResultToIssue(string ApplicationCode, OfficialDocument Document, OfficialDescriptor Signer, SignatureDetails? Details = null);

/// <summary>A signed result as stored (without its bytes).</summary>
public sealed record IssuedResult(
    Guid Id,
    string ApplicationCode,
    string Title,
    string SignerName,
    string SignerPosition,
    string SignerUnit,
    DateTimeOffset SignedAt,
    string CertificateSerial,
    PadesLevel Level,
    bool AlreadyIssued);

public sealed record ResultFile(IssuedResult Result, byte[] Pdf);

/// <summary>
/// Issues signed results for applications and gives them back: the officer workflow calls
/// <see cref="IssueAsync"/> when a leader approves; the citizen portal and the workspace fetch them.
/// </summary>
public interface IResultDocuments
{
    /// <summary>
    /// Adds the verification QR code, renders, signs as the official and stores. Idempotent: the same
    /// document for the same application returns the result already issued.
    /// </summary>
    Task<IssuedResult> IssueAsync(ResultToIssue result, CancellationToken cancellationToken = default);

    /// <summary>Signs and stores a PDF rendered elsewhere (it carries no OneStop QR code unless its maker added one).</summary>
    Task<IssuedResult> SignAndStoreAsync(string applicationCode, string title, byte[] pdf, OfficialDescriptor signer, SignatureDetails? details = null, CancellationToken cancellationToken = default);

    Task<ResultFile?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IssuedResult>> ListAsync(string applicationCode, CancellationToken cancellationToken = default);

    /// <summary>The signature status of a stored result now (certificates may since have been revoked or expired).</summary>
    Task<VerificationResult?> VerifyAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The address the QR code of a document issued with these claims points to.</summary>
    string VerificationUrl(string code);
}

internal sealed class ResultDocuments(
    OneStopDbContext db,
    IDocumentRenderer renderer,
    IOfficialSigner signer,
    VerificationCodes codes,
    SignatureVerifier verifier,
    SigningOptions options) : IResultDocuments
{
    private static readonly JsonSerializerOptions DigestJson = new(JsonSerializerDefaults.Web);

    public string VerificationUrl(string code) => $"{options.PublicBaseUrl}/verify?c={code}";

    public async Task<IssuedResult> IssueAsync(ResultToIssue result, CancellationToken cancellationToken = default)
    {
        var document = result.Document with { Verification = null };
        var contentDigest = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(document, DigestJson));
        var existing = await FindExistingAsync(result.ApplicationCode, contentDigest, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var code = await codes.CreateAsync(new VerificationClaims(result.ApplicationCode, contentDigest, result.Signer.UnitCode), cancellationToken);
        var withCode = document with
        {
            Verification = new VerificationMark(
                VerificationUrl(code),
                $"Văn bản được ký số bởi {result.Signer.FullName}, {result.Signer.Position}, {result.Signer.UnitName}. " +
                $"Kiểm tra chữ ký số: quét mã QR hoặc gửi tệp PDF tại {options.PublicBaseUrl}/verify (mã hồ sơ {result.ApplicationCode})."),
        };
        var pdf = renderer.Render(withCode);
        var title = document.Summary is null ? document.Title : $"{document.Title} {document.Summary}";
        return await StoreAsync(result.ApplicationCode, title, pdf, contentDigest, result.Signer, result.Details, cancellationToken);
    }

    public async Task<IssuedResult> SignAndStoreAsync(string applicationCode, string title, byte[] pdf, OfficialDescriptor signer, SignatureDetails? details = null, CancellationToken cancellationToken = default)
    {
        if (!SignatureVerifier.LooksLikePdf(pdf))
        {
            throw new ArgumentException("The content is not a PDF.", nameof(pdf));
        }

        var contentDigest = SHA256.HashData(pdf);
        return await FindExistingAsync(applicationCode, contentDigest, cancellationToken)
            ?? await StoreAsync(applicationCode, title, pdf, contentDigest, signer, details, cancellationToken);
    }

    private async Task<IssuedResult> StoreAsync(string applicationCode, string title, byte[] pdf, byte[] contentDigest, OfficialDescriptor official, SignatureDetails? details, CancellationToken cancellationToken)
    {
        var signed = await signer.SignAsync(pdf, official, details ?? new SignatureDetails("Phê duyệt kết quả giải quyết hồ sơ " + applicationCode, official.UnitName), cancellationToken);
        var record = new SignedDocument
        {
            Id = Guid.NewGuid(),
            ApplicationCode = applicationCode,
            Title = title.Length > 500 ? title[..500] : title,
            ContentDigest = Convert.ToHexStringLower(contentDigest),
            PdfDigest = Convert.ToHexStringLower(SHA256.HashData(signed.Pdf)),
            SignerOfficialId = official.Id,
            SignerName = official.FullName,
            SignerPosition = official.Position,
            SignerUnit = official.UnitName,
            IssuerUnitCode = official.UnitCode,
            SignedAt = signed.SignedAt.ToUniversalTime(),
            CertificateSerial = signed.Certificate.SerialNumber,
            Level = signed.Level,
            Pdf = signed.Pdf,
        };
        signed.Certificate.Dispose();
        db.Set<SignedDocument>().Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException refused) when (DatabaseErrors.IsUniqueViolation(refused))
        {
            // The same result was issued at the same moment by another request: that one stands.
            db.ChangeTracker.Clear();
            return await FindExistingAsync(applicationCode, contentDigest, cancellationToken)
                ?? throw new InvalidOperationException("The signed result could not be stored.");
        }

        return Describe(record, alreadyIssued: false);
    }

    public async Task<ResultFile?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<SignedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return record is null ? null : new ResultFile(Describe(record, alreadyIssued: true), record.Pdf);
    }

    public async Task<IReadOnlyList<IssuedResult>> ListAsync(string applicationCode, CancellationToken cancellationToken = default)
    {
        var records = await db.Set<SignedDocument>().AsNoTracking()
            .Where(d => d.ApplicationCode == applicationCode)
            .Select(d => new { d.Id, d.ApplicationCode, d.Title, d.SignerName, d.SignerPosition, d.SignerUnit, d.SignedAt, d.CertificateSerial, d.Level })
            .ToListAsync(cancellationToken);
        return records
            .OrderBy(d => d.SignedAt)
            .Select(d => new IssuedResult(d.Id, d.ApplicationCode, d.Title, d.SignerName, d.SignerPosition, d.SignerUnit, d.SignedAt, d.CertificateSerial, d.Level, true))
            .ToList();
    }

    public async Task<VerificationResult?> VerifyAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<SignedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var reports = await verifier.VerifyAsync(record.Pdf, cancellationToken);
        return VerificationResult.From(reports, record.ApplicationCode, record.Title, issuedHere: true);
    }

    private async Task<IssuedResult?> FindExistingAsync(string applicationCode, byte[] contentDigest, CancellationToken cancellationToken)
    {
        var digest = Convert.ToHexStringLower(contentDigest);
        var record = await db.Set<SignedDocument>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.ApplicationCode == applicationCode && d.ContentDigest == digest, cancellationToken);
        return record is null ? null : Describe(record, alreadyIssued: true);
    }

    private static IssuedResult Describe(SignedDocument d, bool alreadyIssued) =>
        new(d.Id, d.ApplicationCode, d.Title, d.SignerName, d.SignerPosition, d.SignerUnit, d.SignedAt, d.CertificateSerial, d.Level, alreadyIssued);
}
