using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Loading;

namespace OneStop.Tests.Catalog;

/// <summary>A broken procedure file is refused with a message that names the file, the field and the line.</summary>
public sealed class ProcedureDefinitionReaderTests
{
    private static readonly ProcedureDefinitionReader Reader = ProcedureDefinitionReader.Create();

    private static string BirthRegistration() =>
        CatalogSeeder.ShippedFiles().Single(f => f.Name.StartsWith("1.001193", StringComparison.Ordinal)).Content;

    private static InvalidProcedureDefinitionException Refused(string content, string fileName = "broken.yaml") =>
        Assert.Throws<InvalidProcedureDefinitionException>(() => Reader.Read(fileName, content, ProcedureDefinitionReader.FormatOf(fileName)));

    [Fact]
    public void A_wrong_field_type_is_named_with_its_path_line_and_the_allowed_values()
    {
        var content = BirthRegistration().Replace("          type: date\n", "          type: calendar\n", StringComparison.Ordinal);

        var error = Refused(content);

        Assert.Equal("broken.yaml", error.FileName);
        var problem = Assert.Single(error.Problems);
        Assert.Equal("form.pages[1].fields[1].type", problem.Path);
        Assert.NotNull(problem.Line);
        Assert.Contains("\"calendar\" is not allowed", problem.Message, StringComparison.Ordinal);
        Assert.Contains("yes-no", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Procedure file 'broken.yaml' is not valid", error.Message, StringComparison.Ordinal);
        Assert.Contains("form.pages[1].fields[1].type (line ", error.Message, StringComparison.Ordinal);
        var line = content.Split('\n')[problem.Line!.Value - 1];
        Assert.Contains("type: calendar", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_and_a_misspelt_one_are_both_reported()
    {
        var content = BirthRegistration()
            .Replace("publishedBy: Quyết định 163/QĐ-BTP\n", "publishedby: Quyết định 163/QĐ-BTP\n", StringComparison.Ordinal);

        var error = Refused(content);

        Assert.Contains(error.Problems, p => p.Path == "publishedBy" && p.Message.Contains("required", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path == "publishedby" && p.Message.Contains("not a known property", StringComparison.Ordinal));
    }

    [Fact]
    public void A_procedure_code_must_look_like_a_national_code()
    {
        var error = Refused(BirthRegistration().Replace("code: \"1.001193\"", "code: \"1001193\"", StringComparison.Ordinal));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("code", problem.Path);
        Assert.Equal(3, problem.Line);
        Assert.Contains("1.001193", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fee_amount_must_be_a_whole_number_of_dong()
    {
        var error = Refused(BirthRegistration().Replace("amount: 8000", "amount: 8000.5", StringComparison.Ordinal));

        Assert.Contains(error.Problems, p => p.Path == "fees[2].amounts[0].amount" && p.Message.Contains("whole number", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_YAML_is_refused_with_its_line()
    {
        var error = Refused("code: \"1.001193\"\nname:\n  vi: [unclosed\n");

        var problem = Assert.Single(error.Problems);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public void Broken_JSON_is_refused_with_its_line()
    {
        var error = Refused("{\n  \"code\": \"1.001193\",\n  \"name\": \n}", "broken.json");

        Assert.Contains("not valid JSON", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Problems[0].Line);
    }

    [Fact]
    public void A_condition_on_an_unknown_field_is_refused()
    {
        var content = BirthRegistration().Replace("field: fatherKnown\n", "field: fatherIsKnown\n", StringComparison.Ordinal);

        var error = Refused(content);

        Assert.Contains(error.Problems, p => p.Path.EndsWith(".showWhen.field", StringComparison.Ordinal)
            && p.Message.Contains("'fatherIsKnown' is not a field asked before this one", StringComparison.Ordinal)
            && p.Line is not null);
    }

    [Fact]
    public void A_condition_value_a_select_cannot_take_is_refused()
    {
        var content = BirthRegistration().Replace("in: [relative, other]", "in: [relative, neighbour]", StringComparison.Ordinal);

        var error = Refused(content);

        Assert.Contains(error.Problems, p => p.Message.Contains("'neighbour' is not a value field 'declarantRelationship' can take", StringComparison.Ordinal));
    }

    [Fact]
    public void A_workflow_action_to_an_unknown_state_is_refused()
    {
        var content = BirthRegistration().Replace("      to: returned\n", "      to: handed-over\n", StringComparison.Ordinal);

        var error = Refused(content);

        Assert.Contains(error.Problems, p => p.Path.StartsWith("workflow.actions[", StringComparison.Ordinal) && p.Path.EndsWith("].to", StringComparison.Ordinal)
            && p.Message.Contains("'handed-over' is not one of the states", StringComparison.Ordinal));
    }

    [Fact]
    public void Steps_that_need_more_time_than_the_law_allows_are_refused()
    {
        var content = BirthRegistration().Replace("      budgetHours: 3\n", "      budgetHours: 30\n", StringComparison.Ordinal);

        var error = Refused(content);

        Assert.Contains(error.Problems, p => p.Path == "workflow.actions" && p.Message.Contains("35 working hours", StringComparison.Ordinal)
            && p.Message.Contains("(8)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_result_placeholder_that_is_no_field_is_refused()
    {
        var content = BirthRegistration().Replace("{{childEthnicity}}", "{{childEthnic}}", StringComparison.Ordinal);

        var error = Refused(content);

        Assert.Contains(error.Problems, p => p.Path == "result.template.body.vi" && p.Message.Contains("{{childEthnic}}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_content_hash_ignores_layout_comments_and_format()
    {
        var original = Reader.Read("a.yaml", BirthRegistration(), ProcedureFileFormat.Yaml);
        var blockStyle = BirthRegistration().Replace(
            "label: { vi: \"Mẹ\", en: \"Mother\" }",
            "label:\n                vi: 'Mẹ'   # the mother\n                en: Mother\n",
            StringComparison.Ordinal);
        Assert.NotEqual(BirthRegistration(), blockStyle);
        var relaidOut = Reader.Read("b.yaml", "# another comment\n\n" + blockStyle + "\n\n", ProcedureFileFormat.Yaml);
        var asJson = Reader.Read("c.json", original.CanonicalJson, ProcedureFileFormat.Json);

        Assert.Equal(original.ContentHash, relaidOut.ContentHash);
        Assert.Equal(original.ContentHash, asJson.ContentHash);
        Assert.Equal(64, original.ContentHash.Length);
    }

    [Fact]
    public void Any_change_of_content_changes_the_hash()
    {
        var original = Reader.Read("a.yaml", BirthRegistration(), ProcedureFileFormat.Yaml);
        var changed = Reader.Read("a.yaml", BirthRegistration().Replace("amount: 8000", "amount: 9000", StringComparison.Ordinal), ProcedureFileFormat.Yaml);

        Assert.NotEqual(original.ContentHash, changed.ContentHash);
    }

    /// <summary>Broken variants of the birth registration file, each giving problems of another check.</summary>
    public static TheoryData<string, string, string> BrokenFiles() => new()
    {
        { "broken.yaml", "          type: date\n", "          type: calendar\n" },
        { "broken.yaml", "publishedBy: Quyết định 163/QĐ-BTP\n", "publishedby: Quyết định 163/QĐ-BTP\n" },
        { "broken.yaml", "code: \"1.001193\"", "code: \"1001193\"" },
        { "broken.yaml", "amount: 8000", "amount: 8000.5" },
        { "broken.yaml", "field: fatherKnown\n", "field: fatherIsKnown\n" },
        { "broken.yaml", "in: [relative, other]", "in: [relative, neighbour]" },
        { "broken.yaml", "      to: returned\n", "      to: handed-over\n" },
        { "broken.yaml", "      budgetHours: 3\n", "      budgetHours: 30\n" },
        { "broken.yaml", "{{childEthnicity}}", "{{childEthnic}}" },
        { "broken.yaml", "code: \"1.001193\"", "code: [\"1.001193\"" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Every_problem_is_also_told_in_Vietnamese_for_the_import_page(string fileName, string original, string broken)
    {
        var content = BirthRegistration();
        Assert.Contains(original, content, StringComparison.Ordinal);

        var error = Refused(content.Replace(original, broken, StringComparison.Ordinal), fileName);

        Assert.NotEmpty(error.Problems);
        foreach (var problem in error.Problems)
        {
            Assert.NotEqual(problem.Message, problem.VietnameseMessage);
            Assert.Matches("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", problem.VietnameseMessage);
            Assert.Equal(problem.VietnameseMessage, problem.MessageFor(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
            Assert.Equal(problem.Message, problem.MessageFor(System.Globalization.CultureInfo.GetCultureInfo("en")));
        }
    }

    [Fact]
    public void The_Vietnamese_text_keeps_what_the_English_names()
    {
        var wrongType = Assert.Single(Refused(BirthRegistration().Replace("          type: date\n", "          type: calendar\n", StringComparison.Ordinal)).Problems);
        Assert.Contains("\"calendar\" không được phép", wrongType.VietnameseMessage, StringComparison.Ordinal);
        Assert.Contains("yes-no", wrongType.VietnameseMessage, StringComparison.Ordinal);

        var tooLong = Refused(BirthRegistration().Replace("      budgetHours: 3\n", "      budgetHours: 30\n", StringComparison.Ordinal)).Problems
            .Single(p => p.Path == "workflow.actions");
        Assert.Contains("35 giờ làm việc", tooLong.VietnameseMessage, StringComparison.Ordinal);
        Assert.Contains("(8 giờ)", tooLong.VietnameseMessage, StringComparison.Ordinal);

        var brokenYaml = Assert.Single(Refused("code: \"1.001193\"\nname:\n  vi: [unclosed\n").Problems);
        Assert.Contains($"dòng {brokenYaml.Line}", brokenYaml.VietnameseMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_schema_is_valid_JSON_Schema_and_names_every_top_level_property()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(Reader.SchemaText);
        var properties = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();

        // Every property of the model is in the schema, so a valid file never fails on deserialising.
        var modelProperties = typeof(OneStop.Web.Catalog.Definitions.ProcedureDefinition).GetProperties()
            .Where(p => p.CanWrite)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);
        Assert.Subset(properties, modelProperties.ToHashSet());
    }
}
