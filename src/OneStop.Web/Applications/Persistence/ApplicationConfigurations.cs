using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Web.Applications.Model;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Applications.Persistence;

internal static class ApplicationColumns
{
    public const int Code = 40;
    public const int ProcedureCode = 20;
    public const int UnitCode = 13;
    public const int IdNumber = 12;
    public const int Name = 200;
    public const int State = 40;
    public const int Actor = 80;
    public const int Note = 2000;
    public const int Key = 100;
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.ToTable("applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Code).HasMaxLength(ApplicationColumns.Code);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.ProcedureCode).HasMaxLength(ApplicationColumns.ProcedureCode);
        builder.Property(a => a.ProcedureName).HasMaxLength(500);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.ProvinceCode).HasMaxLength(2);
        builder.Property(a => a.UnitCode).HasMaxLength(ApplicationColumns.UnitCode);
        builder.Property(a => a.ApplicantCommuneCode).HasMaxLength(5);
        builder.Property(a => a.ApplicantIdNumber).HasMaxLength(ApplicationColumns.IdNumber);
        builder.Property(a => a.ApplicantName).HasMaxLength(ApplicationColumns.Name);
        builder.Property(a => a.ApplicantPhone).HasMaxLength(20);
        builder.Property(a => a.ApplicantEmail).HasMaxLength(200);
        builder.Property(a => a.ApplicantAddress).HasMaxLength(500);
        builder.Property(a => a.State).HasMaxLength(ApplicationColumns.State);
        builder.Property(a => a.Status).HasConversion<int>();
        builder.Property(a => a.AssignedOfficerId).HasMaxLength(ApplicationColumns.Actor);
        builder.Property(a => a.AssignedOfficerName).HasMaxLength(ApplicationColumns.Name);
        builder.Property(a => a.SubmissionKey).HasMaxLength(ApplicationColumns.Key);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.Ignore(a => a.IsCompleted);

        // A repeated submission with the same key finds the first one; the database refuses a second.
        builder.HasIndex(a => new { a.ApplicantIdNumber, a.SubmissionKey }).IsUnique();
        builder.HasIndex(a => new { a.ProvinceCode, a.UnitCode, a.Status });
        builder.HasIndex(a => new { a.ApplicantIdNumber, a.SubmittedAt });
        // The officers' queues read the nearest due moments first, ties by submission: with the whole order in
        // one index, a page of a province's open applications is read from the index, not sorted from all of them.
        builder.HasIndex(a => new { a.DueAt, a.SubmittedAt, a.Code });
        builder.HasIndex(a => a.AssignedOfficerId);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> builder)
    {
        builder.ToTable("application_events");
        builder.HasKey(e => e.Id);
        builder.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ApplicationId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.ApplicationId, e.RequestKey }).IsUnique();
        builder.Property(e => e.Action).HasMaxLength(ApplicationColumns.State);
        builder.Property(e => e.FromState).HasMaxLength(ApplicationColumns.State);
        builder.Property(e => e.ToState).HasMaxLength(ApplicationColumns.State);
        builder.Property(e => e.Status).HasConversion<int>();
        builder.Property(e => e.ActorId).HasMaxLength(ApplicationColumns.Actor);
        builder.Property(e => e.ActorName).HasMaxLength(ApplicationColumns.Name);
        builder.Property(e => e.ActorRole).HasMaxLength(ApplicationColumns.State);
        builder.Property(e => e.ActorUnitCode).HasMaxLength(ApplicationColumns.UnitCode);
        builder.Property(e => e.Note).HasMaxLength(ApplicationColumns.Note);
        builder.Property(e => e.RequestKey).HasMaxLength(ApplicationColumns.Key);
    }
}

internal sealed class ApplicationCodeCounterConfiguration : IEntityTypeConfiguration<ApplicationCodeCounter>
{
    public void Configure(EntityTypeBuilder<ApplicationCodeCounter> builder)
    {
        builder.ToTable("application_code_counters");
        builder.HasKey(c => new { c.UnitCode, c.Day });
        builder.Property(c => c.UnitCode).HasMaxLength(ApplicationColumns.UnitCode);
    }
}

public static class ApplicationTables
{
    extension(OneStopDbContext db)
    {
        public DbSet<Application> Applications => db.Set<Application>();

        public DbSet<ApplicationEvent> ApplicationEvents => db.Set<ApplicationEvent>();
    }
}

internal sealed class ApplicationAttachmentConfiguration : IEntityTypeConfiguration<ApplicationAttachment>
{
    public void Configure(EntityTypeBuilder<ApplicationAttachment> builder)
    {
        builder.ToTable("application_attachments");
        builder.HasKey(a => a.Id);
        builder.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.ApplicationId);
        builder.Property(a => a.DocumentKey).HasMaxLength(ApplicationColumns.Key);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(40);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.AddedBy).HasMaxLength(ApplicationColumns.Actor);
    }
}

public static class ApplicationAttachmentTables
{
    extension(OneStopDbContext db)
    {
        public DbSet<ApplicationAttachment> ApplicationAttachments => db.Set<ApplicationAttachment>();
    }
}
