using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Web.Applications.Model;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Applications.Persistence;

internal sealed class ApplicationDraftConfiguration : IEntityTypeConfiguration<ApplicationDraft>
{
    public void Configure(EntityTypeBuilder<ApplicationDraft> builder)
    {
        builder.ToTable("application_drafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.CitizenIdNumber).HasMaxLength(ApplicationColumns.IdNumber);
        builder.Property(d => d.CitizenName).HasMaxLength(ApplicationColumns.Name);
        builder.Property(d => d.ProcedureCode).HasMaxLength(ApplicationColumns.ProcedureCode);
        builder.Property(d => d.ProcedureName).HasMaxLength(500);
        builder.Property(d => d.CommuneCode).HasMaxLength(5);
        builder.Property(d => d.Phone).HasMaxLength(20);
        builder.Property(d => d.Email).HasMaxLength(200);
        builder.Property(d => d.CurrentPage).HasMaxLength(ApplicationColumns.Key);
        builder.Property(d => d.SubmissionToken).HasMaxLength(ApplicationColumns.Key);
        builder.HasIndex(d => new { d.CitizenIdNumber, d.UpdatedAt });
    }
}

internal sealed class ApplicationDraftFileConfiguration : IEntityTypeConfiguration<ApplicationDraftFile>
{
    public void Configure(EntityTypeBuilder<ApplicationDraftFile> builder)
    {
        builder.ToTable("application_draft_files");
        builder.HasKey(f => f.Id);
        builder.HasOne<ApplicationDraft>().WithMany().HasForeignKey(f => f.DraftId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.DraftId, f.DocumentKey }).IsUnique();
        builder.Property(f => f.DocumentKey).HasMaxLength(ApplicationColumns.Key);
        builder.Property(f => f.FileName).HasMaxLength(200);
        builder.Property(f => f.ContentType).HasMaxLength(40);
    }
}

public static class PortalTables
{
    extension(OneStopDbContext db)
    {
        public DbSet<ApplicationDraft> ApplicationDrafts => db.Set<ApplicationDraft>();

        public DbSet<ApplicationDraftFile> ApplicationDraftFiles => db.Set<ApplicationDraftFile>();
    }
}
