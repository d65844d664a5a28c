namespace OneStop.Web.Shared.Security;

/// <summary>The claims OneStop reads from a signed-in user, whoever issued the identity.</summary>
public static class OneStopClaimTypes
{
    /// <summary>The user's stable identifier: an officer account id, or the citizen's subject at the identity provider.</summary>
    public const string Subject = "sub";

    /// <summary>A citizen's 12-digit personal identification number (số định danh cá nhân).</summary>
    public const string PersonalIdNumber = "pid";

    /// <summary>The full name as the identity provider asserts it.</summary>
    public const string FullName = "name";

    /// <summary>How strongly the identity was proven (e.g. VNeID level 1 or 2; values in <see cref="AssuranceLevels"/>).</summary>
    public const string AssuranceLevel = "acr";

    /// <summary>An officer's unit: a commune code (5 digits) or a province department code (e.g. <c>33-STP</c>).</summary>
    public const string UnitCode = "unit";

    /// <summary>The 2-digit code of the province an officer's unit belongs to.</summary>
    public const string ProvinceCode = "province";

    /// <summary>The role claim type OneStop issues (values in <see cref="Roles"/>).</summary>
    public const string Role = "role";

    /// <summary>How the user signed in; an officer's session carries <c>mfa</c> (password and authenticator).</summary>
    public const string AuthenticationMethod = "amr";
}
