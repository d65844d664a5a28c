using OneStop.Web.AdministrativeUnits;
using OneStop.Web.AdministrativeUnits.Loading;

namespace OneStop.Tests.AdministrativeUnits;

/// <summary>The directory built from the real, shipped data.</summary>
public sealed class AdministrativeUnitDirectoryTests
{
    private static readonly DateOnly BeforeReform = new(2025, 6, 30);
    private static readonly DateOnly FirstDay = new(2025, 7, 1);
    private static readonly DateOnly July2025 = new(2025, 8, 15);
    private static readonly DateOnly Now = new(2026, 11, 23);

    private static AdministrativeUnitDirectory Directory => AdministrativeUnitLoader.LoadEmbedded();

    [Fact]
    public void Each_set_has_the_counts_the_law_gives()
    {
        var counts = Directory.Report.Sets.ToDictionary(s => s.Code);
        Assert.Equal((63, 696, 10_035), (counts["2025-03-01"].Provinces, counts["2025-03-01"].Districts, counts["2025-03-01"].Communes));
        Assert.Equal((34, 0, 3_321), (counts["2025-07-01"].Provinces, counts["2025-07-01"].Districts, counts["2025-07-01"].Communes));
        Assert.Equal((34, 0, 3_321), (counts["2026-04-30"].Provinces, counts["2026-04-30"].Districts, counts["2026-04-30"].Communes));
        Assert.Equal(63, Directory.Provinces(BeforeReform).Count);
        Assert.Equal(34, Directory.Provinces(Now).Count);
    }

    [Theory]
    [InlineData("1990-01-01", "2025-03-01")]
    [InlineData("2025-06-30", "2025-03-01")]
    [InlineData("2025-07-01", "2025-07-01")]
    [InlineData("2026-04-29", "2025-07-01")]
    [InlineData("2026-04-30", "2026-04-30")]
    [InlineData("2030-01-01", "2026-04-30")]
    public void A_date_selects_the_set_in_force(string date, string set)
    {
        Assert.Equal(set, Directory.SetAt(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Code);
    }

    [Fact]
    public void The_same_code_names_the_old_unit_before_the_reform_and_the_new_one_after()
    {
        Assert.Equal("Phường Trúc Bạch", Directory.Find("00004", BeforeReform)!.FullName);
        Assert.Equal("Phường Ba Đình", Directory.Find("00004", FirstDay)!.FullName);
        Assert.Equal("Quận Ba Đình", Directory.Find("001", BeforeReform)!.FullName);
        Assert.Null(Directory.Find("001", FirstDay));
        Assert.Equal("Quận Ba Đình", Directory.Lookup("001", FirstDay)!.FullName);
        Assert.Equal("Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội", Directory.Find("00004", BeforeReform)!.QualifiedName);
        Assert.Equal("Phường Ba Đình, Thành phố Hà Nội", Directory.Find("00004", Now)!.QualifiedName);
    }

    [Fact]
    public void Unit_types_follow_the_law_of_each_date()
    {
        Assert.Equal(UnitType.Province, Directory.Find("75", July2025)!.Type);
        Assert.Equal(UnitType.Municipality, Directory.Find("75", Now)!.Type);
        Assert.Equal("Thành phố Đồng Nai", Directory.Find("75", Now)!.FullName);
        Assert.Equal(UnitType.Commune, Directory.Find("25270", July2025)!.Type);
        Assert.Equal(UnitType.Ward, Directory.Find("25270", Now)!.Type);
        Assert.Equal(10, Directory.CommunesOf("75", Now).Count(c => c.Type == UnitType.Ward) - Directory.CommunesOf("75", July2025).Count(c => c.Type == UnitType.Ward));
        Assert.Equal(UnitType.UrbanDistrict, Directory.Find("001", BeforeReform)!.Type);
        Assert.Equal(UnitType.Township, Directory.Find("06970", BeforeReform)!.Type);
        Assert.Equal(UnitType.SpecialZone, Directory.Find("26732", Now)!.Type);
        Assert.Equal(13, Directory.Provinces(Now).SelectMany(p => Directory.CommunesOf(p.Code, Now)).Count(c => c.Type == UnitType.SpecialZone));
    }

    [Fact]
    public void Provinces_and_communes_are_found_from_each_other()
    {
        Assert.Equal(126, Directory.CommunesOf("01", Now).Count);
        Assert.Equal(526, Directory.CommunesOf("01", BeforeReform).Count);
        Assert.Equal("01", Directory.ProvinceOf("00004", Now)!.Code);
        Assert.Equal("Tỉnh Hà Giang", Directory.ProvinceOf("00688", BeforeReform)!.FullName);
        Assert.Null(Directory.ProvinceOf("01", Now));
    }

    [Fact]
    public void Phuong_Ba_Dinh_was_formed_from_whole_and_partial_wards()
    {
        var baDinh = Directory.Find("00004", Now)!;
        var formedFrom = Directory.FormedFrom(baDinh).ToDictionary(r => r.Unit.Code, r => (r.Unit.FullName, r.Kind));
        Assert.Equal(("Phường Trúc Bạch", SuccessionKind.Full), formedFrom["00004"]);
        Assert.Equal(("Phường Quán Thánh", SuccessionKind.Full), formedFrom["00013"]);
        Assert.Equal(("Phường Ngọc Hà", SuccessionKind.Partial), formedFrom["00016"]);
        Assert.Equal(10, formedFrom.Count);
        Assert.All(formedFrom.Keys, code => Assert.Equal("2025-03-01", Directory.Lookup(code, BeforeReform)!.Set.Code));
    }

    [Fact]
    public void Cong_Vi_was_split_between_Ngoc_Ha_and_Giang_Vo()
    {
        var congVi = Directory.Find("00007", BeforeReform)!;
        Assert.Equal("Phường Cống Vị", congVi.FullName);
        var successors = Directory.SuccessorsAt(congVi, Now);
        Assert.Equal(
            [("00008", "Phường Ngọc Hà", SuccessionKind.Partial), ("00025", "Phường Giảng Võ", SuccessionKind.Partial)],
            successors.Select(s => (s.Unit.Code, s.Unit.FullName, s.Kind)));
        Assert.All(successors, s => Assert.Equal("2026-04-30", s.Unit.Set.Code));
        Assert.All(Directory.SuccessorsAt(congVi, July2025), s => Assert.Equal("2025-07-01", s.Unit.Set.Code));
        Assert.Equal([congVi], Directory.SuccessorsAt(congVi, BeforeReform).Select(s => s.Unit));
    }

    [Fact]
    public void Provinces_merged_whole()
    {
        var haGiang = Directory.Find("02", BeforeReform)!;
        Assert.Equal([("08", SuccessionKind.Full)], Directory.SuccessorsAt(haGiang, Now).Select(s => (s.Unit.Code, s.Kind)));
        var tuyenQuang = Directory.Find("08", Now)!;
        Assert.Equal(["02", "08"], Directory.FormedFrom(tuyenQuang).Select(r => r.Unit.Code));
        Assert.All(Directory.Provinces(BeforeReform), p => Assert.Single(p.Successors));
    }

    [Fact]
    public void The_two_corrected_codes_are_applied_and_reported()
    {
        var baChe = Directory.Find("06978", Now)!;
        Assert.Equal("Xã Ba Chẽ", baChe.FullName);
        Assert.Equal("22", baChe.Province.Code);
        Assert.Contains(Directory.FormedFrom(baChe), r => r.Unit.Code == "06970" && r.Unit.FullName == "Thị trấn Ba Chẽ" && r.Kind == SuccessionKind.Full);
        Assert.Null(Directory.Find("06970", Now));

        var iaMo = Directory.Find("23938", Now)!;
        Assert.Equal("Xã Ia Mơ", iaMo.FullName);
        Assert.Equal([("23938", "Xã Ia Mơ", SuccessionKind.Full)], Directory.FormedFrom(iaMo).Select(r => (r.Unit.Code, r.Unit.FullName, r.Kind)));

        // 23737 stays the code of the old Xã Ia Mơ Nông, which went into Xã Ia Ly.
        var iaMoNong = Directory.Find("23737", BeforeReform)!;
        Assert.Equal("Xã Ia Mơ Nông", iaMoNong.FullName);
        Assert.Equal(["23734"], Directory.SuccessorsAt(iaMoNong, Now).Select(s => s.Unit.Code));

        var corrections = Directory.Report.CorrectedCodes.ToDictionary(c => c.CodeInMergeFiles);
        Assert.Equal("06978", corrections["06970"].CorrectedCommuneCode);
        Assert.Equal("23938", corrections["23737"].CorrectedCommuneCode);
        Assert.All(corrections.Values, c => Assert.True(c.References > 0));
        Assert.Contains(Directory.Report.Lines(), l => l.Contains("06970", StringComparison.Ordinal) && l.Contains("06978", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_counts_links_and_names_every_repair()
    {
        var report = Directory.Report;
        Assert.Equal(0, report.UnresolvedLinks);
        Assert.Equal(63, report.ProvinceLinks);
        Assert.Equal(5, report.DistrictLinks);
        Assert.True(report.CommuneLinks > 10_035);
        Assert.Equal(report.ReformLinks, report.FullLinks + report.PartialLinks);
        Assert.Equal(3_355, report.SameCodeLinks);
        Assert.Equal(12, report.UnlinkedAbolishedCommunes.Count);
        Assert.Equal(["30622"], report.OldUnitsWithoutSuccessor);
        Assert.Equal(64, report.ContentHash.Length);
    }

    [Fact]
    public void Every_old_commune_but_the_reported_one_has_a_successor_in_the_province_its_province_became()
    {
        var old = Directory.UnitsOf(Directory.BeforeReform).Where(u => u.Level == UnitLevel.Commune).ToList();
        Assert.Equal(10_035, old.Count);
        foreach (var commune in old.Where(c => c.Code != "30622"))
        {
            var successors = Directory.SuccessorsAt(commune, Now);
            Assert.NotEmpty(successors);
            var newProvince = Directory.SuccessorsAt(commune.Province, Now).Single().Unit;
            Assert.All(successors, s => Assert.Same(newProvince, s.Unit.Province));
            Assert.True(successors.Count == 1 || successors.All(s => s.Kind == SuccessionKind.Partial), commune.ToString());
        }
    }

    [Fact]
    public void Island_districts_became_special_zones()
    {
        var conDao = Directory.Find("755", BeforeReform)!;
        Assert.Empty(conDao.Children);
        Assert.Equal([("26732", "Đặc khu Côn Đảo", SuccessionKind.Full)], Directory.SuccessorsAt(conDao, Now).Select(s => (s.Unit.Code, s.Unit.FullName, s.Kind)));
    }

    [Theory]
    [InlineData("Yên Hòa")]
    [InlineData("Yên Hoà")]
    [InlineData("yen hoa")]
    [InlineData("YEN HOA")]
    [InlineData("Phường Yên Hòa")]
    [InlineData("phuong yen hoa")]
    public void Search_finds_the_ward_whatever_the_diacritics_and_tone_placement(string query)
    {
        var first = Directory.Search(query, Now, 10)[0];
        Assert.Equal(("00175", "Phường Yên Hoà", true, MatchKind.Exact), (first.Unit.Code, first.Unit.FullName, first.InForce, first.Match));
        Assert.Equal("Phường Yên Hoà, Thành phố Hà Nội", first.Unit.QualifiedName);
    }

    [Fact]
    public void Search_with_diacritics_ranks_the_same_tones_first()
    {
        var withTone = Directory.Search("Yên Hoa", Now, 10);
        Assert.Equal("Xã Yên Hoa", withTone[0].Unit.FullName);
        var results = Directory.Search("Yên Hoà", Now, 10).Where(h => h.InForce && h.Match == MatchKind.Exact).ToList();
        Assert.Equal(["00175", "16909", "18682", "02248"], results.Select(h => h.Unit.Code));
    }

    [Fact]
    public void Search_ranks_exact_then_prefix_then_word_then_contains_and_units_in_force_first()
    {
        var hits = Directory.Search("ba dinh", Now, 100);
        Assert.Equal(("00004", true, MatchKind.Exact), (hits[0].Unit.Code, hits[0].InForce, hits[0].Match));
        Assert.Contains(hits, h => h.Unit.FullName == "Quận Ba Đình" && !h.InForce && h.Match == MatchKind.Exact);
        for (var i = 1; i < hits.Count; i++)
        {
            var order = hits[i - 1].Match.CompareTo(hits[i].Match);
            Assert.True(order < 0 || (order == 0 && (hits[i - 1].InForce || !hits[i].InForce)), $"{hits[i - 1]} before {hits[i]}");
        }

        var prefix = Directory.Search("Phường Ba", Now, 5);
        Assert.All(prefix, h => Assert.Equal(MatchKind.Prefix, h.Match));
        Assert.Contains(Directory.Search("noi", Now, 100), h => h.Match == MatchKind.Word && h.Unit.FullName == "Thành phố Hà Nội" && h.InForce);
        Assert.Contains(Directory.Search("inh", Now, 100), h => h.Match == MatchKind.Contains && h.Unit.Code == "00004");
    }

    [Fact]
    public void Before_the_reform_old_units_come_first()
    {
        var hits = Directory.Search("Ba Đình", BeforeReform, 10);
        Assert.True(hits[0].InForce);
        Assert.Equal("2025-03-01", hits[0].Unit.Set.Code);
        Assert.Contains(hits, h => !h.InForce && h.Unit.Code == "00004" && h.Unit.Set.Code == "2026-04-30");
    }

    [Theory]
    [InlineData("ba")]
    [InlineData("a")]
    [InlineData("Hòa")]
    [InlineData("phuong")]
    [InlineData("an")]
    [InlineData("xa tan")]
    public void A_short_search_gives_the_first_results_of_the_full_ranking(string query)
    {
        foreach (var date in new[] { BeforeReform, Now })
        {
            var all = Directory.Search(query, date, AdministrativeUnitDirectory.MaxSearchResults);
            var few = Directory.Search(query, date, 7);
            Assert.Equal(all.Take(7).Select(h => (h.Unit, h.Match, h.InForce)), few.Select(h => (h.Unit, h.Match, h.InForce)));
            Assert.Equal(all.Count, all.Select(h => h.Unit).Distinct().Count());
        }
    }

    [Theory]
    [InlineData("ba")]
    [InlineData("yen hoa")]
    [InlineData("Hòa")]
    [InlineData("inh")]
    [InlineData("noi")]
    [InlineData("Xã Tân")]
    public void Search_agrees_with_a_brute_force_ranking_of_every_unit(string query)
    {
        foreach (var date in new[] { BeforeReform, Now })
        {
            var current = Directory.SetAt(date);
            var other = current.HasDistricts ? Directory.Sets[^1] : Directory.Sets[0];
            var folded = VietnameseNames.Fold(query);
            var tone = VietnameseNames.HasDiacritics(query) ? VietnameseNames.ToneKey(query) : null;
            var expected = Directory.UnitsOf(current).Select(u => (Unit: u, InForce: true))
                .Concat(Directory.UnitsOf(other).Select(u => (Unit: u, InForce: false)))
                .Select(x => (x.Unit, x.InForce, Match: BruteForceMatch(x.Unit, folded),
                    ToneAgrees: tone is not null && VietnameseNames.ToneKey(x.Unit.FullName).Contains(tone, StringComparison.Ordinal)))
                .Where(x => x.Match is not null)
                .OrderBy(x => x.Match).ThenBy(x => !x.InForce).ThenBy(x => !x.ToneAgrees).ThenBy(x => x.Unit.Level).ThenBy(x => x.Unit.Code, StringComparer.Ordinal)
                .Take(25)
                .Select(x => (x.Unit, x.Match!.Value, x.InForce))
                .ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Directory.Search(query, date, 25).Select(h => (h.Unit, h.Match, h.InForce)));
        }
    }

    /// <summary>The match rules written out plainly, independent of the suffix arrays.</summary>
    private static MatchKind? BruteForceMatch(AdministrativeUnit unit, string query)
    {
        var full = VietnameseNames.Fold(unit.FullName);
        var name = VietnameseNames.Fold(unit.Name);
        var nameStart = name.Length > 0 && name.Length < full.Length && full.EndsWith(" " + name, StringComparison.Ordinal) ? full.Length - name.Length : 0;
        if (full == query || (nameStart > 0 && name == query))
        {
            return MatchKind.Exact;
        }

        if (full.StartsWith(query, StringComparison.Ordinal) || (nameStart > 0 && name.StartsWith(query, StringComparison.Ordinal)))
        {
            return MatchKind.Prefix;
        }

        MatchKind? found = null;
        for (var i = nameStart + 1; i < full.Length; i++)
        {
            if (full[i] != ' ' && full.AsSpan(i).StartsWith(query, StringComparison.Ordinal))
            {
                var kind = full[i - 1] == ' ' ? MatchKind.Word : MatchKind.Contains;
                found = found is null || kind < found ? kind : found;
            }
        }

        return found;
    }

    [Fact]
    public void Search_respects_the_limit_and_ignores_empty_queries()
    {
        Assert.Equal(3, Directory.Search("a", Now, 3).Count);
        Assert.Empty(Directory.Search("  ", Now, 10));
        Assert.Empty(Directory.Search("?!", Now, 10));
        Assert.Empty(Directory.Search("zzzzqqq", Now, 10));
    }

    [Theory]
    [InlineData("Hà Nội", "Ba Đình", "Trúc Bạch")]
    [InlineData("ha noi", "ba dinh", "truc bach")]
    [InlineData("TP. Hà Nội", "Q. Ba Đình", "P. Trúc Bạch")]
    [InlineData("Thành phố Hà Nội", "Quận Ba Đình", "Phường Trúc Bạch")]
    [InlineData("01", "001", "00004")]
    [InlineData(null, null, "00004")]
    [InlineData(null, "Ba Đình", "Trúc Bạch")]
    public void An_old_ward_merged_whole_converts_to_one_new_ward(string? province, string? district, string? commune)
    {
        var conversion = Directory.Convert(new OldAddress(province, district, commune), Now);
        Assert.True(conversion.Succeeded, conversion.Problem?.ToString());
        Assert.Equal(ConversionOutcome.Commune, conversion.Outcome);
        Assert.Equal("Phường Trúc Bạch", conversion.OldCommune!.FullName);
        Assert.Equal("Quận Ba Đình", conversion.OldDistrict!.FullName);
        Assert.Equal([("00004", "Phường Ba Đình", SuccessionKind.Full)], conversion.NewCommunes.Select(c => (c.Unit.Code, c.Unit.FullName, c.Kind)));
        Assert.Equal("Thành phố Hà Nội", conversion.NewProvince!.FullName);
    }

    [Fact]
    public void A_split_commune_lists_every_candidate_as_partial()
    {
        var conversion = Directory.Convert(new OldAddress("Hà Nội", "Ba Đình", "Cống Vị"), Now);
        Assert.Equal(ConversionOutcome.Split, conversion.Outcome);
        Assert.Equal(["00008", "00025"], conversion.NewCommunes.Select(c => c.Unit.Code));
        Assert.All(conversion.NewCommunes, c => Assert.Equal(SuccessionKind.Partial, c.Kind));
    }

    [Fact]
    public void The_corrected_codes_convert_to_the_units_that_carry_them()
    {
        var baChe = Directory.Convert(new OldAddress("Quảng Ninh", "Ba Chẽ", "Thị trấn Ba Chẽ"), Now);
        Assert.Equal(["06978"], baChe.NewCommunes.Select(c => c.Unit.Code));
        Assert.Equal("Tỉnh Quảng Ninh", baChe.NewProvince!.FullName);
        var iaMo = Directory.Convert(new OldAddress("Gia Lai", "Chư Prông", "Ia Mơ"), Now);
        Assert.Equal(["23938"], iaMo.NewCommunes.Select(c => c.Unit.Code));
        Assert.Equal("Tỉnh Gia Lai", iaMo.NewProvince!.FullName);
    }

    [Fact]
    public void A_commune_name_found_in_several_districts_is_ambiguous_without_a_district()
    {
        var conversion = Directory.Convert(new OldAddress("Hà Nội", null, "Đông Xuân"), Now);
        Assert.Equal(ConversionProblemKind.Ambiguous, conversion.Problem!.Kind);
        Assert.Equal(AddressField.Commune, conversion.Problem.Field);
        Assert.Equal(["00436", "04939"], conversion.Problem.Candidates.Select(c => c.Code));

        var resolved = Directory.Convert(new OldAddress("Hà Nội", "Sóc Sơn", "Đông Xuân"), Now);
        Assert.Equal(["00376"], resolved.NewCommunes.Select(c => c.Unit.Code));
    }

    [Fact]
    public void A_township_and_a_commune_of_the_same_name_are_told_apart_by_their_type()
    {
        Assert.Equal(ConversionProblemKind.Ambiguous, Directory.Convert(new OldAddress(null, "Gia Lâm", "Yên Viên"), Now).Problem!.Kind);
        Assert.Equal("00526", Directory.Convert(new OldAddress(null, "Gia Lâm", "Thị trấn Yên Viên"), Now).OldCommune!.Code);
        Assert.Equal("00532", Directory.Convert(new OldAddress(null, "Gia Lâm", "xa yen vien"), Now).OldCommune!.Code);
        Assert.Equal(ConversionProblemKind.Ambiguous, Directory.Convert(new OldAddress("Hà Tĩnh", "Kỳ Anh", null), Now).Problem!.Kind);
        Assert.Equal("449", Directory.Convert(new OldAddress("Hà Tĩnh", "Thị xã Kỳ Anh", null), Now).OldDistrict!.Code);
    }

    [Fact]
    public void Unknown_and_misplaced_parts_are_reported_never_guessed()
    {
        var unknown = Directory.Convert(new OldAddress("Hà Nội", null, "Không Có Xã Này"), Now);
        Assert.Equal((ConversionProblemKind.NotFound, AddressField.Commune), (unknown.Problem!.Kind, unknown.Problem.Field));

        var misplaced = Directory.Convert(new OldAddress(null, "Hoàn Kiếm", "Trúc Bạch"), Now);
        Assert.Equal((ConversionProblemKind.NotInside, AddressField.Commune), (misplaced.Problem!.Kind, misplaced.Problem.Field));
        Assert.Equal(["00004"], misplaced.Problem.Candidates.Select(c => c.Code));

        var newName = Directory.Convert(new OldAddress(null, null, "Phường Từ Liêm"), Now);
        Assert.Equal(ConversionProblemKind.NotFound, newName.Problem!.Kind);
        Assert.Equal(["00592"], newName.Problem.Candidates.Select(c => c.Code));

        Assert.Equal(ConversionProblemKind.NothingGiven, Directory.Convert(new OldAddress(" ", null, ""), Now).Problem!.Kind);
        Assert.Equal(ConversionProblemKind.NotFound, Directory.Convert(new OldAddress("99", null, null), Now).Problem!.Kind);
        Assert.Throws<ArgumentOutOfRangeException>(() => Directory.Convert(new OldAddress("01", null, null), BeforeReform));
    }

    [Fact]
    public void A_province_alone_converts_to_its_new_province()
    {
        var conversion = Directory.Convert(new OldAddress("Hà Giang", null, null), Now);
        Assert.Equal(ConversionOutcome.ProvinceOnly, conversion.Outcome);
        Assert.Equal("Tỉnh Tuyên Quang", conversion.NewProvince!.FullName);
        Assert.Empty(conversion.NewCommunes);
    }

    [Fact]
    public void The_commune_the_data_gives_no_successor_for_keeps_its_province_only()
    {
        var conversion = Directory.Convert(new OldAddress(null, null, "30622"), Now);
        Assert.Equal(ConversionOutcome.CommuneNotInData, conversion.Outcome);
        Assert.Equal("91", conversion.NewProvince!.Code);
    }
}
