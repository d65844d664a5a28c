using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Web.Exchange.Log;

/// <summary>
/// One exchange through the gateway (nhật ký khai thác dữ liệu): who asked, of whom, what, why, when, and
/// the digests of what was sent and received. Entries are numbered without gaps and hash-chained; seals
/// signed by the gateway close batches of them (ADR 0042).
/// </summary>
public sealed class ExchangeLogEntry
{
    public long Sequence { get; set; }

    public Guid RequestId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public required string ClientSystem { get; init; }

    /// <summary>"citizen:{ID number}" or "officer:{id}@{unit}".</summary>
    public required string EndUser { get; init; }

    /// <summary>The officer's unit, or null for a citizen.</summary>
    public string? EndUserUnit { get; init; }

    public required string Registry { get; init; }

    public required string Service { get; init; }

    public required string SubjectId { get; init; }

    public required string Purpose { get; init; }

    public required string LegalBasis { get; init; }

    public required string ApplicationCode { get; init; }

    /// <summary>The fields delivered (or asked, when refused), comma-separated.</summary>
    public required string Fields { get; init; }

    /// <summary>delivered, not-found, refused, unavailable.</summary>
    public required string Outcome { get; init; }

    public string? Reason { get; init; }

    /// <summary>The people whose data the answer holds, comma-separated ID numbers.</summary>
    public required string DataSubjects { get; init; }

    /// <summary>SHA-256 (hex) of the signed request as sent.</summary>
    public required string RequestDigest { get; init; }

    /// <summary>SHA-256 (hex) of the registry's answer as received, or empty when none came.</summary>
    public required string ResponseDigest { get; init; }

    /// <summary>The registry's detached signature of its answer (proof of what it said).</summary>
    public string? ResponseSignature { get; init; }

    /// <summary>The signed request, kept only for services logged in full.</summary>
    public string? RequestBody { get; init; }

    /// <summary>The answer as received, kept only for services logged in full.</summary>
    public string? ResponseBody { get; init; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}

/// <summary>Which entries hold a person's data, so "who used my data" is one indexed look-up.</summary>
public sealed class ExchangeLogDataSubject
{
    public required string PersonalIdNumber { get; init; }

    public long Sequence { get; init; }
}

/// <summary>A seal: the chain head and Merkle root of entries <see cref="FromSequence"/>..<see cref="ToSequence"/>, signed by the gateway.</summary>
public sealed class ExchangeLogSeal
{
    public long Id { get; set; }

    public long FromSequence { get; init; }

    public long ToSequence { get; init; }

    public required string ChainHead { get; init; }

    public required string MerkleRoot { get; init; }

    public DateTimeOffset SealedAt { get; init; }

    /// <summary>A compact JWS of the seal's values, signed with the gateway key.</summary>
    public required string Signature { get; init; }
}

/// <summary>A demo key of the gateway, generated on first run; production keys come from files.</summary>
public sealed class ExchangeKey
{
    public required string Id { get; init; }

    public required string PrivateKeyPem { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class ExchangeLogEntryConfiguration : IEntityTypeConfiguration<ExchangeLogEntry>
{
    public void Configure(EntityTypeBuilder<ExchangeLogEntry> builder)
    {
        builder.ToTable("exchange_log_entries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ClientSystem).HasMaxLength(64);
        builder.Property(e => e.EndUser).HasMaxLength(140);
        builder.Property(e => e.EndUserUnit).HasMaxLength(20);
        builder.Property(e => e.Registry).HasMaxLength(20);
        builder.Property(e => e.Service).HasMaxLength(40);
        builder.Property(e => e.SubjectId).HasMaxLength(14);
        builder.Property(e => e.Purpose).HasMaxLength(40);
        builder.Property(e => e.LegalBasis).HasMaxLength(30);
        builder.Property(e => e.ApplicationCode).HasMaxLength(60);
        builder.Property(e => e.Fields).HasMaxLength(400);
        builder.Property(e => e.Outcome).HasMaxLength(12);
        builder.Property(e => e.Reason).HasMaxLength(400);
        builder.Property(e => e.RequestDigest).HasMaxLength(64);
        builder.Property(e => e.ResponseDigest).HasMaxLength(64);
        builder.Property(e => e.ResponseSignature).HasMaxLength(200);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.RequestId).IsUnique();
        builder.HasIndex(e => e.ApplicationCode);
    }
}

internal sealed class ExchangeLogDataSubjectConfiguration : IEntityTypeConfiguration<ExchangeLogDataSubject>
{
    public void Configure(EntityTypeBuilder<ExchangeLogDataSubject> builder)
    {
        builder.ToTable("exchange_log_data_subjects");
        builder.HasKey(s => new { s.PersonalIdNumber, s.Sequence });
        builder.Property(s => s.PersonalIdNumber).HasMaxLength(12);
    }
}

internal sealed class ExchangeLogSealConfiguration : IEntityTypeConfiguration<ExchangeLogSeal>
{
    public void Configure(EntityTypeBuilder<ExchangeLogSeal> builder)
    {
        builder.ToTable("exchange_log_seals");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ChainHead).HasMaxLength(64);
        builder.Property(s => s.MerkleRoot).HasMaxLength(64);
        builder.Property(s => s.Signature).HasMaxLength(1000);
        builder.HasIndex(s => s.ToSequence).IsUnique();
    }
}

internal sealed class ExchangeKeyConfiguration : IEntityTypeConfiguration<ExchangeKey>
{
    public void Configure(EntityTypeBuilder<ExchangeKey> builder)
    {
        builder.ToTable("exchange_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(64);
        builder.Property(k => k.PrivateKeyPem).HasMaxLength(400);
    }
}
