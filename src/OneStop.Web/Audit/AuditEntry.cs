using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Web.Audit;

/// <summary>
/// One line of the audit log (nhật ký). Entries are only ever appended; each carries the hash of the
/// one before it, so that altering, deleting or reordering any entry breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3… without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, to the millisecond (what every provider stores exactly).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Who did it: <c>officer:{id}</c>, <c>citizen:{pid}</c>, <c>system</c> or <c>anonymous</c>.</summary>
    public string ActorId { get; set; } = "";

    public string? ActorName { get; set; }

    /// <summary>What happened, as <c>capability.event</c> (e.g. <c>identity.sign-in</c>).</summary>
    public string Action { get; set; } = "";

    /// <summary>What it is about (e.g. <c>officer:{id}</c>, <c>application:{code}</c>).</summary>
    public string? Subject { get; set; }

    public string? ProvinceCode { get; set; }

    public string? UnitCode { get; set; }

    /// <summary>A JSON object of strings with its keys in ordinal order, or null.</summary>
    public string? Details { get; set; }

    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 (lower-case hex) of the entry's canonical form, which includes <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>The end of the chain: the last sequence number and hash. Its row is also the append lock.</summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).HasColumnName("sequence").ValueGeneratedNever();
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.Property(e => e.ActorId).HasColumnName("actor_id").HasMaxLength(200);
        builder.Property(e => e.ActorName).HasColumnName("actor_name").HasMaxLength(200);
        builder.Property(e => e.Action).HasColumnName("action").HasMaxLength(100);
        builder.Property(e => e.Subject).HasColumnName("subject").HasMaxLength(200);
        builder.Property(e => e.ProvinceCode).HasColumnName("province_code").HasMaxLength(2);
        builder.Property(e => e.UnitCode).HasColumnName("unit_code").HasMaxLength(13);
        builder.Property(e => e.Details).HasColumnName("details");
        builder.Property(e => e.PreviousHash).HasColumnName("previous_hash").HasMaxLength(64);
        builder.Property(e => e.Hash).HasColumnName("hash").HasMaxLength(64);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.ProvinceCode, e.UnitCode });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("audit_chain_head");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(h => h.LastSequence).HasColumnName("last_sequence");
        builder.Property(h => h.LastHash).HasColumnName("last_hash").HasMaxLength(64);
        builder.HasData(new AuditChainHead { Id = AuditChainHead.SingletonId, LastSequence = 0, LastHash = AuditHash.Genesis });
    }
}
