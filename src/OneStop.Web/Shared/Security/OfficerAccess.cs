namespace OneStop.Web.Shared.Security;

/// <summary>
/// Declares who may use an officer endpoint or page, so that the access matrix test can walk every
/// role × unit pair over it and check the real outcome against this declaration. It does not grant
/// anything by itself: the endpoint still names its policy and checks its jurisdiction.
/// Every endpoint whose policy admits officers must carry it (the test fails otherwise).
/// </summary>
/// <example>
/// <code>
/// group.MapGet("/queue", …)
///     .RequireAuthorization(Policies.Receptionist)
///     .WithMetadata(new OfficerAccessAttribute(Roles.Receptionist) { ProvinceParameter = "province", UnitParameter = "unit" });
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class OfficerAccessAttribute(params string[] roles) : Attribute
{
    /// <summary>The roles allowed through (before any jurisdiction check).</summary>
    public IReadOnlyList<string> Roles { get; } = roles;

    /// <summary>
    /// The route or query value that names the province whose jurisdiction applies; null when the
    /// endpoint is not scoped by a unit named in the request.
    /// </summary>
    public string? ProvinceParameter { get; init; }

    /// <summary>The route or query value naming the commune (or department) within that province, if any.</summary>
    public string? UnitParameter { get; init; }

    /// <summary>
    /// A request path (with query) the access test sends, with sample values for any other route
    /// values; <c>{province}</c> and <c>{unit}</c> are replaced by each unit the test tries.
    /// Defaults to the route pattern itself.
    /// </summary>
    public string? ExampleRequest { get; init; }

    /// <summary>A JSON body the access test sends to a POST/PUT/PATCH endpoint.</summary>
    public string? ExampleBody { get; init; }

    public bool IsUnitScoped => ProvinceParameter is not null;
}
