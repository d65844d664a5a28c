using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// Tables are reached with db.Set<T>() rather than sets on OneStopDbContext, so that Shared keeps
// depending on no capability.
namespace OneStop.Web.Signing.Certificates
{
    /// <summary>
    /// A key of OneStop itself: the demo root CA, the key that signs QR verification codes. The private
    /// key is stored encrypted with ASP.NET Data Protection (see <see cref="KeyProtection"/>).
    /// </summary>
    public sealed class SystemKey
    {
        public required string Purpose { get; init; }

        /// <summary>The certificate (DER) when the key has one, e.g. the root CA.</summary>
        public byte[]? Certificate { get; init; }

        /// <summary>SubjectPublicKeyInfo (DER).</summary>
        public required byte[] PublicKey { get; init; }

        public required byte[] ProtectedPrivateKey { get; init; }

        public required DateTimeOffset CreatedAt { get; init; }
    }

    public enum CertificateSource
    {
        /// <summary>Issued by the demo CA of this installation.</summary>
        Demo,

        /// <summary>Imported with its key from a PKCS#12 file issued by a real CA.</summary>
        Imported,
    }

    /// <summary>An official's signing certificate; the key is here only for the software key store.</summary>
    public sealed class OfficialCertificate
    {
        public Guid Id { get; init; }

        public required string OfficialId { get; init; }

        public required string FullName { get; init; }

        public required string Position { get; init; }

        public required string UnitName { get; init; }

        public required string UnitCode { get; init; }

        /// <summary>Upper-case hexadecimal, as tools print it.</summary>
        public required string SerialNumber { get; init; }

        public required string IssuerName { get; init; }

        public required byte[] Certificate { get; init; }

        public byte[]? ProtectedPrivateKey { get; init; }

        public required CertificateSource Source { get; init; }

        public required DateTimeOffset NotBefore { get; init; }

        public required DateTimeOffset NotAfter { get; init; }

        public required DateTimeOffset IssuedAt { get; init; }

        public DateTimeOffset? RevokedAt { get; set; }

        public string? RevocationReason { get; set; }
    }

    internal sealed class SystemKeyConfiguration : IEntityTypeConfiguration<SystemKey>
    {
        public void Configure(EntityTypeBuilder<SystemKey> builder)
        {
            builder.ToTable("system_keys");
            builder.HasKey(k => k.Purpose);
            builder.Property(k => k.Purpose).HasMaxLength(64);
        }
    }

    internal sealed class OfficialCertificateConfiguration : IEntityTypeConfiguration<OfficialCertificate>
    {
        public void Configure(EntityTypeBuilder<OfficialCertificate> builder)
        {
            builder.ToTable("official_certificates");
            builder.HasKey(c => c.Id);
            builder.Property(c => c.OfficialId).HasMaxLength(128);
            builder.Property(c => c.FullName).HasMaxLength(200);
            builder.Property(c => c.Position).HasMaxLength(200);
            builder.Property(c => c.UnitName).HasMaxLength(300);
            builder.Property(c => c.UnitCode).HasMaxLength(64);
            builder.Property(c => c.SerialNumber).HasMaxLength(64);
            builder.Property(c => c.IssuerName).HasMaxLength(500);
            builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(16);
            builder.Property(c => c.RevocationReason).HasMaxLength(200);
            builder.HasIndex(c => new { c.IssuerName, c.SerialNumber }).IsUnique();
            builder.HasIndex(c => c.OfficialId);
        }
    }
}

namespace OneStop.Web.Signing.Issued
{
    /// <summary>
    /// A signed result as issued: the PDF itself is kept in the database, so that a backup of the
    /// database is a backup of every result and both SQLite and PostgreSQL work alike (ADR 0061).
    /// </summary>
    public sealed class SignedDocument
    {
        public Guid Id { get; init; }

        public required string ApplicationCode { get; init; }

        public required string Title { get; init; }

        /// <summary>SHA-256 (hex) of the document's content, as the QR code carries it.</summary>
        public required string ContentDigest { get; init; }

        /// <summary>SHA-256 (hex) of the signed PDF file.</summary>
        public required string PdfDigest { get; init; }

        public required string SignerOfficialId { get; init; }

        public required string SignerName { get; init; }

        public required string SignerPosition { get; init; }

        public required string SignerUnit { get; init; }

        public required string IssuerUnitCode { get; init; }

        public required DateTimeOffset SignedAt { get; init; }

        public required string CertificateSerial { get; init; }

        public required PadesLevel Level { get; init; }

        public required byte[] Pdf { get; init; }
    }

    internal sealed class SignedDocumentConfiguration : IEntityTypeConfiguration<SignedDocument>
    {
        public void Configure(EntityTypeBuilder<SignedDocument> builder)
        {
            builder.ToTable("signed_documents");
            builder.HasKey(d => d.Id);
            builder.Property(d => d.ApplicationCode).HasMaxLength(64);
            builder.Property(d => d.Title).HasMaxLength(500);
            builder.Property(d => d.ContentDigest).HasMaxLength(64).IsFixedLength();
            builder.Property(d => d.PdfDigest).HasMaxLength(64).IsFixedLength();
            builder.Property(d => d.SignerOfficialId).HasMaxLength(128);
            builder.Property(d => d.SignerName).HasMaxLength(200);
            builder.Property(d => d.SignerPosition).HasMaxLength(200);
            builder.Property(d => d.SignerUnit).HasMaxLength(300);
            builder.Property(d => d.IssuerUnitCode).HasMaxLength(64);
            builder.Property(d => d.CertificateSerial).HasMaxLength(64);
            builder.Property(d => d.Level).HasConversion<string>().HasMaxLength(16);
            builder.HasIndex(d => new { d.ApplicationCode, d.ContentDigest }).IsUnique();
            builder.HasIndex(d => d.PdfDigest);
        }
    }
}

namespace OneStop.Web.Signing.Verification
{
    /// <summary>One check on the public verification page or API: what, when, outcome, who (hashed).</summary>
    public sealed class VerificationCheck
    {
        public long Id { get; init; }

        public required DateTimeOffset CheckedAt { get; init; }

        /// <summary>qr-page, upload-page, api-code, api-pdf.</summary>
        public required string Channel { get; init; }

        /// <summary>The application code or the PDF's SHA-256: never personal data.</summary>
        public required string Subject { get; init; }

        public required string Outcome { get; init; }

        /// <summary>HMAC-SHA256 of the requester's IP address with a key that never leaves the process.</summary>
        public required string RequesterHash { get; init; }
    }

    internal sealed class VerificationCheckConfiguration : IEntityTypeConfiguration<VerificationCheck>
    {
        public void Configure(EntityTypeBuilder<VerificationCheck> builder)
        {
            builder.ToTable("verification_checks");
            builder.HasKey(c => c.Id);
            builder.Property(c => c.Channel).HasMaxLength(16);
            builder.Property(c => c.Subject).HasMaxLength(128);
            builder.Property(c => c.Outcome).HasMaxLength(32);
            builder.Property(c => c.RequesterHash).HasMaxLength(64);
            builder.HasIndex(c => c.CheckedAt);
        }
    }
}
