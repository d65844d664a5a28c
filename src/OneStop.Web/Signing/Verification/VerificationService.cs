using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing.Certificates;
using OneStop.Web.Signing.Issued;

namespace OneStop.Web.Signing.Verification;

public enum VerificationOutcome
{
    /// <summary>Signed, unchanged, by a trusted certificate in force.</summary>
    Valid,

    /// <summary>Changed after signing, or a broken signature.</summary>
    Invalid,

    NotSigned,
    Revoked,
    Expired,
    Untrusted,

    /// <summary>A QR code this system did not issue, or whose document it does not hold.</summary>
    UnknownCode,
}

/// <summary>The answer to a check, with only what a third party needs: no personal data of the applicant.</summary>
public sealed record VerificationResult(
    VerificationOutcome Outcome,
    string? ApplicationCode,
    string? Title,
    bool IssuedHere,
    IReadOnlyList<SignatureReport> Signatures)
{
    public static VerificationResult From(IReadOnlyList<SignatureReport> reports, string? applicationCode, string? title, bool issuedHere)
    {
        var outcome = reports.Count == 0 ? VerificationOutcome.NotSigned
            : reports.Any(r => r.Integrity != SignatureIntegrity.Intact || !r.CoversWholeDocument) ? VerificationOutcome.Invalid
            : reports.Any(r => r.Certificate?.Status == CertificateStatus.Revoked) ? VerificationOutcome.Revoked
            : reports.Any(r => r.Certificate?.Status == CertificateStatus.Untrusted) ? VerificationOutcome.Untrusted
            : reports.Any(r => r.Certificate?.Status is CertificateStatus.Expired or CertificateStatus.NotYetValid) ? VerificationOutcome.Expired
            : VerificationOutcome.Valid;
        return new VerificationResult(outcome, applicationCode, title, issuedHere, reports);
    }
}

/// <summary>
/// The public checks behind /verify and /api/verify: by QR code or by PDF. Every check is logged with
/// the requester's address hashed, and each address gets a fair share (<c>Signing:VerificationsPerMinute</c>).
/// </summary>
internal sealed class VerificationService(
    OneStopDbContext db,
    VerificationCodes codes,
    SignatureVerifier verifier,
    RequesterGuard guard,
    TimeProvider time)
{
    public const long MaximumPdfBytes = 10 * 1024 * 1024;

    public async Task<VerificationResult> VerifyCodeAsync(string code, string channel, IPAddress? requester, CancellationToken cancellationToken)
    {
        var claims = await codes.ReadAsync(code, cancellationToken);
        VerificationResult result;
        if (claims is null)
        {
            result = new VerificationResult(VerificationOutcome.UnknownCode, null, null, false, []);
        }
        else
        {
            var digest = Convert.ToHexStringLower(claims.ContentDigest);
            var document = await db.Set<SignedDocument>().AsNoTracking()
                .Where(d => d.ApplicationCode == claims.ApplicationCode && d.ContentDigest == digest)
                .Select(d => new { d.Title, d.Pdf })
                .SingleOrDefaultAsync(cancellationToken);
            result = document is null
                ? new VerificationResult(VerificationOutcome.UnknownCode, claims.ApplicationCode, null, false, [])
                : VerificationResult.From(await verifier.VerifyAsync(document.Pdf, cancellationToken), claims.ApplicationCode, document.Title, issuedHere: true);
        }

        await LogAsync(channel, result.ApplicationCode ?? "invalid-code", result, requester, cancellationToken);
        return result;
    }

    public async Task<VerificationResult> VerifyPdfAsync(byte[] pdf, string channel, IPAddress? requester, CancellationToken cancellationToken)
    {
        var reports = await verifier.VerifyAsync(pdf, cancellationToken);
        var digest = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var stored = await db.Set<SignedDocument>().AsNoTracking()
            .Where(d => d.PdfDigest == digest)
            .Select(d => new { d.ApplicationCode, d.Title })
            .FirstOrDefaultAsync(cancellationToken);
        var result = VerificationResult.From(reports, stored?.ApplicationCode, stored?.Title, stored is not null);
        await LogAsync(channel, digest, result, requester, cancellationToken);
        return result;
    }

    public bool Admit(IPAddress? requester) => guard.TryAdmit(guard.Hash(requester));

    private async Task LogAsync(string channel, string subject, VerificationResult result, IPAddress? requester, CancellationToken cancellationToken)
    {
        db.Set<VerificationCheck>().Add(new VerificationCheck
        {
            CheckedAt = time.GetUtcNow(),
            Channel = channel,
            Subject = subject.Length > 128 ? subject[..128] : subject,
            Outcome = result.Outcome.ToString(),
            RequesterHash = guard.Hash(requester),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Hashes requesters' addresses (HMAC with a key made at start and never stored, so the log cannot be
/// turned back into addresses) and counts their checks in one-minute windows.
/// </summary>
internal sealed class RequesterGuard(SigningOptions options, TimeProvider time)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private long _window;

    public string Hash(IPAddress? address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(address?.ToString() ?? "unknown")));

    public bool TryAdmit(string requesterHash)
    {
        var window = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        if (Interlocked.Exchange(ref _window, window) != window)
        {
            _counts.Clear();
        }

        return _counts.AddOrUpdate(requesterHash, 1, (_, count) => count + 1) <= options.VerificationsPerMinute;
    }
}
