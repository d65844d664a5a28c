namespace OneStop.Web.Registries.Synthetic;

/// <summary>
/// Fixed people at the head of every synthetic world, with known numbers, so tests and the demo can rely
/// on them (the README lists them). They live in Phường Phố Hiến, Hưng Yên (commune 11953).
/// </summary>
public static class DemoPeople
{
    public const string Commune = "11953";

    /// <summary>Nguyễn Văn An, born 1985: household head, married, two children, owns land, runs a household business.</summary>
    public const string An = "033085001234";

    /// <summary>Trần Thị Bình, born 1988: An's wife, co-owner of the land.</summary>
    public const string Binh = "033188004321";

    /// <summary>Nguyễn Minh Châu, born 2015: An and Bình's daughter.</summary>
    public const string Chau = "033315000111";

    /// <summary>Nguyễn Đức Duy, born 2018: An and Bình's son.</summary>
    public const string Duy = "033218000222";

    /// <summary>Nguyễn Văn Hùng, born 1950, died 2023: An's father.</summary>
    public const string Hung = "033050000999";

    /// <summary>Phạm Thị Lan, born 1955: An's mother, widowed, lives in An's household.</summary>
    public const string Lan = "033155000888";

    /// <summary>Lê Văn Dũng, born 1990: single, one conviction not expunged.</summary>
    public const string Dung = "033090005678";

    /// <summary>Phạm Thị Hoa, born 1992, registered in Hà Nội: divorced, temporary residence in Hà Nội, represents a company with a branch.</summary>
    public const string Hoa = "001192007890";

    /// <summary>Đỗ Văn Khánh, born 1989: Hoa's former husband.</summary>
    public const string Khanh = "001089003456";

    /// <summary>The household business of An (the first tax code the synthetic world gives out).</summary>
    public const string AnBusinessTaxCode = "0900000027";

    /// <summary>Hoa's company; its branch in Hà Nội is <c>0900000034-001</c>.</summary>
    public const string HoaCompanyTaxCode = "0900000034";

    internal static void AddTo(WorldBatch batch, SyntheticWorld world)
    {
        var home = world.Commune(Commune);
        var old = home.Predecessors.Count > 0 ? home.Predecessors[0] : null;
        var house = new Residence(home, old, "Số 12, đường Nguyễn Văn Linh");
        const string household = "HK0000000001";

        var hung = world.NewPerson(batch, "Nguyễn", true, new DateOnly(1950, 2, 14), house, null, null, null, null,
            died: new DateOnly(2023, 1, 10), pid: Hung, fullName: "Nguyễn Văn Hùng", ethnicity: "Kinh");
        var lan = world.NewPerson(batch, "Phạm", false, new DateOnly(1955, 6, 1), house, household, "parent", null, null,
            pid: Lan, fullName: "Phạm Thị Lan", ethnicity: "Kinh");
        var an = world.NewPerson(batch, "Nguyễn", true, new DateOnly(1985, 3, 12), house, household, "head", Hung, Lan,
            pid: An, fullName: "Nguyễn Văn An", ethnicity: "Kinh");
        var binh = world.NewPerson(batch, "Trần", false, new DateOnly(1988, 7, 20), house, household, "spouse", null, null,
            pid: Binh, fullName: "Trần Thị Bình", ethnicity: "Kinh");
        var chau = world.NewPerson(batch, "Nguyễn", false, new DateOnly(2015, 9, 2), house, household, "child", An, Binh,
            pid: Chau, fullName: "Nguyễn Minh Châu", ethnicity: "Kinh");
        var duy = world.NewPerson(batch, "Nguyễn", true, new DateOnly(2018, 11, 25), house, household, "child", An, Binh,
            pid: Duy, fullName: "Nguyễn Đức Duy", ethnicity: "Kinh");
        SyntheticWorld.AddHouseholdRow(batch, an);
        world.Marriage(batch, hung, lan, new DateOnly(1978, 12, 2), home);
        foreach (var person in new[] { hung, lan, an, binh, chau, duy })
        {
            world.Birth(batch, person, home);
        }

        world.Marriage(batch, an, binh, new DateOnly(2010, 5, 15), home);
        world.Deaths(batch, home, hung);
        world.AddParcel(batch, home, "ODT", 120.5, new DateOnly(2012, 8, 20), An, Binh);
        var business = world.NewEnterprise("Hộ kinh doanh Nguyễn Văn An", home, house.Street, an, "household-business", null, "active", new DateOnly(2016, 4, 1));
        batch.Enterprises.Add(business);

        var dungHouse = new Residence(home, old, "Số 45, đường Trần Hưng Đạo");
        var dung = world.NewPerson(batch, "Lê", true, new DateOnly(1990, 10, 5), dungHouse, "HK0000000002", "head", null, null,
            pid: Dung, fullName: "Lê Văn Dũng", ethnicity: "Kinh");
        SyntheticWorld.AddHouseholdRow(batch, dung);
        world.Birth(batch, dung, home);
        world.AddConviction(batch, Dung, new DateOnly(2022, 6, 15), "Điều 173 - Tội trộm cắp tài sản", "12 tháng tù cho hưởng án treo",
            new DateOnly(2023, 6, 15), expunged: false, home.ProvinceCode);

        var hoaHouse = new Residence(home, old, "Số 8, đường Bạch Đằng");
        var hoa = world.NewPerson(batch, "Phạm", false, new DateOnly(1992, 4, 18), hoaHouse, "HK0000000003", "head", null, null,
            pid: Hoa, fullName: "Phạm Thị Hoa", ethnicity: "Kinh");
        var khanh = world.NewPerson(batch, "Đỗ", true, new DateOnly(1989, 1, 30), new Residence(home, old, "Số 30, đường Điện Biên"), "HK0000000004", "head", null, null,
            pid: Khanh, fullName: "Đỗ Văn Khánh", ethnicity: "Kinh");
        SyntheticWorld.AddHouseholdRow(batch, hoa);
        SyntheticWorld.AddHouseholdRow(batch, khanh);
        var baDinh = world.Commune("00004");
        SyntheticWorld.MoveTemporarily(hoa, new Residence(baDinh, baDinh.Predecessors.Count > 0 ? baDinh.Predecessors[0] : null, "Số 5, phố Phan Đình Phùng"));
        world.Birth(batch, hoa, home);
        world.Birth(batch, khanh, home);
        world.Marriage(batch, khanh, hoa, new DateOnly(2015, 10, 10), home);
        world.Event(batch, "divorce", new DateOnly(2021, 3, 8), home, Khanh, Hoa, null, null);
        var company = world.NewEnterprise("Công ty TNHH Hoa Sen Hưng Yên", home, hoaHouse.Street, hoa, "limited-liability", null, "active", new DateOnly(2019, 7, 1));
        batch.Enterprises.Add(company);
        batch.Enterprises.Add(world.NewEnterprise("Chi nhánh Công ty TNHH Hoa Sen Hưng Yên tại Hà Nội", baDinh, "Số 5, phố Phan Đình Phùng", hoa, "branch", company.TaxCode, "active", new DateOnly(2022, 2, 1)));
    }
}
