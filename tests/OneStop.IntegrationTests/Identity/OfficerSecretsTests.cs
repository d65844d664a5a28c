using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Web.Identity.Officers;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Identity;

/// <summary>An officer's second factor is never stored as it is, and still works.</summary>
public sealed class OfficerSecretsTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task The_authenticator_key_is_stored_encrypted_and_the_officer_still_signs_in_with_it()
    {
        const string email = "chuyenvien.stp.hungyen@onestop.example";
        var key = await app.AuthenticatorKeyAsync(email);
        Assert.Matches("^[A-Z2-7]{16,}$", key);

        var stored = await StoredAsync(email, "AuthenticatorKey");
        Assert.StartsWith("dp1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);

        // Through the real forms: password, then the code an authenticator app computes from the key.
        var browser = await app.SignInOfficerAsync(email);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync("/workspace")).StatusCode);
    }

    [Fact]
    public async Task Recovery_codes_are_stored_as_hashes_and_each_works_once()
    {
        const string email = "tiepnhan.ca.hungyen@onestop.example";
        IReadOnlyList<string> codes;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Officer>>();
            var officer = (await users.FindByEmailAsync(email))!;
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(officer, 10))!];
        }

        var stored = await StoredAsync(email, "RecoveryCodes");
        Assert.Equal(10, stored.Split(';').Length);
        Assert.All(stored.Split(';'), entry => Assert.StartsWith("sha256:", entry, StringComparison.Ordinal));
        Assert.All(codes, code => Assert.DoesNotContain(code, stored, StringComparison.Ordinal));

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Officer>>();
            var officer = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(officer, codes[3])).Succeeded);
            Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(officer, codes[3])).Succeeded);
            Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(officer, "not-a-code")).Succeeded);
            Assert.Equal(9, await users.CountRecoveryCodesAsync(officer));
        }
    }

    [Fact]
    public async Task Secrets_stored_plain_before_are_still_read_and_a_new_key_replaces_them_encrypted()
    {
        const string email = "lanhdao.ca.hungyen@onestop.example";
        await OverwriteStoredAsync(email, "AuthenticatorKey", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        await OverwriteStoredAsync(email, "RecoveryCodes", "aaaa1-bbbb2;cccc3-dddd4");

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Officer>>();
            var officer = (await users.FindByEmailAsync(email))!;
            Assert.Equal("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", await users.GetAuthenticatorKeyAsync(officer));
            Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(officer, "cccc3-dddd4")).Succeeded);
            Assert.Equal(1, await users.CountRecoveryCodesAsync(officer));

            Assert.True((await users.ResetAuthenticatorKeyAsync(officer)).Succeeded);
        }

        Assert.StartsWith("dp1:", await StoredAsync(email, "AuthenticatorKey"), StringComparison.Ordinal);
    }

    private async Task<string> StoredAsync(string email, string name)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var officerId = await db.Set<Officer>().Where(o => o.Email == email).Select(o => o.Id).SingleAsync();
        return await db.Set<IdentityUserToken<string>>()
            .Where(t => t.UserId == officerId && t.Name == name)
            .Select(t => t.Value)
            .SingleAsync() ?? "";
    }

    private async Task OverwriteStoredAsync(string email, string name, string value)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var officerId = await db.Set<Officer>().Where(o => o.Email == email).Select(o => o.Id).SingleAsync();
        var token = await db.Set<IdentityUserToken<string>>().SingleOrDefaultAsync(t => t.UserId == officerId && t.Name == name);
        if (token is null)
        {
            db.Add(new IdentityUserToken<string> { UserId = officerId, LoginProvider = "[AspNetUserStore]", Name = name, Value = value });
        }
        else
        {
            token.Value = value;
        }

        await db.SaveChangesAsync();
    }
}
