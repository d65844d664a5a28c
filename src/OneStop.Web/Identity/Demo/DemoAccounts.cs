using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Audit;
using OneStop.Web.Identity.Officers;
using OneStop.Web.Identity.Provider;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Identity.Demo;

/// <summary>
/// The demo's accounts: one officer per role in two communes of two provinces (Phường Ba Đình, Hà Nội
/// and Phường Phố Hiến, Hưng Yên), the provincial police of Hưng Yên (receptionist, specialist, leader,
/// for province-level procedures such as the criminal record certificate), a department officer, the province administrators, a system
/// administrator, and citizens of the built-in identity provider. Only ever created in demo mode.
/// </summary>
public static class DemoAccounts
{
    public const string OfficerPassword = "Demo@OneStop2026";

    public const string CitizenPassword = "CongDan@2026";

    public static readonly IReadOnlyList<NewOfficer> Officers =
    [
        new("tiepnhan.badinh@onestop.example", "Nguyễn Thị Lan", "01", "00004", "Phường Ba Đình", Roles.Receptionist),
        new("chuyenvien.badinh@onestop.example", "Trần Văn Minh", "01", "00004", "Phường Ba Đình", Roles.Specialist),
        new("lanhdao.badinh@onestop.example", "Lê Quang Huy", "01", "00004", "Phường Ba Đình", Roles.UnitLeader),
        new("tiepnhan.phohien@onestop.example", "Phạm Thị Hoa", "33", "11953", "Phường Phố Hiến", Roles.Receptionist),
        new("chuyenvien.phohien@onestop.example", "Đỗ Văn Nam", "33", "11953", "Phường Phố Hiến", Roles.Specialist),
        new("lanhdao.phohien@onestop.example", "Vũ Đức Thắng", "33", "11953", "Phường Phố Hiến", Roles.UnitLeader),
        new("chuyenvien.stp.hungyen@onestop.example", "Bùi Thị Mai", "33", "33-STP", "Sở Tư pháp tỉnh Hưng Yên", Roles.Specialist),
        new("tiepnhan.ca.hungyen@onestop.example", "Trịnh Văn Khoa", "33", "33-CA", "Công an tỉnh Hưng Yên", Roles.Receptionist),
        new("chuyenvien.ca.hungyen@onestop.example", "Lương Thị Hạnh", "33", "33-CA", "Công an tỉnh Hưng Yên", Roles.Specialist),
        new("lanhdao.ca.hungyen@onestop.example", "Phan Quốc Bảo", "33", "33-CA", "Công an tỉnh Hưng Yên", Roles.UnitLeader),
        new("quantri.hanoi@onestop.example", "Ngô Minh Tuấn", "01", "01-VPUB", "Văn phòng UBND thành phố Hà Nội", Roles.ProvinceAdministrator),
        new("quantri.hungyen@onestop.example", "Đặng Thu Trang", "33", "33-VPUB", "Văn phòng UBND tỉnh Hưng Yên", Roles.ProvinceAdministrator),
        new("quantri.hethong@onestop.example", "Hoàng Văn Long", "01", "01-SKHCN", "Sở Khoa học và Công nghệ thành phố Hà Nội", Roles.SystemAdministrator),
    ];

    /// <summary>
    /// Citizens of the built-in provider: the demo people of the population registry (same ID numbers and
    /// names), so that a demo citizen finds their own data prefilled.
    /// </summary>
    public static readonly IReadOnlyList<(string PersonalIdNumber, string FullName, string AssuranceLevel)> Citizens =
    [
        ("033085001234", "Nguyễn Văn An", AssuranceLevels.Level2),
        ("033188004321", "Trần Thị Bình", AssuranceLevels.Level2),
        ("033090005678", "Lê Văn Dũng", AssuranceLevels.Level2),
        ("001192007890", "Phạm Thị Hoa", AssuranceLevels.Level1),
        ("001089003456", "Đỗ Văn Khánh", AssuranceLevels.Level2),
        ("033155000888", "Phạm Thị Lan", AssuranceLevels.Level2),
    ];
}

internal sealed class DemoAccountsSeeder(DemoAccountsBanner banner) : IDataSeeder
{
    public int Order => 120;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OneStopDbContext>();
        var users = services.GetRequiredService<UserManager<Officer>>();
        var accounts = services.GetRequiredService<OfficerAccounts>();

        var emails = DemoAccounts.Officers.Select(o => o.Email.ToUpperInvariant()).ToList();
        var existing = await db.Set<Officer>().Where(o => emails.Contains(o.NormalizedEmail!)).Select(o => o.NormalizedEmail).ToListAsync(cancellationToken);
        var missing = DemoAccounts.Officers.Where(o => !existing.Contains(o.Email.ToUpperInvariant())).ToList();
        if (missing.Count > 0)
        {
            // One hash for all: the demo password is the same and printed anyway; hashing is deliberately slow.
            var hash = users.PasswordHasher.HashPassword(new Officer(), DemoAccounts.OfficerPassword);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var request in missing)
            {
                var officer = await accounts.CreateAsync(request, null, hash, mustChangePassword: false, AuditActor.System, cancellationToken);
                await users.ResetAuthenticatorKeyAsync(officer);
                await users.SetTwoFactorEnabledAsync(officer, true);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var lines = new List<string> { "", "Demo officers (password " + DemoAccounts.OfficerPassword + "; add the authenticator key to an authenticator app):" };
        foreach (var request in DemoAccounts.Officers)
        {
            var officer = await users.FindByEmailAsync(request.Email);
            var key = officer is null ? null : await users.GetAuthenticatorKeyAsync(officer);
            lines.Add($"  {request.Email,-42} {request.Role,-23} {request.UnitName} ({request.UnitCode})  key {key}");
        }

        if (services.GetService<BuiltInClientSecret>() is not null)
        {
            await SeedCitizensAsync(db, cancellationToken);
            lines.Add("Demo citizens at the built-in identity provider (password " + DemoAccounts.CitizenPassword + "): /account/citizen-sign-in");
            lines.AddRange(DemoAccounts.Citizens.Select(c => $"  {c.PersonalIdNumber}  {c.FullName} (level {c.AssuranceLevel})"));
        }

        banner.Set(lines);
    }

    private static async Task SeedCitizensAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        var known = await db.Set<ProviderCitizen>().Select(c => c.PersonalIdNumber).ToListAsync(cancellationToken);
        var missing = DemoAccounts.Citizens.Where(c => !known.Contains(c.PersonalIdNumber)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var hash = new PasswordHasher<ProviderCitizen>().HashPassword(new ProviderCitizen(), DemoAccounts.CitizenPassword);
        foreach (var (pid, name, level) in missing)
        {
            db.Add(new ProviderCitizen { Id = Guid.NewGuid(), PersonalIdNumber = pid, FullName = name, AssuranceLevel = level, PasswordHash = hash });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Prints the demo accounts once OneStop listens (demo mode only).</summary>
internal sealed class DemoAccountsBanner : IStartupBannerContributor
{
    private IReadOnlyList<string> _lines = [];

    public void Set(IReadOnlyList<string> lines) => _lines = lines;

    public IEnumerable<string> Lines() => _lines;
}
