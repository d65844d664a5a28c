using Microsoft.EntityFrameworkCore;
using OneStop.Web.Audit;
using OneStop.Web.Identity.Officers;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Identity;

/// <summary>
/// <c>dotnet run --project src/OneStop.Web -- create-admin --email … --name … [--province 01 --unit 01-SKHCN --unit-name …]</c>:
/// creates the first system administrator with a one-time password. The first sign-in sets a new
/// password and enrols an authenticator app.
/// </summary>
internal sealed class CreateAdminCommand : ICommand
{
    public string Name => "create-admin";

    public string Description => "Create the first system administrator (--email, --name, --province, --unit, --unit-name).";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var options = Parse(arguments);
        if (!options.TryGetValue("email", out var email) || !email.Contains('@', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email ADDRESS [--name \"Full name\"] [--province 01] [--unit 01-SKHCN] [--unit-name \"…\"]");
            return 2;
        }

        var province = options.GetValueOrDefault("province", "01");
        var unit = options.GetValueOrDefault("unit", province + "-SKHCN");
        if (!UnitCodes.IsUnitOf(province, unit))
        {
            await Console.Error.WriteLineAsync($"'{unit}' is not a unit of province '{province}': give a 5-digit commune code or a department code like {province}-SKHCN.");
            return 2;
        }

        if (await CommandDatabase.PendingMigrationsAsync(services, cancellationToken) is { } pending)
        {
            await Console.Error.WriteLineAsync(pending);
            return 1;
        }

        var accounts = services.GetRequiredService<OfficerAccounts>();
        await accounts.EnsureRolesAsync();
        if (await accounts.AnyInRoleAsync(Roles.SystemAdministrator, cancellationToken) && !options.ContainsKey("additional"))
        {
            await Console.Error.WriteLineAsync("A system administrator already exists; further accounts are created by an administrator. (Pass --additional to add one anyway.)");
            return 1;
        }

        var password = OfficerAccounts.GenerateOneTimePassword();
        var request = new NewOfficer(email, options.GetValueOrDefault("name", "Quản trị hệ thống"), province, unit,
            options.GetValueOrDefault("unit-name", unit), Roles.SystemAdministrator);
        try
        {
            await accounts.CreateAsync(request, password, null, mustChangePassword: true, AuditActor.System, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync("The account could not be created: " + e.Message);
            return 1;
        }

        Console.WriteLine($"System administrator {email} created.");
        Console.WriteLine($"One-time password: {password}");
        Console.WriteLine("Sign in at /account/sign-in: you will choose your own password and enrol an");
        Console.WriteLine("authenticator app (scan the QR code), and receive recovery codes to keep safe. This password is shown only once.");
        return 0;
    }

    private static Dictionary<string, string> Parse(IReadOnlyList<string> arguments)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (!arguments[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var name = arguments[i][2..];
            var hasValue = i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal);
            result[name] = hasValue ? arguments[++i] : "true";
        }

        return result;
    }
}

/// <summary>Commands run without starting the server, so nothing has migrated the database for them.</summary>
internal static class CommandDatabase
{
    /// <summary>A message naming the missing migrations, or null when the database is up to date.</summary>
    public static async Task<string?> PendingMigrationsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OneStopDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? null
            : $"The database lacks {pending.Count} migration(s). Run 'dotnet run --project src/OneStop.Web -- migrate' first.";
    }
}
