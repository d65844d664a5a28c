using System.Globalization;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Catalog.Loading;

namespace OneStop.Tests.Catalog;

/// <summary>Answers to the birth registration form as shipped, in the words a citizen or an officer reads.</summary>
public sealed class AnswerTextTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly FormDefinition BirthForm = Load("1.001193");

    private static FormDefinition Load(string code)
    {
        var file = CatalogSeeder.ShippedFiles().Single(f => f.Name.StartsWith(code, StringComparison.Ordinal));
        return ProcedureDefinitionReader.Create().Read(file.Name, file.Content, ProcedureFileFormat.Yaml).Definition.Form;
    }

    private static FieldDefinition Field(string key) => BirthForm.AllFields.Single(f => f.Key == key);

    private static string UnitName(string code) => code == "00004" ? "Phường Ba Đình" : $"unknown {code}";

    [Theory]
    [InlineData("childSex", "male", "vi", "Nam")]
    [InlineData("childSex", "male", "en", "Male")]
    [InlineData("hasBirthNotice", "yes", "vi", "Có")]
    [InlineData("hasBirthNotice", "no", "vi", "Không")]
    [InlineData("hasBirthNotice", "yes", "en", "Yes")]
    [InlineData("hasBirthNotice", "no", "en", "No")]
    [InlineData("childDateOfBirth", "2026-11-20", "vi", "20/11/2026")]
    [InlineData("childDateOfBirth", "2026-11-20", "en", "20/11/2026")]
    [InlineData("childPlaceOfBirth", "00004", "vi", "Phường Ba Đình")]
    [InlineData("childPlaceOfBirth", " 00004 ", "en", "Phường Ba Đình")]
    [InlineData("childFullName", "Trần Minh An", "en", "Trần Minh An")]
    [InlineData("extraCopies", "10", "vi", "10")]
    [InlineData("extraCopies", "12000", "vi", "12.000")]
    [InlineData("extraCopies", "100000000", "en", "100.000.000")]
    [InlineData("extraCopies", "100.000.000", "vi", "100.000.000")]
    [InlineData("extraCopies", "45.5", "vi", "45,5")]
    [InlineData("extraCopies", "1.25", "vi", "1,25")]
    public void An_answer_reads_as_words_in_the_readers_language(string key, string value, string language, string expected)
    {
        var culture = language == "en" ? English : Vietnamese;

        Assert.Equal(expected, AnswerText.Of(Field(key), value, culture, UnitName));
    }

    [Theory]
    [InlineData("childSex", "unheard-of")]
    [InlineData("hasBirthNotice", "maybe")]
    [InlineData("childDateOfBirth", "20/11/2026")]
    public void An_answer_the_form_does_not_know_is_shown_as_it_was_given(string key, string value)
    {
        Assert.Equal(value, AnswerText.Of(Field(key), value, Vietnamese, UnitName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_answer_shows_nothing(string? value)
    {
        Assert.Equal("", AnswerText.Of(Field("childPlaceOfBirth"), value, Vietnamese, UnitName));
    }
}
