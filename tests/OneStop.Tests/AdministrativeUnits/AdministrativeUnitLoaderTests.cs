using System.Text.Json.Nodes;
using OneStop.Web.AdministrativeUnits.Loading;

namespace OneStop.Tests.AdministrativeUnits;

/// <summary>The loader refuses data it cannot trust; each test breaks one real file in one way.</summary>
public sealed class AdministrativeUnitLoaderTests
{
    [Fact]
    public void The_shipped_files_are_embedded_in_the_assembly()
    {
        Assert.Equal(UnitDataFiles.All.Order(), EmbeddedUnitDataSource.EmbeddedFileNames().Order());
    }

    [Fact]
    public void A_commune_missing_from_the_new_set_is_refused()
    {
        var source = AlteredSource.Of(UnitDataFiles.FromJuly2025, root =>
            root[0]!["Wards"]!.AsArray().RemoveAt(0));

        var error = Assert.Throws<AdministrativeUnitDataException>(() => AdministrativeUnitLoader.Load(source));
        Assert.Contains(error.Problems, p => p.Contains("3320 communes", StringComparison.Ordinal) && p.Contains("3321", StringComparison.Ordinal));
    }

    [Fact]
    public void A_succession_to_a_unit_that_does_not_exist_is_refused()
    {
        var source = AlteredSource.Of(UnitDataFiles.Merges, root =>
            root["data"]![0]!["level2s"]![0]!["merges"]![0]!["old_id"] = "99999");

        var error = Assert.Throws<AdministrativeUnitDataException>(() => AdministrativeUnitLoader.Load(source));
        Assert.Contains(error.Problems, p => p.Contains("99999", StringComparison.Ordinal) && p.Contains("not a unit of the set 2025-03-01", StringComparison.Ordinal));
        Assert.Contains("will not start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_and_split_files_that_disagree_are_refused()
    {
        var source = AlteredSource.Of(UnitDataFiles.Splits, root =>
            root["data"]![0]!["level3s"]![0]!["splits"]![0]!["new_id"] = "00008");

        var error = Assert.Throws<AdministrativeUnitDataException>(() => AdministrativeUnitLoader.Load(source));
        Assert.Contains(error.Problems, p => p.Contains("00001 → 00008", StringComparison.Ordinal));
    }

    [Fact]
    public void A_unit_with_an_unknown_type_is_refused()
    {
        var source = AlteredSource.Of(UnitDataFiles.FromApril2026, root =>
            root[0]!["Wards"]![0]!["AdministrativeUnitId"] = 9);

        var error = Assert.Throws<AdministrativeUnitDataException>(() => AdministrativeUnitLoader.Load(source));
        Assert.Contains(error.Problems, p => p.Contains("unknown unit type id 9", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_json_is_refused_with_its_name()
    {
        var source = new AlteredSource(UnitDataFiles.Merges, "{ not json"u8.ToArray());
        var error = Assert.Throws<AdministrativeUnitDataException>(() => AdministrativeUnitLoader.Load(source));
        Assert.Contains(UnitDataFiles.Merges, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_content_hash_changes_with_the_data()
    {
        var source = AlteredSource.Of(UnitDataFiles.FromApril2026, root => root[0]!["NameEn"] = "Ha Noi");
        var altered = AdministrativeUnitLoader.Load(source);
        Assert.NotEqual(AdministrativeUnitLoader.LoadEmbedded().Report.ContentHash, altered.Report.ContentHash);
    }

    [Fact]
    public void A_unit_keeps_one_English_name_across_lists_that_spell_it_differently()
    {
        var directory = AdministrativeUnitLoader.LoadEmbedded();
        foreach (var set in directory.Sets)
        {
            var hanoi = directory.UnitsOf(set).Single(u => u.Code == "01");
            Assert.Equal(("Ha Noi", "Ha Noi City"), (hanoi.NameEn, hanoi.FullNameEn));
            var haiPhong = directory.UnitsOf(set).Single(u => u.Code == "31");
            Assert.Equal(("Hai Phong", "Hai Phong City"), (haiPhong.NameEn, haiPhong.FullNameEn));
        }

        // A different name is not a spelling: the 2026 export's exonym stays as published.
        Assert.Equal("Paracel", directory.UnitsOf(directory.Sets[^1]).Single(u => u.Code == "20333").NameEn);
        Assert.Equal("Hoang Sa", directory.UnitsOf(directory.Sets[1]).Single(u => u.Code == "20333").NameEn);
        Assert.Contains(directory.Report.Notes, n => n.Contains("01 'Hanoi' → 'Ha Noi' (2026-04-30)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Hà Nội", "Hanoi", "Ha Noi")]
    [InlineData("Hải Phòng", "HaiPhong", "Hai Phong")]
    [InlineData("Đồng Nai", "Dongnai", "Dong Nai")]
    [InlineData("Hà Nội", "Ha Noi", null)]
    [InlineData("Hoàng Sa", "Paracel", null)]
    [InlineData("Hà Nội", "", null)]
    public void Only_a_spelling_of_the_Vietnamese_name_is_respelled(string vietnamese, string english, string? expected)
    {
        Assert.Equal(expected, KnownDataDefects.RespelledEnglishName(vietnamese, english));
    }

    private sealed class AlteredSource(string file, byte[] bytes) : IUnitDataSource
    {
        public static AlteredSource Of(string file, Action<JsonNode> change)
        {
            var root = JsonNode.Parse(EmbeddedUnitDataSource.Instance.Read(file))!;
            change(root);
            return new AlteredSource(file, System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()));
        }

        public byte[] Read(string fileName) => fileName == file ? bytes : EmbeddedUnitDataSource.Instance.Read(fileName);
    }
}
