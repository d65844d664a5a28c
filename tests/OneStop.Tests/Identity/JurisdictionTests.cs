using System.Security.Claims;
using OneStop.Web.Identity.Citizens;
using OneStop.Web.Shared.Security;

namespace OneStop.Tests.Identity;

public sealed class JurisdictionTests
{
    private static ClaimsPrincipal Officer(string role, string province, string unit, bool signedIn = true) =>
        new(new ClaimsIdentity(
            [new Claim("role", role), new Claim("province", province), new Claim("unit", unit)],
            signedIn ? "test" : null, "name", "role"));

    [Theory]
    [InlineData(Roles.Receptionist, "01", "00004", "01", "00004", true)]
    [InlineData(Roles.Receptionist, "01", "00004", "01", "00008", false)]
    [InlineData(Roles.UnitLeader, "01", "00004", "01", null, false)]
    [InlineData(Roles.Specialist, "01", "00004", "33", "00004", false)]
    [InlineData(Roles.Specialist, "33", "33-STP", "33", "11953", true)]
    [InlineData(Roles.Specialist, "33", "33-STP", "33", "33-VPUB", true)]
    [InlineData(Roles.Specialist, "33", "33-STP", "01", "00004", false)]
    [InlineData(Roles.ProvinceAdministrator, "01", "01-VPUB", "01", "00008", true)]
    [InlineData(Roles.ProvinceAdministrator, "01", "01-VPUB", "33", "11953", false)]
    [InlineData(Roles.SystemAdministrator, "01", "01-SKHCN", "33", "11953", true)]
    public void An_officer_covers_exactly_its_units(string role, string province, string unit, string targetProvince, string? targetUnit, bool covered)
    {
        var jurisdiction = Jurisdiction.From(Officer(role, province, unit));
        Assert.Equal(covered, jurisdiction.CoversUnit(targetProvince, targetUnit));
        Assert.Equal(covered, jurisdiction.CoversUnit(targetProvince, targetUnit)); // pure: asking twice changes nothing
    }

    [Fact]
    public void Citizens_anonymous_callers_and_officers_without_a_unit_cover_nothing()
    {
        Assert.Equal(Jurisdiction.None, Jurisdiction.From(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Equal(Jurisdiction.None, Jurisdiction.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", Roles.Citizen)], "test", "name", "role"))));
        Assert.Equal(Jurisdiction.None, Jurisdiction.From(Officer(Roles.Specialist, "01", "00004", signedIn: false)));
        Assert.Equal(Jurisdiction.None, Jurisdiction.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", Roles.Specialist)], "test", "name", "role"))));
        Assert.False(Jurisdiction.None.Covers("01", "00004"));
    }

    private sealed record Row(string ProvinceCode, string? UnitCode) : IUnitScoped;

    [Fact]
    public void The_query_filter_keeps_only_the_rows_in_the_jurisdiction()
    {
        var rows = new[] { new Row("01", "00004"), new Row("01", "00008"), new Row("01", "01-VPUB"), new Row("33", "11953") }.AsQueryable();

        Assert.Equal([new Row("01", "00004")], rows.WithinJurisdiction(Jurisdiction.OfCommune("01", "00004")).ToArray());
        Assert.Equal(3, rows.WithinJurisdiction(Jurisdiction.OfProvince("01")).Count());
        Assert.Equal(4, rows.WithinJurisdiction(Jurisdiction.Everything).Count());
        Assert.Empty(rows.WithinJurisdiction(Jurisdiction.None));
        Assert.Equal("11953", rows.WithinJurisdiction(Jurisdiction.OfProvince("33"), r => r.ProvinceCode, r => r.UnitCode).Single().UnitCode);
    }

    [Theory]
    [InlineData("00004", true, false)]
    [InlineData("33-STP", false, true)]
    [InlineData("0004", false, false)]
    [InlineData("33-stp", false, false)]
    [InlineData("3-STP", false, false)]
    public void Unit_codes_are_told_apart_by_their_shape(string code, bool commune, bool department)
    {
        Assert.Equal(commune, UnitCodes.IsCommune(code));
        Assert.Equal(department, UnitCodes.IsDepartment(code));
    }

    [Theory]
    [InlineData("001085012345", true, 1985)]
    [InlineData("033195007890", true, 1995)]
    [InlineData("001203001122", true, 2003)]
    [InlineData("033305002233", true, 2005)]
    [InlineData("03330500223", false, 0)]
    [InlineData("03330500223x", false, 0)]
    public void Personal_ID_numbers_have_12_digits_and_encode_the_birth_year(string value, bool valid, int year)
    {
        Assert.Equal(valid, PersonalIdNumbers.IsValid(value));
        if (valid)
        {
            Assert.Equal(year, PersonalIdNumbers.BirthYear(value));
        }
    }
}
