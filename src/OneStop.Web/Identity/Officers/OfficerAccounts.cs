using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OneStop.Web.Audit;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Identity.Officers;

/// <summary>What a new officer account needs.</summary>
public sealed record NewOfficer(string Email, string FullName, string ProvinceCode, string UnitCode, string UnitName, string Role);

/// <summary>Creates officer accounts and changes their roles; every change lands in the audit log.</summary>
public sealed class OfficerAccounts(
    OneStopDbContext db,
    UserManager<Officer> users,
    RoleManager<IdentityRole> roles,
    IAuditTrail audit,
    TimeProvider time)
{
    /// <summary>Creates the roles OneStop knows if they are missing; safe to run again.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.Officers)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>
    /// Creates an account in one transaction with its role and audit entries. With a
    /// <paramref name="passwordHash"/> the password is already hashed (demo accounts share one);
    /// otherwise <paramref name="password"/> must satisfy the password rules.
    /// </summary>
    public async Task<Officer> CreateAsync(
        NewOfficer request,
        string? password,
        string? passwordHash,
        bool mustChangePassword,
        AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        if (!Roles.Officers.Contains(request.Role))
        {
            throw new ArgumentException($"'{request.Role}' is not an officer role; expected one of {string.Join(", ", Roles.Officers)}.", nameof(request));
        }

        if (!UnitCodes.IsUnitOf(request.ProvinceCode, request.UnitCode))
        {
            throw new ArgumentException(
                $"'{request.UnitCode}' is not a unit of province '{request.ProvinceCode}': expected a 5-digit commune code or a department code like '{request.ProvinceCode}-STP'.",
                nameof(request));
        }

        var officer = new Officer
        {
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = true,
            FullName = request.FullName,
            ProvinceCode = request.ProvinceCode,
            UnitCode = request.UnitCode,
            UnitName = request.UnitName,
            MustChangePassword = mustChangePassword,
            CreatedAt = time.GetUtcNow(),
            LockoutEnabled = true,
        };

        await using var transaction = await BeginUnlessOpenAsync(cancellationToken);
        if (passwordHash is not null)
        {
            officer.PasswordHash = passwordHash;
            Check(await users.CreateAsync(officer));
        }
        else
        {
            Check(await users.CreateAsync(officer, password ?? throw new ArgumentNullException(nameof(password))));
        }

        Check(await users.AddToRoleAsync(officer, request.Role));
        await audit.AppendAsync(new AuditEvent("identity.officer-created")
        {
            Subject = "officer:" + officer.Id,
            ProvinceCode = officer.ProvinceCode,
            UnitCode = officer.UnitCode,
            Actor = actor,
            Details = new Dictionary<string, string?> { ["email"] = officer.Email, ["unit"] = officer.UnitCode },
        }, cancellationToken);
        await audit.AppendAsync(RoleChange(officer, request.Role, "granted", actor), cancellationToken);
        await CommitIfOwnAsync(transaction, cancellationToken);
        return officer;
    }

    /// <summary>Gives an officer exactly <paramref name="role"/>, ends its sessions and records the change.</summary>
    public async Task ChangeRoleAsync(Officer officer, string role, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (!Roles.Officers.Contains(role))
        {
            throw new ArgumentException($"'{role}' is not an officer role.", nameof(role));
        }

        await using var transaction = await BeginUnlessOpenAsync(cancellationToken);
        var current = await users.GetRolesAsync(officer);
        foreach (var old in current.Where(r => r != role))
        {
            Check(await users.RemoveFromRoleAsync(officer, old));
            await audit.AppendAsync(RoleChange(officer, old, "revoked", actor), cancellationToken);
        }

        if (!current.Contains(role))
        {
            Check(await users.AddToRoleAsync(officer, role));
            await audit.AppendAsync(RoleChange(officer, role, "granted", actor), cancellationToken);
        }

        // A session carries its roles: the old ones must not outlive the change.
        Check(await users.UpdateSecurityStampAsync(officer));
        await CommitIfOwnAsync(transaction, cancellationToken);
    }

    // Joins the caller's transaction when there is one (the demo seeder makes all accounts in one).
    private async Task<IDbContextTransaction?> BeginUnlessOpenAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    private static async Task CommitIfOwnAsync(IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public Task<bool> AnyInRoleAsync(string role, CancellationToken cancellationToken = default) =>
        (from link in db.Set<IdentityUserRole<string>>()
         join r in db.Set<IdentityRole>() on link.RoleId equals r.Id
         where r.Name == role
         select link).AnyAsync(cancellationToken);

    /// <summary>A password that meets the rules, for accounts created with a one-time password.</summary>
    public static string GenerateOneTimePassword()
    {
        const string letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "!@#$%*+-=?";
        var all = letters + digits + symbols;
        var chars = new List<char>
        {
            letters[RandomNumberGenerator.GetInt32(24)],
            letters[24 + RandomNumberGenerator.GetInt32(24)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 20)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
    }

    private static AuditEvent RoleChange(Officer officer, string role, string change, AuditActor actor) =>
        new("identity.role-" + change)
        {
            Subject = "officer:" + officer.Id,
            ProvinceCode = officer.ProvinceCode,
            UnitCode = officer.UnitCode,
            Actor = actor,
            Details = new Dictionary<string, string?> { ["role"] = role },
        };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
