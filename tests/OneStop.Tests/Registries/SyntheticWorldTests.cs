using OneStop.Web.Registries.Protocol;
using OneStop.Web.Registries.Synthetic;

namespace OneStop.Tests.Registries;

/// <summary>The synthetic world is the same on every run and its registries agree with each other.</summary>
public sealed class SyntheticWorldTests
{
    private static readonly Lazy<AddressBook> Book = new(AddressBook.LoadShipped);

    [Fact]
    public void The_program_carries_the_same_unit_files_as_the_repository()
    {
        var folder = AddressBook.Load(Path.Combine(Repository.Root, "src", "OneStop.Web", "AdministrativeUnits", "Data"));

        Assert.Equal(folder.Communes.Count, Book.Value.Communes.Count);
        Assert.Equal(folder.ProvinceNames, Book.Value.ProvinceNames);
        Assert.Equal(
            folder.Communes.Select(c => $"{c.Code} {c.Name} ← {string.Join(",", c.Predecessors.Select(p => p.Code))}"),
            Book.Value.Communes.Select(c => $"{c.Code} {c.Name} ← {string.Join(",", c.Predecessors.Select(p => p.Code))}"));
        Assert.Equal(34, Book.Value.ProvinceNames.Count);
    }

    private static WorldBatch Generate(int people)
    {
        var all = new WorldBatch();
        foreach (var batch in new SyntheticWorld(Book.Value, 20250701, "33").Generate(people, 700))
        {
            all.People.AddRange(batch.People);
            all.Households.AddRange(batch.Households);
            all.Enterprises.AddRange(batch.Enterprises);
            all.Parcels.AddRange(batch.Parcels);
            all.ParcelOwners.AddRange(batch.ParcelOwners);
            all.Events.AddRange(batch.Events);
            all.Convictions.AddRange(batch.Convictions);
        }

        return all;
    }

    [Fact]
    public void The_same_seed_gives_the_same_world()
    {
        var first = Generate(800);
        var second = Generate(800);

        Assert.Equal(first.People.Select(p => $"{p.PersonalIdNumber} {p.FullName} {p.DateOfBirth} {p.PermanentCommuneCode}"),
            second.People.Select(p => $"{p.PersonalIdNumber} {p.FullName} {p.DateOfBirth} {p.PermanentCommuneCode}"));
        Assert.Equal(first.Enterprises.Select(e => e.TaxCode), second.Enterprises.Select(e => e.TaxCode));
    }

    [Fact]
    public void The_registries_agree_with_each_other()
    {
        var world = Generate(3000);
        var people = world.People.ToDictionary(p => p.PersonalIdNumber);

        Assert.Equal(3000, world.People.Count);
        Assert.All(world.People, p => Assert.Null(PersonalIdNumber.Validate(p.PersonalIdNumber, 2026)));
        Assert.All(world.People, p => Assert.Equal(PersonalIdNumber.BirthYear(p.PersonalIdNumber), p.DateOfBirth.Year));
        Assert.All(world.People, p => Assert.Equal(p.Sex == "female", PersonalIdNumber.IsFemale(p.PersonalIdNumber)));
        Assert.All(world.People.Where(p => p.FatherId is not null), p => Assert.Contains(p.FatherId!, people));
        Assert.All(world.People.Where(p => p.MotherId is not null), p => Assert.Contains(p.MotherId!, people));
        Assert.All(world.People.Where(p => p.HouseholdId is not null), p => Assert.Contains(world.Households, h => h.Id == p.HouseholdId));
        Assert.All(world.People.Where(p => p.DateOfDeath is not null), p =>
        {
            Assert.Null(p.HouseholdId);
            Assert.Contains(world.Events, e => e.Kind == "death" && e.PersonId == p.PersonalIdNumber && e.Date == p.DateOfDeath);
        });
        Assert.All(world.Events, e =>
        {
            Assert.Contains(e.PersonId, people);
            Assert.True(e.SpouseId is null || people.ContainsKey(e.SpouseId));
        });
        Assert.All(world.Enterprises, e => Assert.Contains(e.LegalRepresentativeId, people));
        Assert.All(world.ParcelOwners, o => Assert.Contains(o.OwnerId, people));
        Assert.All(world.Convictions, c => Assert.True(people[c.PersonId].DateOfBirth.AddYears(18) <= c.JudgmentDate));
        Assert.Equal(world.People.Count, world.People.Select(p => p.PersonalIdNumber).Distinct().Count());
        Assert.Equal(world.Enterprises.Count, world.Enterprises.Select(e => e.TaxCode).Distinct().Count());
        Assert.Equal(world.Parcels.Count, world.Parcels.Select(p => p.Id).Distinct().Count());
        Assert.Equal(world.Parcels.Count, world.Parcels.Select(p => p.CertificateNumber).Distinct().Count());

        // Addresses carry real unit codes, new and old.
        var communes = Book.Value.Communes.ToDictionary(c => c.Code);
        Assert.All(world.People, p => Assert.Equal(communes[p.PermanentCommuneCode].ProvinceCode, p.PermanentProvinceCode));
        Assert.True(world.People.Count(p => p.PermanentOldCommuneCode is not null) > world.People.Count * 9 / 10);
        Assert.True(world.People.Count(p => p.PermanentProvinceCode == "33") > world.People.Count * 7 / 10);
        Assert.NotEmpty(world.Convictions);
        Assert.Contains(world.Events, e => e.Kind == "divorce");
        Assert.Contains(world.People, p => p.TemporaryCommuneCode is not null);
    }

    [Fact]
    public void The_demo_people_come_first()
    {
        var world = Generate(50);
        var an = world.People.Single(p => p.PersonalIdNumber == DemoPeople.An);

        Assert.Equal("Nguyễn Văn An", an.FullName);
        Assert.Equal(DemoPeople.Commune, an.PermanentCommuneCode);
        Assert.Contains(world.Enterprises, e => e.LegalRepresentativeId == DemoPeople.An && e.Type == "household-business" && e.TaxCode == DemoPeople.AnBusinessTaxCode);
        Assert.Contains(world.Enterprises, e => e.TaxCode == DemoPeople.HoaCompanyTaxCode + "-001" && e.ParentTaxCode == DemoPeople.HoaCompanyTaxCode);
        Assert.Contains(world.Convictions, c => c.PersonId == DemoPeople.Dung && !c.Expunged);
        Assert.Contains(world.Enterprises, e => e.LegalRepresentativeId == DemoPeople.Hoa && e.ParentTaxCode is not null);
    }
}
