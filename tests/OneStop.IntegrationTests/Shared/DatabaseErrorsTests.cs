using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing.Certificates;

namespace OneStop.IntegrationTests.Shared;

/// <summary>What the run's database answers to a second writer of the same key, and to a write that fails for another reason.</summary>
public sealed class DatabaseErrorsTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private async Task<DbUpdateException?> SaveKeyAsync(string purpose, byte[] publicKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        db.Set<SystemKey>().Add(new SystemKey { Purpose = purpose, PublicKey = publicKey, ProtectedPrivateKey = [1], CreatedAt = DateTimeOffset.UtcNow });
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException failure)
        {
            return failure;
        }
    }

    [Fact]
    public async Task A_second_row_with_the_same_primary_key_is_a_unique_violation()
    {
        Assert.Null(await SaveKeyAsync("tests.same-purpose", [1]));

        var second = await SaveKeyAsync("tests.same-purpose", [2]);

        Assert.True(DatabaseErrors.IsUniqueViolation(Assert.IsType<DbUpdateException>(second)));
    }

    [Fact]
    public async Task A_missing_required_value_is_not_a_unique_violation()
    {
        var failure = await SaveKeyAsync("tests.no-public-key", null!);

        Assert.False(DatabaseErrors.IsUniqueViolation(Assert.IsType<DbUpdateException>(failure)));
    }
}
