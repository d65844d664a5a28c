using System.Globalization;
using Bogus;
using Bogus.Bson;
using OneStop.Web.Registries.CivilStatus;
using OneStop.Web.Registries.Enterprise;
using OneStop.Web.Registries.JudicialRecords;
using OneStop.Web.Registries.Land;
using OneStop.Web.Registries.Population;
using OneStop.Web.Registries.Protocol;
using Person = OneStop.Web.Registries.Population.Person;

namespace OneStop.Web.Registries.Synthetic;

/// <summary>Rows for every registry, generated together so they agree with each other.</summary>
public sealed class WorldBatch
{
    public List<Person> People { get; } = [];

    public List<Household> Households { get; } = [];

    public List<Enterprise.Enterprise> Enterprises { get; } = [];

    public List<Parcel> Parcels { get; } = [];

    public List<ParcelOwner> ParcelOwners { get; } = [];

    public List<CivilStatusEvent> Events { get; } = [];

    public List<Conviction> Convictions { get; } = [];
}

/// <summary>
/// A deterministic synthetic country: households of people with real unit codes (new and old), whose
/// births, marriages, divorces and deaths are in civil status, whose parcels are in land, whose businesses
/// are in enterprise and whose convictions are in judicial records. The same seed and size give the same
/// rows on every machine and every day (the world is "as of" a fixed date). Generated household by
/// household and handed out in batches, so a million people never sit in memory at once.
/// </summary>
public sealed class SyntheticWorld
{
    /// <summary>The day the synthetic world describes; fixed so the data never depend on the clock.</summary>
    public static readonly DateOnly AsOf = new(2026, 1, 1);

    private static readonly (string Name, double Weight)[] Ethnicities =
    [
        ("Kinh", 85.3), ("Tày", 1.9), ("Thái", 1.9), ("Mường", 1.5), ("H'Mông", 1.5), ("Khmer", 1.4),
        ("Nùng", 1.1), ("Dao", 0.9), ("Hoa", 0.8), ("Gia Rai", 0.5), ("Ê Đê", 0.4), ("Ba Na", 0.3),
    ];

    private static readonly string[] Trades = ["Thương mại", "Xây dựng", "Dịch vụ", "Sản xuất", "Nông sản", "Vận tải", "Công nghệ", "May mặc", "Thực phẩm", "Cơ khí"];

    private static readonly string[] Offences =
    [
        "Điều 173 - Tội trộm cắp tài sản", "Điều 174 - Tội lừa đảo chiếm đoạt tài sản", "Điều 134 - Tội cố ý gây thương tích",
        "Điều 260 - Tội vi phạm quy định về tham gia giao thông đường bộ", "Điều 321 - Tội đánh bạc", "Điều 249 - Tội tàng trữ trái phép chất ma túy",
    ];

    private static readonly string[] Sentences =
    [
        "12 tháng tù cho hưởng án treo", "Phạt tiền 20.000.000 đồng", "24 tháng tù", "Cải tạo không giam giữ 18 tháng", "6 tháng tù",
    ];

    private readonly AddressBook _book;
    private readonly Randomizer _random;
    private readonly string _homeProvince;
    private readonly IReadOnlyList<NewCommune> _homeCommunes;
    private readonly string[] _lastNames;
    private readonly string[] _maleNames;
    private readonly string[] _femaleNames;
    private readonly double _ethnicityTotal = Ethnicities.Sum(e => e.Weight);
    private readonly Dictionary<string, int> _serials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _parcelCounters = new(StringComparer.Ordinal);
    private long _households = 100; // the demo people's households come first
    private long _taxStem = 90_000_000; // 09… : the tax office prefix of Hưng Yên
    private int _certificates;
    private long _events;
    private long _convictions;

    public SyntheticWorld(AddressBook book, int seed, string homeProvince)
    {
        _book = book;
        _random = new Randomizer(seed);
        _homeProvince = homeProvince;
        _homeCommunes = book.ByProvince.TryGetValue(homeProvince, out var communes)
            ? communes
            : throw new InvalidOperationException($"The home province '{homeProvince}' has no communes in the address data.");
        var names = (BObject)Database.GetLocale("vi")["name"];
        _lastNames = Strings((BArray)names["last_name"]);
        _maleNames = Strings((BArray)names["male_first_name"]);
        _femaleNames = Strings((BArray)names["female_first_name"]);
    }

    /// <summary>The demo people of <see cref="DemoPeople"/> first, then generated households up to <paramref name="people"/> people.</summary>
    public IEnumerable<WorldBatch> Generate(int people, int batchSize)
    {
        var batch = new WorldBatch();
        DemoPeople.AddTo(batch, this);
        var count = batch.People.Count;
        while (count < people)
        {
            var before = batch.People.Count;
            AddHousehold(batch, people - count);
            count += batch.People.Count - before;
            if (batch.People.Count >= batchSize)
            {
                yield return batch;
                batch = new WorldBatch();
            }
        }

        if (batch.People.Count > 0)
        {
            yield return batch;
        }
    }

    internal NewCommune Commune(string code) =>
        _book.Communes.FirstOrDefault(c => c.Code == code) ?? throw new InvalidOperationException($"The commune {code} is not in the address data.");

    internal string NextTaxCode()
    {
        while (true)
        {
            var code = TaxCode.Compose(++_taxStem);
            if (code is not null)
            {
                return code;
            }
        }
    }

    internal string NextCertificate()
    {
        var n = _certificates++;
        var series = (char)('A' + (n / 1_000_000 % 26));
        return string.Create(CultureInfo.InvariantCulture, $"C{series} {n % 1_000_000:000000}");
    }

    internal long NextEventId() => ++_events;

    internal long NextConvictionId() => ++_convictions;

    internal (int Sheet, int Number) NextParcel(string commune)
    {
        _parcelCounters.TryGetValue(commune, out var n);
        _parcelCounters[commune] = n + 1;
        return (1 + (n / 400), 1 + (n % 400));
    }

    internal string ProvinceName(string code) => _book.ProvinceNames.GetValueOrDefault(code, code);

    private void AddHousehold(WorldBatch batch, int room)
    {
        var home = _random.Bool(0.85f) ? Pick(_homeCommunes) : Pick(_book.Communes);
        var old = home.Predecessors.Count > 0 ? Pick(home.Predecessors) : null;
        var street = Street(home);
        var householdId = string.Create(CultureInfo.InvariantCulture, $"HK{++_households:0000000000}");
        var address = new Residence(home, old, street);

        var headMale = _random.Bool(0.75f);
        var headBirth = BirthDate(25, 75);
        var familyName = _random.ArrayElement(_lastNames);
        var head = NewPerson(batch, familyName, headMale, headBirth, address, householdId, "head", null, null);
        var members = 1;

        // The head's parents: living ones share the household, the dead are in the registers too.
        if (room > 3 && _random.Bool(0.35f) && headBirth.Year > 1955)
        {
            var fatherBirth = headBirth.AddYears(-_random.Number(22, 35)).AddDays(_random.Number(0, 300));
            var motherBirth = fatherBirth.AddYears(_random.Number(-2, 4)).AddDays(_random.Number(0, 300));
            var fatherDead = _random.Bool(0.5f);
            var motherDead = _random.Bool(0.25f);
            var father = NewPerson(batch, headMale ? familyName : _random.ArrayElement(_lastNames), true, fatherBirth, address,
                fatherDead ? null : householdId, fatherDead ? null : "parent", null, null,
                fatherDead ? Between(headBirth.AddYears(5), AsOf.AddDays(-30)) : null);
            var mother = NewPerson(batch, _random.ArrayElement(_lastNames), false, motherBirth, address,
                motherDead ? null : householdId, motherDead ? null : "parent", null, null,
                motherDead ? Between(headBirth.AddYears(5), AsOf.AddDays(-30)) : null);
            members += (fatherDead ? 0 : 1) + (motherDead ? 0 : 1);
            Marriage(batch, father, mother, Between(motherBirth.AddYears(19), headBirth.AddDays(-60)), home);
            head.FatherId = father.PersonalIdNumber;
            head.MotherId = mother.PersonalIdNumber;
            Birth(batch, head, home);
            Deaths(batch, home, father, mother);
        }
        else
        {
            Birth(batch, head, home);
        }

        var adults = new List<Person> { head };
        if (room - members > 1 && _random.Bool(0.75f))
        {
            var spouseBirth = headBirth.AddYears(headMale ? _random.Number(-6, 1) : _random.Number(-1, 6)).AddDays(_random.Number(0, 300));
            var wifeBirth = headMale ? spouseBirth : headBirth;
            var husbandBirth = headMale ? headBirth : spouseBirth;
            var married = Max(wifeBirth.AddYears(_random.Number(20, 28)), husbandBirth.AddYears(20)).AddDays(_random.Number(0, 300));
            if (married < AsOf)
            {
                var divorced = _random.Bool(0.06f);
                var spouse = NewPerson(batch, _random.ArrayElement(_lastNames), !headMale, spouseBirth,
                    divorced ? new Residence(home, old, Street(home)) : address,
                    divorced ? string.Create(CultureInfo.InvariantCulture, $"HK{++_households:0000000000}") : householdId,
                    divorced ? "head" : "spouse", null, null);
                if (divorced)
                {
                    AddHouseholdRow(batch, spouse);
                }

                members++;
                Birth(batch, spouse, home);
                var husband = headMale ? head : spouse;
                var wife = headMale ? spouse : head;
                Marriage(batch, husband, wife, married, home);
                var lastChildBy = Min(wifeBirth.AddYears(42), AsOf.AddDays(-1));
                if (divorced)
                {
                    var divorceOn = Between(married.AddYears(2), AsOf.AddDays(-1));
                    Event(batch, "divorce", divorceOn, home, husband.PersonalIdNumber, wife.PersonalIdNumber, null, null);
                    lastChildBy = Min(lastChildBy, divorceOn);
                }
                else
                {
                    adults.Add(spouse);
                }

                var children = _random.Number(0, 3);
                for (var i = 0; i < children && members < room && married.AddYears(1) < lastChildBy; i++)
                {
                    var born = Between(married.AddYears(1), lastChildBy);
                    var child = NewPerson(batch, husband.FullName.Split(' ')[0], _random.Bool(), born, address, householdId, "child",
                        husband.PersonalIdNumber, wife.PersonalIdNumber);
                    members++;
                    Birth(batch, child, home);
                    if (AgeOn(born, AsOf) >= 18)
                    {
                        adults.Add(child);
                    }
                }
            }
        }

        AddHouseholdRow(batch, head);
        Land(batch, home, adults.Take(2).Select(a => a.PersonalIdNumber).ToArray());
        foreach (var adult in adults)
        {
            Business(batch, adult, home, address, adult == head);
            Temporary(adult);
            Record(batch, adult);
        }
    }

    internal Person NewPerson(
        WorldBatch batch, string familyName, bool male, DateOnly born, Residence residence, string? householdId, string? relation,
        string? fatherId, string? motherId, DateOnly? died = null, string? pid = null, string? fullName = null, string ethnicity = "")
    {
        var registeredIn = residence.Old?.ProvinceCode ?? residence.Commune.ProvinceCode;
        if (_random.Bool(0.15f))
        {
            var elsewhere = Pick(_book.Communes).Predecessors;
            registeredIn = elsewhere.Count > 0 ? elsewhere[0].ProvinceCode : registeredIn;
        }

        var province3 = "0" + registeredIn;
        if (!PersonalIdNumber.ProvinceCodes.Contains(province3))
        {
            province3 = "0" + _homeProvince;
        }

        pid ??= PersonalIdNumber.Compose(province3, born.Year, !male, NextSerial(province3, born.Year, male));
        var person = new Person
        {
            PersonalIdNumber = pid,
            FullName = fullName ?? $"{familyName} {_random.ArrayElement(male ? _maleNames : _femaleNames)}",
            DateOfBirth = born,
            Sex = male ? "male" : "female",
            Ethnicity = ethnicity.Length > 0 ? ethnicity : Ethnicity(),
            PermanentProvinceCode = residence.Commune.ProvinceCode,
            PermanentCommuneCode = residence.Commune.Code,
            PermanentStreet = residence.Street,
            PermanentOldProvinceCode = residence.Old?.ProvinceCode,
            PermanentOldDistrictCode = residence.Old?.DistrictCode,
            PermanentOldCommuneCode = residence.Old?.Code,
            HouseholdId = householdId,
            RelationToHead = relation,
            FatherId = fatherId,
            MotherId = motherId,
            DateOfDeath = died,
        };
        batch.People.Add(person);
        return person;
    }

    internal static void MoveTemporarily(Person person, Residence temporary)
    {
        person.TemporaryProvinceCode = temporary.Commune.ProvinceCode;
        person.TemporaryCommuneCode = temporary.Commune.Code;
        person.TemporaryStreet = temporary.Street;
        person.TemporaryOldProvinceCode = temporary.Old?.ProvinceCode;
        person.TemporaryOldDistrictCode = temporary.Old?.DistrictCode;
        person.TemporaryOldCommuneCode = temporary.Old?.Code;
    }

    internal static void AddHouseholdRow(WorldBatch batch, Person head) => batch.Households.Add(new Household
    {
        Id = head.HouseholdId!,
        HeadId = head.PersonalIdNumber,
        ProvinceCode = head.PermanentProvinceCode,
        CommuneCode = head.PermanentCommuneCode,
        Street = head.PermanentStreet,
        OldProvinceCode = head.PermanentOldProvinceCode,
        OldDistrictCode = head.PermanentOldDistrictCode,
        OldCommuneCode = head.PermanentOldCommuneCode,
    });

    internal void Birth(WorldBatch batch, Person person, NewCommune commune) =>
        Event(batch, "birth", person.DateOfBirth, commune, person.PersonalIdNumber, null, person.FatherId, person.MotherId);

    internal void Marriage(WorldBatch batch, Person husband, Person wife, DateOnly on, NewCommune commune) =>
        Event(batch, "marriage", on, commune, husband.PersonalIdNumber, wife.PersonalIdNumber, null, null);

    internal void Deaths(WorldBatch batch, NewCommune commune, params Person[] people)
    {
        foreach (var person in people.Where(p => p.DateOfDeath is not null))
        {
            Event(batch, "death", person.DateOfDeath!.Value, commune, person.PersonalIdNumber, null, null, null);
        }
    }

    internal void Event(WorldBatch batch, string kind, DateOnly on, NewCommune commune, string personId, string? spouseId, string? fatherId, string? motherId)
    {
        var id = NextEventId();
        batch.Events.Add(new CivilStatusEvent
        {
            Id = id,
            Kind = kind,
            Date = on,
            ProvinceCode = commune.ProvinceCode,
            CommuneCode = commune.Code,
            PersonId = personId,
            SpouseId = spouseId,
            FatherId = fatherId,
            MotherId = motherId,
            BookReference = string.Create(CultureInfo.InvariantCulture, $"Quyển 01/{on.Year}, số {(id % 900) + 1}"),
        });
    }

    internal void AddParcel(WorldBatch batch, NewCommune commune, string landUse, double area, DateOnly issued, params string[] owners)
    {
        var (sheet, number) = NextParcel(commune.Code);
        var id = string.Create(CultureInfo.InvariantCulture, $"{commune.Code}-{sheet}-{number}");
        batch.Parcels.Add(new Parcel
        {
            Id = id,
            ProvinceCode = commune.ProvinceCode,
            CommuneCode = commune.Code,
            MapSheet = sheet,
            ParcelNumber = number,
            AreaSquareMetres = area,
            LandUse = landUse,
            CertificateNumber = NextCertificate(),
            CertificateIssuedOn = issued,
        });
        foreach (var owner in owners.Distinct())
        {
            batch.ParcelOwners.Add(new ParcelOwner { ParcelId = id, OwnerId = owner });
        }
    }

    private void Land(WorldBatch batch, NewCommune commune, string[] owners)
    {
        if (!_random.Bool(0.7f))
        {
            return;
        }

        var residential = commune.Name.StartsWith("Phường", StringComparison.Ordinal) ? "ODT" : "ONT";
        AddParcel(batch, commune, residential, Math.Round(_random.Double(50, 400), 1), Between(new DateOnly(1995, 1, 1), AsOf.AddDays(-1)), owners);
        if (_random.Bool(0.3f))
        {
            AddParcel(batch, commune, _random.ArrayElement(["LUC", "CLN", "BHK"]), Math.Round(_random.Double(300, 3000), 1),
                Between(new DateOnly(1995, 1, 1), AsOf.AddDays(-1)), owners);
        }
    }

    private void Business(WorldBatch batch, Person adult, NewCommune commune, Residence address, bool isHead)
    {
        var age = AgeOn(adult.DateOfBirth, AsOf);
        if (isHead && _random.Bool(0.06f))
        {
            batch.Enterprises.Add(NewEnterprise($"Hộ kinh doanh {adult.FullName}", commune, address.Street, adult, "household-business", null));
        }
        else if (age is >= 25 and <= 65 && _random.Bool(0.015f))
        {
            var kind = _random.ArrayElement(["limited-liability", "joint-stock", "private"]);
            var prefix = kind switch { "limited-liability" => "Công ty TNHH", "joint-stock" => "Công ty cổ phần", _ => "Doanh nghiệp tư nhân" };
            var name = $"{prefix} {_random.ArrayElement(Trades)} {_random.ArrayElement(_maleNames)}";
            var parent = NewEnterprise(name, commune, Street(commune), adult, kind, null);
            batch.Enterprises.Add(parent);
            if (kind != "private" && _random.Bool(0.1f))
            {
                var branchCommune = Pick(_homeCommunes);
                batch.Enterprises.Add(NewEnterprise($"Chi nhánh {name}", branchCommune, Street(branchCommune), adult, "branch", parent.TaxCode));
            }
        }
    }

    internal Enterprise.Enterprise NewEnterprise(string name, NewCommune commune, string street, Person representative, string type, string? parentTaxCode, string? status = null, DateOnly? registeredOn = null) => new()
    {
        TaxCode = parentTaxCode is null ? NextTaxCode() : $"{parentTaxCode}-001",
        ParentTaxCode = parentTaxCode,
        Name = name,
        ProvinceCode = commune.ProvinceCode,
        CommuneCode = commune.Code,
        Street = street,
        LegalRepresentativeId = representative.PersonalIdNumber,
        Type = type,
        Status = status ?? (_random.Number(0, 99) switch { < 90 => "active", < 97 => "suspended", _ => "dissolved" }),
        RegisteredOn = registeredOn ?? Between(Max(representative.DateOfBirth.AddYears(20), new DateOnly(2000, 1, 1)), AsOf.AddDays(-1)),
    };

    private void Temporary(Person adult)
    {
        var age = AgeOn(adult.DateOfBirth, AsOf);
        if (age is < 18 or > 40 || !_random.Bool(0.08f))
        {
            return;
        }

        var commune = Pick(_book.ByProvince.GetValueOrDefault("01") ?? _book.Communes);
        var old = commune.Predecessors.Count > 0 ? Pick(commune.Predecessors) : null;
        MoveTemporarily(adult, new Residence(commune, old, Street(commune)));
    }

    private void Record(WorldBatch batch, Person adult)
    {
        if (AgeOn(adult.DateOfBirth, AsOf) < 19 || !_random.Bool(0.01f))
        {
            return;
        }

        var judged = Between(adult.DateOfBirth.AddYears(18), AsOf.AddDays(-60));
        AddConviction(batch, adult.PersonalIdNumber, judged, _random.ArrayElement(Offences), _random.ArrayElement(Sentences),
            judged.AddMonths(_random.Number(6, 30)) < AsOf ? judged.AddMonths(_random.Number(6, 30)) : null,
            judged < AsOf.AddYears(-5) && _random.Bool(0.7f), adult.PermanentProvinceCode);
    }

    internal void AddConviction(WorldBatch batch, string personId, DateOnly judged, string offence, string sentence, DateOnly? completed, bool expunged, string provinceCode)
    {
        var id = NextConvictionId();
        batch.Convictions.Add(new Conviction
        {
            Id = id,
            PersonId = personId,
            Court = $"Tòa án nhân dân khu vực {1 + (id % 9)} - {ProvinceName(provinceCode)}",
            JudgmentNumber = string.Create(CultureInfo.InvariantCulture, $"{10 + (id % 190)}/{judged.Year}/HS-ST"),
            JudgmentDate = judged,
            Offence = offence,
            Sentence = sentence,
            SentenceCompletedOn = completed,
            Expunged = expunged,
        });
    }

    private int NextSerial(string province3, int year, bool male)
    {
        // Serials below 100000 are left to the fixed demo people, so generated numbers never collide with them.
        var key = string.Create(CultureInfo.InvariantCulture, $"{province3}{year}{(male ? 'm' : 'f')}");
        _serials.TryGetValue(key, out var n);
        _serials[key] = n + 1;
        return 100_000 + n;
    }

    private string Street(NewCommune commune) =>
        commune.Name.StartsWith("Phường", StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"Số {_random.Number(1, 300)}, đường {_random.ArrayElement(_lastNames)} {_random.ArrayElement(_maleNames)}")
            : string.Create(CultureInfo.InvariantCulture, $"Thôn {_random.Number(1, 12)}");

    private string Ethnicity()
    {
        var roll = _random.Double() * _ethnicityTotal;
        foreach (var (name, weight) in Ethnicities)
        {
            roll -= weight;
            if (roll <= 0)
            {
                return name;
            }
        }

        return "Kinh";
    }

    private T Pick<T>(IReadOnlyList<T> list) => list[_random.Number(0, list.Count - 1)];

    private DateOnly BirthDate(int minAge, int maxAge) => Between(AsOf.AddYears(-maxAge), AsOf.AddYears(-minAge));

    private DateOnly Between(DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(_random.Number(0, to.DayNumber - from.DayNumber));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    internal static int AgeOn(DateOnly born, DateOnly on) =>
        on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);

    private static string[] Strings(BArray array) => [.. Enumerable.Range(0, array.Count).Select(i => array[i].StringValue)];
}

/// <summary>A residence: a commune in force, the pre-merger commune it covers (if known) and the street.</summary>
public sealed record Residence(NewCommune Commune, OldCommune? Old, string Street);
