using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Web.Registries.Population;

/// <summary><c>population.person</c>: a person's identity, residence, household and parents.</summary>
internal sealed class PersonService(RegistriesDbContext db, TimeProvider time) : IRegistryService
{
    public const string ServiceName = "population.person";

    public string Registry => "population";

    public string Name => ServiceName;

    public string? ValidateSubject(string subject) => PersonalIdNumber.Validate(subject, time.GetUtcNow().Year);

    public async Task<RegistryRecord?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        var person = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.PersonalIdNumber == subject, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var record = new JsonObject
        {
            ["personalIdNumber"] = person.PersonalIdNumber,
            ["fullName"] = person.FullName,
            ["dateOfBirth"] = RecordJson.Date(person.DateOfBirth),
            ["sex"] = person.Sex,
            ["ethnicity"] = person.Ethnicity,
            ["permanentResidence"] = RecordJson.Address(
                person.PermanentProvinceCode, person.PermanentCommuneCode, person.PermanentStreet,
                person.PermanentOldProvinceCode, person.PermanentOldDistrictCode, person.PermanentOldCommuneCode),
            ["temporaryResidence"] = person.TemporaryCommuneCode is null
                ? null
                : RecordJson.Address(
                    person.TemporaryProvinceCode!, person.TemporaryCommuneCode, person.TemporaryStreet!,
                    person.TemporaryOldProvinceCode, person.TemporaryOldDistrictCode, person.TemporaryOldCommuneCode),
            ["householdId"] = person.HouseholdId,
            ["relationToHead"] = person.RelationToHead,
            ["fatherId"] = person.FatherId,
            ["motherId"] = person.MotherId,
            ["dateOfDeath"] = RecordJson.Date(person.DateOfDeath),
        };
        return new RegistryRecord(record, [person.PersonalIdNumber]);
    }
}

/// <summary><c>population.household</c>: the household a person belongs to, with its members.</summary>
internal sealed class HouseholdService(RegistriesDbContext db, TimeProvider time) : IRegistryService
{
    public const string ServiceName = "population.household";

    public string Registry => "population";

    public string Name => ServiceName;

    public string? ValidateSubject(string subject) => PersonalIdNumber.Validate(subject, time.GetUtcNow().Year);

    public async Task<RegistryRecord?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        var householdId = await db.Set<Person>().AsNoTracking()
            .Where(p => p.PersonalIdNumber == subject)
            .Select(p => p.HouseholdId)
            .FirstOrDefaultAsync(cancellationToken);
        if (householdId is null)
        {
            return null;
        }

        var household = await db.Set<Household>().AsNoTracking().FirstAsync(h => h.Id == householdId, cancellationToken);
        var members = await db.Set<Person>().AsNoTracking()
            .Where(p => p.HouseholdId == householdId)
            .OrderBy(p => p.DateOfBirth)
            .Select(p => new { p.PersonalIdNumber, p.FullName, p.DateOfBirth, p.RelationToHead })
            .ToListAsync(cancellationToken);
        var record = new JsonObject
        {
            ["householdId"] = household.Id,
            ["headId"] = household.HeadId,
            ["address"] = RecordJson.Address(
                household.ProvinceCode, household.CommuneCode, household.Street,
                household.OldProvinceCode, household.OldDistrictCode, household.OldCommuneCode),
            ["members"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject
            {
                ["personalIdNumber"] = m.PersonalIdNumber,
                ["fullName"] = m.FullName,
                ["dateOfBirth"] = RecordJson.Date(m.DateOfBirth),
                ["relationToHead"] = m.RelationToHead,
            })]),
        };
        return new RegistryRecord(record, [.. members.Select(m => m.PersonalIdNumber)]);
    }
}
