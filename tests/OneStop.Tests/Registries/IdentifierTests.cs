using OneStop.Web.Registries.Enterprise;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Tests.Registries;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("033085001234")]
    [InlineData("001192007890")]
    [InlineData("096325000001")]
    public void Valid_personal_identification_numbers_pass(string value) =>
        Assert.Null(PersonalIdNumber.Validate(value, 2026));

    [Theory]
    [InlineData("", "12 digits")]
    [InlineData("03308500123", "12 digits")]
    [InlineData("0330850012345", "12 digits")]
    [InlineData("03308500123A", "12 digits")]
    [InlineData("003085001234", "province-of-registration")]
    [InlineData("097085001234", "province-of-registration")]
    [InlineData("033485001234", "future")]
    [InlineData("033299001234", "future")]
    public void Invalid_personal_identification_numbers_say_why(string value, string expected) =>
        Assert.Contains(expected, PersonalIdNumber.Validate(value, 2026));

    [Fact]
    public void The_century_and_sex_digit_gives_the_birth_year_and_sex()
    {
        Assert.Equal(1985, PersonalIdNumber.BirthYear("033085001234"));
        Assert.Equal(2015, PersonalIdNumber.BirthYear("033315000111"));
        Assert.True(PersonalIdNumber.IsFemale("033315000111"));
        Assert.False(PersonalIdNumber.IsFemale("033218000222"));
        Assert.Equal("033315000111", PersonalIdNumber.Compose("033", 2015, female: true, 111));
    }

    [Theory]
    [InlineData("0100109106")]
    [InlineData("0900000034")]
    [InlineData("0100109106-001")]
    public void Valid_tax_codes_pass(string value) => Assert.Null(TaxCode.Validate(value));

    [Theory]
    [InlineData("0100109107", "check digit")]
    [InlineData("0900000015", "check digit")] // no valid code starts with these nine digits
    [InlineData("010010910", "10 digits")]
    [InlineData("01001091O6", "10 digits")]
    [InlineData("0100109106-000", "branch")]
    [InlineData("0100109106-01", "10 digits")]
    public void Invalid_tax_codes_say_why(string value, string expected) => Assert.Contains(expected, TaxCode.Validate(value));

    [Fact]
    public void Composed_tax_codes_always_validate()
    {
        for (long stem = 90_000_000; stem < 90_002_000; stem++)
        {
            var code = TaxCode.Compose(stem);
            if (code is not null)
            {
                Assert.Null(TaxCode.Validate(code));
            }
        }
    }
}
