namespace OneStop.Web.Shared.Security;

/// <summary>
/// The authorization policies every page and endpoint names. Nothing is reachable without one:
/// the fallback policy demands a signed-in user, and public pages say <c>[AllowAnonymous]</c>.
/// </summary>
public static class Policies
{
    public const string Citizen = "Citizen";
    public const string Officer = "Officer";
    public const string Receptionist = "Receptionist";
    public const string Specialist = "Specialist";
    public const string UnitLeader = "UnitLeader";
    public const string ProvinceAdministrator = "ProvinceAdministrator";
    public const string SystemAdministrator = "SystemAdministrator";
}

/// <summary>The roles of OneStop's users, as they appear in role claims.</summary>
public static class Roles
{
    public const string Citizen = "citizen";
    public const string Receptionist = "receptionist";
    public const string Specialist = "specialist";
    public const string UnitLeader = "unit-leader";
    public const string ProvinceAdministrator = "province-administrator";
    public const string SystemAdministrator = "system-administrator";

    public static readonly IReadOnlyList<string> Officers =
        [Receptionist, Specialist, UnitLeader, ProvinceAdministrator, SystemAdministrator];
}
