using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Identity.Officers;

/// <summary>
/// The officers' store, which never keeps a second factor's secret as it is: the authenticator key is
/// encrypted with data protection (its key ring shared by all instances, ADR 0078), and the recovery codes
/// are kept as hashes, so that a copy of the database alone lets nobody pass an officer's second factor.
/// Values stored before this store (plain) are still read, and replaced the next time they are set.
/// </summary>
public sealed class OfficerUserStore(OneStopDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<Officer, IdentityRole, OneStopDbContext, string>(context, describer)
{
    // The names ASP.NET Core Identity's own store uses, so that existing rows stay where they are.
    private const string StoreProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";
    private const string RecoveryCodesName = "RecoveryCodes";

    private const string ProtectedPrefix = "dp1:";
    private const string HashedPrefix = "sha256:";

    private readonly IDataProtector _keys = protection.CreateProtector("OneStop.Identity.Officers.AuthenticatorKey");

    public override Task SetAuthenticatorKeyAsync(Officer user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, StoreProvider, AuthenticatorKeyName, ProtectedPrefix + _keys.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(Officer user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, StoreProvider, AuthenticatorKeyName, cancellationToken);
        return stored is not null && stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal)
            ? _keys.Unprotect(stored[ProtectedPrefix.Length..])
            : stored;
    }

    public override Task ReplaceCodesAsync(Officer user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, StoreProvider, RecoveryCodesName, string.Join(';', recoveryCodes.Select(Hash)), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(Officer user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = (await GetTokenAsync(user, StoreProvider, RecoveryCodesName, cancellationToken) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        var presented = Hash(code);
        var match = stored.FindIndex(entry => entry.StartsWith(HashedPrefix, StringComparison.Ordinal)
            ? Same(entry, presented)
            : Same(entry, code));
        if (match < 0)
        {
            return false;
        }

        // The others keep the form they had; a new set of codes is hashed whole.
        stored.RemoveAt(match);
        await SetTokenAsync(user, StoreProvider, RecoveryCodesName, string.Join(';', stored), cancellationToken);
        return true;
    }

    // Recovery codes are random and single-use: a plain hash is enough, a slow one would buy nothing.
    private static string Hash(string code) =>
        HashedPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    private static bool Same(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}
