namespace OneStop.Web.Shared.Security;

/// <summary>
/// The authorization policies every page and endpoint names. Nothing is reachable without one:
/// the fallback policy demands a signed-in user, and public pages say <c>[AllowAnonymous]</c>.
/// Every officer policy also demands that the officer signed in with the second factor.
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

    /// <summary>Anyone signed in, citizen or officer (their own account pages).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Those who manage the officers of their jurisdiction: unit leaders and administrators.</summary>
    public const string UnitManagement = "UnitManagement";

    /// <summary>
    /// Resource-based: the resource (an <see cref="IUnitScoped"/> or a <see cref="UnitRef"/>) lies in the
    /// signed-in officer's jurisdiction. Use with <c>IAuthorizationService.AuthorizeAsync(user, resource, Policies.InJurisdiction)</c>.
    /// </summary>
    public const string InJurisdiction = "InJurisdiction";

    /// <summary>The roles each role-based policy admits, so that tests and documentation can read them.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> RolesOf = new Dictionary<string, IReadOnlyList<string>>
    {
        [Citizen] = [Roles.Citizen],
        [Officer] = Roles.Officers,
        [Receptionist] = [Roles.Receptionist],
        [Specialist] = [Roles.Specialist],
        [UnitLeader] = [Roles.UnitLeader],
        [ProvinceAdministrator] = [Roles.ProvinceAdministrator],
        [SystemAdministrator] = [Roles.SystemAdministrator],
        [UnitManagement] = [Roles.UnitLeader, Roles.ProvinceAdministrator, Roles.SystemAdministrator],
    };
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

/// <summary>How strongly a citizen's identity was proven (the <c>acr</c> claim), as VNeID's levels.</summary>
public static class AssuranceLevels
{
    public const string Level1 = "1";
    public const string Level2 = "2";
}
