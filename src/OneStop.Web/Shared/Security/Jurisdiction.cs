using System.Linq.Expressions;
using System.Security.Claims;

namespace OneStop.Web.Shared.Security;

/// <summary>
/// Which units' work an officer may see and act on. A commune officer covers that commune only; an
/// officer of a province department (or the province administrator) covers every commune of the
/// province and the province's own departments; the system administrator covers the installation.
/// It is read from the session's claims alone, so a check needs no database lookup.
/// </summary>
public sealed record Jurisdiction
{
    private Jurisdiction(JurisdictionLevel level, string? provinceCode, string? communeCode)
    {
        Level = level;
        ProvinceCode = provinceCode;
        CommuneCode = communeCode;
    }

    public JurisdictionLevel Level { get; }

    /// <summary>The province covered (for <see cref="JurisdictionLevel.Province"/> and <see cref="JurisdictionLevel.Commune"/>).</summary>
    public string? ProvinceCode { get; }

    /// <summary>The commune covered (for <see cref="JurisdictionLevel.Commune"/> only).</summary>
    public string? CommuneCode { get; }

    /// <summary>Covers nothing: citizens, anonymous callers, officers without a unit.</summary>
    public static Jurisdiction None { get; } = new(JurisdictionLevel.None, null, null);

    public static Jurisdiction Everything { get; } = new(JurisdictionLevel.Everything, null, null);

    public static Jurisdiction OfProvince(string provinceCode) => new(JurisdictionLevel.Province, provinceCode, null);

    public static Jurisdiction OfCommune(string provinceCode, string communeCode) =>
        new(JurisdictionLevel.Commune, provinceCode, communeCode);

    /// <summary>The jurisdiction of an officer of <paramref name="unitCode"/> in <paramref name="provinceCode"/>.</summary>
    public static Jurisdiction OfUnit(string provinceCode, string unitCode) =>
        UnitCodes.IsCommune(unitCode) ? OfCommune(provinceCode, unitCode) : OfProvince(provinceCode);

    /// <summary>The jurisdiction of a signed-in user, from the session's role, province and unit claims.</summary>
    public static Jurisdiction From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return None;
        }

        if (user.IsInRole(Roles.SystemAdministrator))
        {
            return Everything;
        }

        if (!Roles.Officers.Any(user.IsInRole))
        {
            return None;
        }

        var province = user.FindFirst(OneStopClaimTypes.ProvinceCode)?.Value;
        var unit = user.FindFirst(OneStopClaimTypes.UnitCode)?.Value;
        if (string.IsNullOrEmpty(province) || string.IsNullOrEmpty(unit))
        {
            return None;
        }

        return user.IsInRole(Roles.ProvinceAdministrator) ? OfProvince(province) : OfUnit(province, unit);
    }

    /// <summary>
    /// Whether work of <paramref name="communeCode"/> in <paramref name="provinceCode"/> lies in this
    /// jurisdiction. A null commune means the province's own work (its departments).
    /// </summary>
    public bool Covers(string provinceCode, string? communeCode) => Level switch
    {
        JurisdictionLevel.Everything => true,
        JurisdictionLevel.Province => provinceCode == ProvinceCode,
        JurisdictionLevel.Commune => provinceCode == ProvinceCode && communeCode is not null && communeCode == CommuneCode,
        _ => false,
    };

    /// <summary>
    /// Whether the unit <paramref name="unitCode"/> (a commune code, a department code, or null for the
    /// province as a whole) of <paramref name="provinceCode"/> lies in this jurisdiction.
    /// </summary>
    public bool CoversUnit(string provinceCode, string? unitCode) =>
        Covers(provinceCode, unitCode is not null && UnitCodes.IsCommune(unitCode) ? unitCode : null);

    public override string ToString() => Level switch
    {
        JurisdictionLevel.Everything => "everything",
        JurisdictionLevel.Province => $"province {ProvinceCode}",
        JurisdictionLevel.Commune => $"commune {CommuneCode} of province {ProvinceCode}",
        _ => "nothing",
    };
}

public enum JurisdictionLevel
{
    None,
    Commune,
    Province,
    Everything,
}

/// <summary>The shapes of unit codes officers belong to.</summary>
public static class UnitCodes
{
    /// <summary>A commune (xã, phường, đặc khu): 5 digits, e.g. <c>00004</c> (Phường Ba Đình).</summary>
    public static bool IsCommune(string? code) => code is { Length: 5 } && code.All(char.IsAsciiDigit);

    /// <summary>A province: 2 digits, e.g. <c>01</c> (Hà Nội).</summary>
    public static bool IsProvince(string? code) => code is { Length: 2 } && code.All(char.IsAsciiDigit);

    /// <summary>
    /// A department of a province: the province code, a hyphen and 2–10 capital letters,
    /// e.g. <c>33-STP</c> (Sở Tư pháp tỉnh Hưng Yên) or <c>01-VPUB</c> (Văn phòng UBND).
    /// </summary>
    public static bool IsDepartment(string? code) =>
        code is { Length: >= 5 and <= 13 } && IsProvince(code[..2]) && code[2] == '-' && code[3..].All(char.IsAsciiLetterUpper);

    /// <summary>Whether <paramref name="unitCode"/> is a valid unit of <paramref name="provinceCode"/> as far as its shape tells.</summary>
    public static bool IsUnitOf(string provinceCode, string unitCode) =>
        IsProvince(provinceCode) && (IsCommune(unitCode) || (IsDepartment(unitCode) && unitCode.StartsWith(provinceCode + "-", StringComparison.Ordinal)));
}

/// <summary>Something that belongs to one unit: an application, a queue, an officer…</summary>
public interface IUnitScoped
{
    string ProvinceCode { get; }

    /// <summary>A commune code, a department code, or null for the province as a whole.</summary>
    string? UnitCode { get; }
}

/// <summary>A unit named by its codes, to authorize against when there is no entity at hand.</summary>
public sealed record UnitRef(string ProvinceCode, string? UnitCode) : IUnitScoped;

/// <summary>The signed-in officer of the current request (read from the session's claims).</summary>
public interface ICurrentOfficer
{
    bool IsOfficer { get; }

    /// <summary>The officer's account id (<c>sub</c>).</summary>
    string? Id { get; }

    string? FullName { get; }

    string? ProvinceCode { get; }

    string? UnitCode { get; }

    IReadOnlyList<string> Roles { get; }

    Jurisdiction Jurisdiction { get; }

    bool IsInRole(string role);
}

internal sealed class CurrentOfficer(IHttpContextAccessor accessor) : ICurrentOfficer
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public bool IsOfficer => User is { } user && Security.Roles.Officers.Any(user.IsInRole);

    public string? Id => IsOfficer ? User!.FindFirst(OneStopClaimTypes.Subject)?.Value : null;

    public string? FullName => IsOfficer ? User!.FindFirst(OneStopClaimTypes.FullName)?.Value : null;

    public string? ProvinceCode => IsOfficer ? User!.FindFirst(OneStopClaimTypes.ProvinceCode)?.Value : null;

    public string? UnitCode => IsOfficer ? User!.FindFirst(OneStopClaimTypes.UnitCode)?.Value : null;

    public IReadOnlyList<string> Roles => User is { } user ? Security.Roles.Officers.Where(user.IsInRole).ToList() : [];

    public Jurisdiction Jurisdiction => Jurisdiction.From(User);

    public bool IsInRole(string role) => User?.IsInRole(role) == true;
}

/// <summary>Narrows a query to the rows in a jurisdiction, in SQL.</summary>
public static class JurisdictionQueries
{
    /// <summary>
    /// Keeps the rows whose province and commune lie in <paramref name="jurisdiction"/>.
    /// <paramref name="unit"/> selects the row's commune code (or department code, or null).
    /// </summary>
    public static IQueryable<T> WithinJurisdiction<T>(
        this IQueryable<T> query,
        Jurisdiction jurisdiction,
        Expression<Func<T, string>> province,
        Expression<Func<T, string?>> unit)
    {
        switch (jurisdiction.Level)
        {
            case JurisdictionLevel.Everything:
                return query;
            case JurisdictionLevel.Province:
                return query.Where(Equals(province, jurisdiction.ProvinceCode!));
            case JurisdictionLevel.Commune:
                return query.Where(Equals(province, jurisdiction.ProvinceCode!)).Where(Equals(unit, jurisdiction.CommuneCode!));
            default:
                return query.Where(_ => false);
        }
    }

    /// <summary>Keeps the <see cref="IUnitScoped"/> rows in <paramref name="jurisdiction"/>.</summary>
    public static IQueryable<T> WithinJurisdiction<T>(this IQueryable<T> query, Jurisdiction jurisdiction)
        where T : IUnitScoped
    {
        var row = Expression.Parameter(typeof(T), "row");
        var province = Expression.Lambda<Func<T, string>>(Expression.Property(row, typeof(T).GetProperty(nameof(IUnitScoped.ProvinceCode))!), row);
        var unit = Expression.Lambda<Func<T, string?>>(Expression.Property(row, typeof(T).GetProperty(nameof(IUnitScoped.UnitCode))!), row);
        return query.WithinJurisdiction(jurisdiction, province, unit);
    }

    // The value goes through a closure-like holder so that the SQL gets a parameter, not a literal.
    private static Expression<Func<T, bool>> Equals<T, TValue>(Expression<Func<T, TValue>> selector, string value)
    {
        var holder = Expression.Property(Expression.Constant(new CodeHolder(value)), nameof(CodeHolder.Code));
        return Expression.Lambda<Func<T, bool>>(
            Expression.Equal(selector.Body, Expression.Convert(holder, typeof(TValue))),
            selector.Parameters);
    }

    private sealed record CodeHolder(string Code);
}
