using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.AdministrativeUnits.Persistence;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.AdministrativeUnits;

/// <summary>The database copy, on SQLite and on PostgreSQL, as reports would read it.</summary>
[Collection(UnitsHost.Name)]
public sealed class AdministrativeUnitsDatabaseTests(OneStopAppFactory app)
{
    [Fact]
    public async Task The_sets_units_and_successions_are_in_the_database()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();

        Assert.Equal(["2025-03-01", "2025-07-01", "2026-04-30"], await db.AdministrativeUnitSets.OrderBy(s => s.Code).Select(s => s.Code).ToListAsync());
        var before = await db.AdministrativeUnitSets.SingleAsync(s => s.Code == "2025-03-01");
        Assert.Null(before.EffectiveFrom);
        Assert.Equal(new DateOnly(2025, 7, 1), before.EffectiveUntil);

        var counts = await db.AdministrativeUnits
            .GroupBy(u => new { u.SetCode, u.Level })
            .Select(g => new { g.Key.SetCode, g.Key.Level, Count = g.Count() })
            .ToListAsync();
        int Count(string set, string level) => counts.SingleOrDefault(c => c.SetCode == set && c.Level == level)?.Count ?? 0;
        Assert.Equal((63, 696, 10_035), (Count("2025-03-01", "province"), Count("2025-03-01", "district"), Count("2025-03-01", "commune")));
        Assert.Equal((34, 0, 3_321), (Count("2025-07-01", "province"), Count("2025-07-01", "district"), Count("2025-07-01", "commune")));
        Assert.Equal((34, 0, 3_321), (Count("2026-04-30", "province"), Count("2026-04-30", "district"), Count("2026-04-30", "commune")));

        var import = await db.AdministrativeUnitImports.SingleAsync();
        Assert.Equal(17_504, import.Units);
        Assert.Equal(await db.AdministrativeUnitSuccessions.CountAsync(), import.Successions);
    }

    [Fact]
    public async Task A_report_can_join_new_units_to_what_they_were_formed_from()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var formedFrom = await (
            from succession in db.AdministrativeUnitSuccessions
            join old in db.AdministrativeUnits on new { Set = succession.FromSetCode, Code = succession.FromCode } equals new { Set = old.SetCode, old.Code }
            where succession.ToSetCode == "2025-07-01" && succession.ToCode == "00004"
            orderby old.Code
            select new { old.Code, old.FullName, old.DistrictCode, succession.Kind })
            .ToListAsync();
        Assert.Equal(10, formedFrom.Count);
        Assert.Equal(("00004", "Phường Trúc Bạch", "001", "full"), (formedFrom[0].Code, formedFrom[0].FullName, formedFrom[0].DistrictCode, formedFrom[0].Kind));
        Assert.Contains(formedFrom, f => f.Code == "00016" && f.Kind == "partial");

        var hanoiWards = await db.AdministrativeUnits.CountAsync(u => u.SetCode == "2026-04-30" && u.ProvinceCode == "01" && u.Type == "ward");
        Assert.True(hanoiWards > 40);
        Assert.Equal("phuong yen hoa", await db.AdministrativeUnits.Where(u => u.SetCode == "2026-04-30" && u.Code == "00175").Select(u => u.SearchName).SingleAsync());
    }

    [Fact]
    public async Task Ha_Noi_has_one_English_name_in_every_set_of_the_copy_and_of_the_API()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var stored = await db.AdministrativeUnits.Where(u => u.Code == "01").Select(u => new { u.SetCode, u.NameEn, u.FullNameEn }).ToListAsync();
        Assert.Equal(3, stored.Count);
        Assert.All(stored, u => Assert.Equal(("Ha Noi", "Ha Noi City"), (u.NameEn, u.FullNameEn)));

        var client = app.CreateClient();
        foreach (var at in new[] { "2025-06-30", "2025-07-01", "2026-05-01" })
        {
            var unit = await client.GetFromJsonAsync<JsonElement>($"/api/units/01?at={at}");
            Assert.Equal(("Ha Noi", "Ha Noi City"), (unit.GetProperty("nameEn").GetString(), unit.GetProperty("fullNameEn").GetString()));
        }
    }

    [Fact]
    public async Task Seeding_again_with_the_same_data_writes_nothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<AdministrativeUnitSeeder>();
        var importedAt = (await db.AdministrativeUnitImports.AsNoTracking().SingleAsync()).ImportedAt;

        Assert.False(await seeder.CopyAsync(db, CancellationToken.None));
        Assert.Equal(importedAt, (await db.AdministrativeUnitImports.AsNoTracking().SingleAsync()).ImportedAt);
        Assert.Equal(17_504, await db.AdministrativeUnits.CountAsync());
    }
}
