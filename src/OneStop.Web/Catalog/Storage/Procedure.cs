using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Web.Catalog.Storage;

/// <summary>
/// A procedure of the catalogue: its code, which version is current, and the columns the catalogue is
/// searched and filtered on (copied from the current version when it changes).
/// </summary>
public sealed class Procedure
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public int CurrentVersion { get; set; }

    public required string NameVi { get; set; }

    public required string NameEn { get; set; }

    public required string FieldKey { get; set; }

    public required string FieldNameVi { get; set; }

    public required string FieldNameEn { get; set; }

    /// <summary>province or commune.</summary>
    public required string Level { get; set; }

    /// <summary>Code, names, field and keywords, folded (<see cref="Search.VietnameseText.Fold"/>), each word after a space.</summary>
    public required string SearchText { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ProcedureVersion> Versions { get; } = [];
}

/// <summary>
/// One published version of a procedure, never changed once written: an application keeps the version
/// it was submitted under for its whole life.
/// </summary>
public sealed class ProcedureVersion
{
    public long Id { get; set; }

    public int ProcedureId { get; set; }

    public Procedure Procedure { get; set; } = null!;

    /// <summary>1, 2, 3… per procedure.</summary>
    public int Version { get; set; }

    /// <summary>The whole definition as canonical JSON.</summary>
    public required string DefinitionJson { get; set; }

    /// <summary>SHA-256 of <see cref="DefinitionJson"/>, lower-case hex.</summary>
    public required string ContentHash { get; set; }

    /// <summary>Where it came from: <c>file:NAME</c> for the shipped or configured files, <c>import</c> for the API.</summary>
    public required string Source { get; set; }

    /// <summary>Who imported it (the administrator's name or identifier); empty for files.</summary>
    public string? ImportedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.ToTable("procedures");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("id");
        builder.Property(p => p.Code).HasColumnName("code").HasMaxLength(16);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.CurrentVersion).HasColumnName("current_version");
        builder.Property(p => p.NameVi).HasColumnName("name_vi").HasMaxLength(500);
        builder.Property(p => p.NameEn).HasColumnName("name_en").HasMaxLength(500);
        builder.Property(p => p.FieldKey).HasColumnName("field_key").HasMaxLength(100);
        builder.HasIndex(p => p.FieldKey);
        builder.Property(p => p.FieldNameVi).HasColumnName("field_name_vi").HasMaxLength(200);
        builder.Property(p => p.FieldNameEn).HasColumnName("field_name_en").HasMaxLength(200);
        builder.Property(p => p.Level).HasColumnName("level").HasMaxLength(20);
        builder.Property(p => p.SearchText).HasColumnName("search_text").HasMaxLength(4000);
        builder.Property(p => p.UpdatedAt).HasColumnName("updated_at");
        builder.HasMany(p => p.Versions).WithOne(v => v.Procedure).HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersion>
{
    public void Configure(EntityTypeBuilder<ProcedureVersion> builder)
    {
        builder.ToTable("procedure_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).HasColumnName("id");
        builder.Property(v => v.ProcedureId).HasColumnName("procedure_id");
        builder.Property(v => v.Version).HasColumnName("version");
        builder.HasIndex(v => new { v.ProcedureId, v.Version }).IsUnique();
        builder.Property(v => v.DefinitionJson).HasColumnName("definition_json");
        builder.Property(v => v.ContentHash).HasColumnName("content_hash").HasMaxLength(64);
        builder.HasIndex(v => new { v.ProcedureId, v.ContentHash });
        builder.Property(v => v.Source).HasColumnName("source").HasMaxLength(300);
        builder.Property(v => v.ImportedBy).HasColumnName("imported_by").HasMaxLength(200);
        builder.Property(v => v.CreatedAt).HasColumnName("created_at");
    }
}
