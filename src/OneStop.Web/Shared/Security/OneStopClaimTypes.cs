namespace OneStop.Web.Shared.Security;

/// <summary>The claims OneStop reads from a signed-in user, whoever issued the identity.</summary>
public static class OneStopClaimTypes
{
    /// <summary>A citizen's 12-digit personal identification number (số định danh cá nhân).</summary>
    public const string PersonalIdNumber = "pid";

    /// <summary>The full name as the identity provider asserts it.</summary>
    public const string FullName = "name";

    /// <summary>How strongly the identity was proven (e.g. VNeID level 1 or 2).</summary>
    public const string AssuranceLevel = "acr";

    /// <summary>An officer's unit: a commune code (5 digits) or a province department code.</summary>
    public const string UnitCode = "unit";

    /// <summary>The role claim type OneStop issues (values in <see cref="Roles"/>).</summary>
    public const string Role = "role";
}
