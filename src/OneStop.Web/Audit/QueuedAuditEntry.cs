using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Web.Audit;

/// <summary>
/// An audit entry written in its event's own transaction and not yet in the hash chain. The
/// <see cref="AuditChainer"/> moves queued entries into <see cref="AuditEntry"/> in batches, in queue order.
/// </summary>
public sealed class QueuedAuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string ActorId { get; set; } = "";

    public string? ActorName { get; set; }

    public string Action { get; set; } = "";

    public string? Subject { get; set; }

    public string? ProvinceCode { get; set; }

    public string? UnitCode { get; set; }

    public string? Details { get; set; }
}

internal sealed class QueuedAuditEntryConfiguration : IEntityTypeConfiguration<QueuedAuditEntry>
{
    public void Configure(EntityTypeBuilder<QueuedAuditEntry> builder)
    {
        builder.ToTable("audit_queue");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.Property(e => e.ActorId).HasColumnName("actor_id").HasMaxLength(200);
        builder.Property(e => e.ActorName).HasColumnName("actor_name").HasMaxLength(200);
        builder.Property(e => e.Action).HasColumnName("action").HasMaxLength(100);
        builder.Property(e => e.Subject).HasColumnName("subject").HasMaxLength(200);
        builder.Property(e => e.ProvinceCode).HasColumnName("province_code").HasMaxLength(2);
        builder.Property(e => e.UnitCode).HasColumnName("unit_code").HasMaxLength(13);
        builder.Property(e => e.Details).HasColumnName("details");
    }
}
