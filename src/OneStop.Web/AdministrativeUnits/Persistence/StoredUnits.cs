using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.AdministrativeUnits.Persistence;

// The database copy of the directory, so that reports can join applications and statistics on the
// units. The in-memory directory is the source every request reads; these tables are rebuilt from
// it whenever the shipped data changes (see docs/adr/0010-administrative-unit-directory.md).
// They have keys and indexes but no foreign keys: the loader checks more than constraints could,
// PostgreSQL's per-row constraint checks made the bulk load quadratic on freshly filled tables, and
// other tables keep unit codes as plain values, since the copy is replaced whole.

/// <summary>A set of units in force from a date (<c>administrative_unit_sets</c>).</summary>
public sealed class StoredUnitSet
{
    public required string Code { get; init; }

    /// <summary>Null for the set before the reform: it answers for every date before 1 July 2025.</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>The first day the next set is in force (exclusive end); null for the set in force now.</summary>
    public DateOnly? EffectiveUntil { get; init; }

    public DateOnly DataAsOf { get; init; }

    public bool HasDistricts { get; init; }

    public required string Description { get; init; }

    public required string LegalBasis { get; init; }
}

/// <summary>One unit of one set (<c>administrative_units</c>); the key is the set and the code.</summary>
public sealed class StoredUnit
{
    public required string SetCode { get; init; }

    public required string Code { get; init; }

    /// <summary>province, district or commune.</summary>
    public required string Level { get; init; }

    /// <summary>municipality, province, urban-district, rural-district, town, city, ward, commune, township, special-zone.</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }

    public required string FullName { get; init; }

    public required string NameEn { get; init; }

    public required string FullNameEn { get; init; }

    /// <summary>"Phường Ba Đình, Thành phố Hà Nội"</summary>
    public required string QualifiedName { get; init; }

    /// <summary>The full name without diacritics, lower case, for reports that search by name.</summary>
    public required string SearchName { get; init; }

    public string? ParentCode { get; init; }

    public required string ProvinceCode { get; init; }

    public string? DistrictCode { get; init; }
}

/// <summary>An old unit that went wholly or partly into a unit of the next set (<c>administrative_unit_successions</c>).</summary>
public sealed class StoredSuccession
{
    public required string FromSetCode { get; init; }

    public required string FromCode { get; init; }

    public required string ToSetCode { get; init; }

    public required string ToCode { get; init; }

    /// <summary>full or partial.</summary>
    public required string Kind { get; init; }
}

/// <summary>Which version of the shipped data the tables hold (<c>administrative_unit_imports</c>).</summary>
public sealed class UnitDataImport
{
    public const string CurrentName = "administrative-units";

    public required string Name { get; init; }

    public required string ContentHash { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public int Units { get; set; }

    public int Successions { get; set; }
}

/// <summary>The tables as sets of <see cref="OneStopDbContext"/>, without Shared knowing this capability.</summary>
public static class AdministrativeUnitTables
{
    extension(OneStopDbContext db)
    {
        public DbSet<StoredUnitSet> AdministrativeUnitSets => db.Set<StoredUnitSet>();

        public DbSet<StoredUnit> AdministrativeUnits => db.Set<StoredUnit>();

        public DbSet<StoredSuccession> AdministrativeUnitSuccessions => db.Set<StoredSuccession>();

        public DbSet<UnitDataImport> AdministrativeUnitImports => db.Set<UnitDataImport>();
    }
}

internal sealed class StoredUnitSetConfiguration : IEntityTypeConfiguration<StoredUnitSet>
{
    public void Configure(EntityTypeBuilder<StoredUnitSet> builder)
    {
        builder.ToTable("administrative_unit_sets");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasColumnName("code").HasMaxLength(10);
        builder.Property(s => s.EffectiveFrom).HasColumnName("effective_from");
        builder.Property(s => s.EffectiveUntil).HasColumnName("effective_until");
        builder.Property(s => s.DataAsOf).HasColumnName("data_as_of");
        builder.Property(s => s.HasDistricts).HasColumnName("has_districts");
        builder.Property(s => s.Description).HasColumnName("description").HasMaxLength(200);
        builder.Property(s => s.LegalBasis).HasColumnName("legal_basis").HasMaxLength(200);
    }
}

internal sealed class StoredUnitConfiguration : IEntityTypeConfiguration<StoredUnit>
{
    public void Configure(EntityTypeBuilder<StoredUnit> builder)
    {
        builder.ToTable("administrative_units");
        builder.HasKey(u => new { u.SetCode, u.Code });
        builder.Property(u => u.SetCode).HasColumnName("set_code").HasMaxLength(10);
        builder.Property(u => u.Code).HasColumnName("code").HasMaxLength(5);
        builder.Property(u => u.Level).HasColumnName("level").HasMaxLength(10);
        builder.Property(u => u.Type).HasColumnName("type").HasMaxLength(20);
        builder.Property(u => u.Name).HasColumnName("name").HasMaxLength(100);
        builder.Property(u => u.FullName).HasColumnName("full_name").HasMaxLength(120);
        builder.Property(u => u.NameEn).HasColumnName("name_en").HasMaxLength(100);
        builder.Property(u => u.FullNameEn).HasColumnName("full_name_en").HasMaxLength(150);
        builder.Property(u => u.QualifiedName).HasColumnName("qualified_name").HasMaxLength(300);
        builder.Property(u => u.SearchName).HasColumnName("search_name").HasMaxLength(120);
        builder.Property(u => u.ParentCode).HasColumnName("parent_code").HasMaxLength(5);
        builder.Property(u => u.ProvinceCode).HasColumnName("province_code").HasMaxLength(2);
        builder.Property(u => u.DistrictCode).HasColumnName("district_code").HasMaxLength(3);
        builder.HasIndex(u => new { u.SetCode, u.ProvinceCode });
        builder.HasIndex(u => new { u.SetCode, u.ParentCode });
    }
}

internal sealed class StoredSuccessionConfiguration : IEntityTypeConfiguration<StoredSuccession>
{
    public void Configure(EntityTypeBuilder<StoredSuccession> builder)
    {
        builder.ToTable("administrative_unit_successions");
        builder.HasKey(s => new { s.FromSetCode, s.FromCode, s.ToSetCode, s.ToCode });
        builder.Property(s => s.FromSetCode).HasColumnName("from_set_code").HasMaxLength(10);
        builder.Property(s => s.FromCode).HasColumnName("from_code").HasMaxLength(5);
        builder.Property(s => s.ToSetCode).HasColumnName("to_set_code").HasMaxLength(10);
        builder.Property(s => s.ToCode).HasColumnName("to_code").HasMaxLength(5);
        builder.Property(s => s.Kind).HasColumnName("kind").HasMaxLength(10);
        builder.HasIndex(s => new { s.ToSetCode, s.ToCode });
    }
}

internal sealed class UnitDataImportConfiguration : IEntityTypeConfiguration<UnitDataImport>
{
    public void Configure(EntityTypeBuilder<UnitDataImport> builder)
    {
        builder.ToTable("administrative_unit_imports");
        builder.HasKey(i => i.Name);
        builder.Property(i => i.Name).HasColumnName("name").HasMaxLength(50);
        builder.Property(i => i.ContentHash).HasColumnName("content_hash").HasMaxLength(64);
        builder.Property(i => i.ImportedAt).HasColumnName("imported_at");
        builder.Property(i => i.Units).HasColumnName("units");
        builder.Property(i => i.Successions).HasColumnName("successions");
    }
}
