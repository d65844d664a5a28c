using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.AdministrativeUnits.Persistence;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.AdministrativeUnits;

/// <summary>A copy written from other data is replaced whole, in one transaction.</summary>
[Collection(UnitsHost.Name)]
public sealed class AdministrativeUnitsStaleCopyTests(OneStopAppFactory app)
{
    [Fact]
    public async Task A_stale_copy_is_rebuilt()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<AdministrativeUnitSeeder>();
        var successions = await db.AdministrativeUnitSuccessions.CountAsync();
        await db.AdministrativeUnitImports.ExecuteUpdateAsync(s => s.SetProperty(i => i.ContentHash, "an older version"));
        await db.AdministrativeUnitSuccessions.Where(s => s.FromCode == "00007").ExecuteDeleteAsync();

        Assert.True(await seeder.CopyAsync(db, CancellationToken.None));

        Assert.Equal(successions, await db.AdministrativeUnitSuccessions.CountAsync());
        Assert.Equal(17_504, await db.AdministrativeUnits.CountAsync());
        Assert.Equal(3, await db.AdministrativeUnitSets.CountAsync());
        Assert.NotEqual("an older version", (await db.AdministrativeUnitImports.AsNoTracking().SingleAsync()).ContentHash);
    }
}
