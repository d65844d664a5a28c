using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Web.Registries.Population;

/// <summary>A person in the national population database (cơ sở dữ liệu quốc gia về dân cư).</summary>
public sealed class Person
{
    public required string PersonalIdNumber { get; init; }

    public required string FullName { get; init; }

    public DateOnly DateOfBirth { get; init; }

    /// <summary>"male" or "female".</summary>
    public required string Sex { get; init; }

    public required string Ethnicity { get; init; }

    // Permanent residence (thường trú): the unit codes in force since July 2025, and the old address.
    public required string PermanentProvinceCode { get; init; }

    public required string PermanentCommuneCode { get; init; }

    public required string PermanentStreet { get; init; }

    public string? PermanentOldProvinceCode { get; init; }

    public string? PermanentOldDistrictCode { get; init; }

    public string? PermanentOldCommuneCode { get; init; }

    // Temporary residence (tạm trú), when declared.
    public string? TemporaryProvinceCode { get; set; }

    public string? TemporaryCommuneCode { get; set; }

    public string? TemporaryStreet { get; set; }

    public string? TemporaryOldProvinceCode { get; set; }

    public string? TemporaryOldDistrictCode { get; set; }

    public string? TemporaryOldCommuneCode { get; set; }

    public string? HouseholdId { get; init; }

    /// <summary>head, spouse, child, parent, grandchild, other.</summary>
    public string? RelationToHead { get; init; }

    public string? FatherId { get; set; }

    public string? MotherId { get; set; }

    public DateOnly? DateOfDeath { get; init; }
}

/// <summary>A household (hộ gia đình) registered at the permanent residence of its head.</summary>
public sealed class Household
{
    public required string Id { get; init; }

    public required string HeadId { get; init; }

    public required string ProvinceCode { get; init; }

    public required string CommuneCode { get; init; }

    public required string Street { get; init; }

    public string? OldProvinceCode { get; init; }

    public string? OldDistrictCode { get; init; }

    public string? OldCommuneCode { get; init; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("population_people");
        builder.HasKey(p => p.PersonalIdNumber);
        builder.Property(p => p.PersonalIdNumber).HasMaxLength(12);
        builder.Property(p => p.FullName).HasMaxLength(100);
        builder.Property(p => p.Sex).HasMaxLength(6);
        builder.Property(p => p.Ethnicity).HasMaxLength(30);
        builder.Property(p => p.PermanentProvinceCode).HasMaxLength(2);
        builder.Property(p => p.PermanentCommuneCode).HasMaxLength(5);
        builder.Property(p => p.PermanentStreet).HasMaxLength(150);
        builder.Property(p => p.PermanentOldProvinceCode).HasMaxLength(2);
        builder.Property(p => p.PermanentOldDistrictCode).HasMaxLength(3);
        builder.Property(p => p.PermanentOldCommuneCode).HasMaxLength(5);
        builder.Property(p => p.TemporaryProvinceCode).HasMaxLength(2);
        builder.Property(p => p.TemporaryCommuneCode).HasMaxLength(5);
        builder.Property(p => p.TemporaryStreet).HasMaxLength(150);
        builder.Property(p => p.TemporaryOldProvinceCode).HasMaxLength(2);
        builder.Property(p => p.TemporaryOldDistrictCode).HasMaxLength(3);
        builder.Property(p => p.TemporaryOldCommuneCode).HasMaxLength(5);
        builder.Property(p => p.HouseholdId).HasMaxLength(12);
        builder.Property(p => p.RelationToHead).HasMaxLength(12);
        builder.Property(p => p.FatherId).HasMaxLength(12);
        builder.Property(p => p.MotherId).HasMaxLength(12);
        builder.HasIndex(p => p.HouseholdId);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("population_households");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).HasMaxLength(12);
        builder.Property(h => h.HeadId).HasMaxLength(12);
        builder.Property(h => h.ProvinceCode).HasMaxLength(2);
        builder.Property(h => h.CommuneCode).HasMaxLength(5);
        builder.Property(h => h.Street).HasMaxLength(150);
        builder.Property(h => h.OldProvinceCode).HasMaxLength(2);
        builder.Property(h => h.OldDistrictCode).HasMaxLength(3);
        builder.Property(h => h.OldCommuneCode).HasMaxLength(5);
    }
}
