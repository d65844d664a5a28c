using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Catalog.Loading;

namespace OneStop.Tests.Catalog;

/// <summary>Submitted values are checked against the birth registration form as shipped.</summary>
public sealed class FormValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly FormDefinition BirthForm = Load("1.001193");

    /// <summary>Phường Ba Đình and Phường Hồng Hà, in force; every other code is not.</summary>
    private static readonly CommuneInForce Communes = (code, day) => code is "00004" or "00005" && day == Today;

    private static FormDefinition Load(string code)
    {
        var file = CatalogSeeder.ShippedFiles().Single(f => f.Name.StartsWith(code, StringComparison.Ordinal));
        return ProcedureDefinitionReader.Create().Read(file.Name, file.Content, ProcedureFileFormat.Yaml).Definition.Form;
    }

    private static Dictionary<string, string?> ValidBirth() => new()
    {
        ["declarantFullName"] = "Nguyễn Thị Lan",
        ["declarantIdNumber"] = "001190012345",
        ["declarantRelationship"] = "mother",
        ["declarantPhone"] = "0912345678",
        ["childFullName"] = "Trần Minh An",
        ["childDateOfBirth"] = "2026-11-20",
        ["childSex"] = "male",
        ["childEthnicity"] = "Kinh",
        ["childNationality"] = "vietnamese",
        ["childPlaceOfBirth"] = "00004",
        ["hasBirthNotice"] = "yes",
        ["birthNoticeNumber"] = "CS-2026-0001",
        ["motherIdNumber"] = "001190012345",
        ["motherFullName"] = "Nguyễn Thị Lan",
        ["fatherKnown"] = "no",
        ["extraCopies"] = "1",
        ["resultDelivery"] = "online",
    };

    private static FormValidationResult Validate(Dictionary<string, string?> values) => FormValidator.Validate(BirthForm, values, Today, Communes);

    [Fact]
    public void A_complete_application_is_valid_and_its_values_are_normalised()
    {
        var values = ValidBirth();
        values["childDateOfBirth"] = "20/11/2026";
        values["declarantIdNumber"] = "0011 9001 2345";

        var result = Validate(values);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        Assert.Equal("2026-11-20", result.Values["childDateOfBirth"]);
        Assert.Equal("001190012345", result.Values["declarantIdNumber"]);
    }

    [Fact]
    public void A_missing_required_field_gets_a_message_in_both_languages()
    {
        var values = ValidBirth();
        values.Remove("childFullName");

        var error = Assert.Single(Validate(values).Errors);

        Assert.Equal(("childFullName", "required"), (error.FieldKey, error.Code));
        Assert.Equal("Nhập họ, chữ đệm và tên của trẻ", error.Message.Vi);
        Assert.Equal("Enter the child's full name", error.Message.En);
    }

    [Fact]
    public void An_unanswered_yes_no_question_is_asked_again_as_a_question()
    {
        var values = ValidBirth();
        values.Remove("fatherKnown");

        var error = Assert.Single(Validate(values).Errors);

        Assert.Equal(("fatherKnown", "required"), (error.FieldKey, error.Code));
        Assert.Equal("Hãy trả lời câu hỏi “Đã xác định được cha của trẻ?”", error.Message.Vi);
        Assert.Equal("Answer the question “Is the child's father known?”", error.Message.En);
    }

    [Fact]
    public void A_yes_no_answer_that_is_neither_names_the_question()
    {
        var values = ValidBirth();
        values["fatherKnown"] = "maybe";

        var error = Assert.Single(Validate(values).Errors);

        Assert.Equal("Trả lời “Có” hoặc “Không” cho câu hỏi “Đã xác định được cha của trẻ?”", error.Message.Vi);
        Assert.Equal("Answer yes or no to the question “Is the child's father known?”", error.Message.En);
    }

    [Fact]
    public void A_field_shown_by_a_condition_is_required_only_when_shown()
    {
        var values = ValidBirth();
        Assert.True(Validate(values).IsValid);

        values["fatherKnown"] = "yes";
        var result = Validate(values);

        Assert.Equal(["fatherIdNumber", "fatherFullName"], result.Errors.Select(e => e.FieldKey));
        Assert.All(result.Errors, e => Assert.Equal("required", e.Code));
    }

    [Fact]
    public void A_value_for_a_hidden_field_is_dropped()
    {
        var values = ValidBirth();
        values["fatherIdNumber"] = "not even a number";
        values["declarantRelationshipDetail"] = "hàng xóm";

        var result = Validate(values);

        Assert.True(result.IsValid);
        Assert.False(result.Values.ContainsKey("fatherIdNumber"));
        Assert.False(result.Values.ContainsKey("declarantRelationshipDetail"));
    }

    [Fact]
    public void A_condition_with_a_list_of_values_shows_the_field_for_each()
    {
        var values = ValidBirth();
        values["declarantRelationship"] = "other";

        Assert.Equal("declarantRelationshipDetail", Assert.Single(Validate(values).Errors).FieldKey);
    }

    [Theory]
    [InlineData("declarantIdNumber", "12345", "type")]
    [InlineData("declarantPhone", "912345678", "pattern")]
    [InlineData("childDateOfBirth", "2026-02-30", "type")]
    [InlineData("childDateOfBirth", "2026-11-24", "max")]
    [InlineData("childSex", "other", "option")]
    [InlineData("hasBirthNotice", "maybe", "option")]
    [InlineData("childPlaceOfBirth", "Hà Nội", "type")]
    [InlineData("extraCopies", "eleven", "type")]
    [InlineData("extraCopies", "11", "max")]
    [InlineData("extraCopies", "-1", "min")]
    public void A_wrong_value_is_refused_with_what_was_wrong(string field, string value, string code)
    {
        var values = ValidBirth();
        values[field] = value;

        var error = Assert.Single(Validate(values).Errors);

        Assert.Equal((field, code), (error.FieldKey, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message.Vi));
        Assert.False(string.IsNullOrWhiteSpace(error.Message.En));
    }

    [Fact]
    public void A_pattern_message_from_the_definition_is_used()
    {
        var values = ValidBirth();
        values["declarantPhone"] = "09123";

        var error = Assert.Single(Validate(values).Errors);

        Assert.Equal("Số điện thoại gồm 10 chữ số, bắt đầu bằng số 0.", error.Message.Vi);
    }

    [Fact]
    public void Text_longer_than_allowed_is_refused_counting_letters_not_bytes()
    {
        var values = ValidBirth();
        values["childFullName"] = new string('Ư', 100);
        Assert.True(Validate(values).IsValid);

        values["childFullName"] = new string('Ư', 101);
        Assert.Equal("max-length", Assert.Single(Validate(values).Errors).Code);
    }

    [Theory]
    [InlineData("0100109106", true)]
    [InlineData("0100109106-001", true)]
    [InlineData("0100109106001", true)]
    [InlineData("001190012345", true)]
    [InlineData("0100109107", false)]
    [InlineData("010010910", false)]
    public void Tax_codes_are_checked_with_their_check_digit(string value, bool valid) =>
        Assert.Equal(valid, FormValidator.IsTaxCode(value));

    [Fact]
    public void The_household_business_form_checks_its_tax_code_and_business_name()
    {
        var form = Load("1.001612");
        var values = new Dictionary<string, string?>
        {
            ["ownerIdNumber"] = "001190012345",
            ["ownerFullName"] = "Lê Văn Hùng",
            ["ownerDateOfBirth"] = "1990-05-01",
            ["ownerResidence"] = "00004",
            ["ownerTaxCode"] = "0100109107",
            ["phone"] = "0912345678",
            ["foundedByHousehold"] = "no",
            ["businessName"] = "Cửa hàng Hoa Mai",
            ["headOfficeCommune"] = "00004",
            ["headOfficeAddress"] = "Số 1 phố Huế",
            ["businessLines"] = "Bán lẻ hoa",
            ["capital"] = "50 000 000",
            ["employees"] = "2",
        };

        var result = FormValidator.Validate(form, values, Today, Communes);

        Assert.Equal(["ownerTaxCode", "businessName"], result.Errors.Select(e => e.FieldKey));
        Assert.Equal("Tên phải bắt đầu bằng \"Hộ kinh doanh\".", result.Errors[1].Message.Vi);
        Assert.Equal("50000000", result.Values["capital"]);
    }

    [Fact]
    public void A_date_that_must_not_be_in_the_past_is_checked_against_today()
    {
        var form = Load("1.000894");
        var field = form.AllFields.Single(f => f.Key == "signingDate");
        var page = new FormDefinition { Pages = [new FormPage { Key = "p", Title = new("a", "a"), Fields = [field] }] };

        Assert.True(FormValidator.Validate(page, new Dictionary<string, string?> { ["signingDate"] = "2026-11-23" }, Today, Communes).IsValid);
        var error = Assert.Single(FormValidator.Validate(page, new Dictionary<string, string?> { ["signingDate"] = "2026-11-22" }, Today, Communes).Errors);
        Assert.Equal("min", error.Code);
        Assert.Contains("today or in the future", error.Message.En, StringComparison.Ordinal);
    }
    private static FormValidationResult ValidateBusiness(string capital, string employees)
    {
        var values = new Dictionary<string, string?>
        {
            ["ownerIdNumber"] = "001190012345",
            ["ownerFullName"] = "Lê Văn Hùng",
            ["ownerDateOfBirth"] = "1990-05-01",
            ["ownerResidence"] = "00004",
            ["ownerTaxCode"] = "001190012345",
            ["phone"] = "0912345678",
            ["foundedByHousehold"] = "no",
            ["businessName"] = "Hộ kinh doanh Hoa Mai",
            ["headOfficeCommune"] = "00004",
            ["headOfficeAddress"] = "Số 1 phố Huế",
            ["businessLines"] = "Bán lẻ hoa",
            ["capital"] = capital,
            ["employees"] = employees,
        };
        return FormValidator.Validate(Load("1.001612"), values, Today, Communes);
    }

    [Theory]
    [InlineData("100.000.000", "100000000")]
    [InlineData("100000000", "100000000")]
    [InlineData("100 000 000", "100000000")]
    [InlineData("1.000.000.000.000", "1000000000000")]
    public void A_sum_in_dong_reads_the_dot_as_the_thousands_separator_and_is_stored_without_it(string typed, string stored)
    {
        var result = ValidateBusiness(typed, "1.200");

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        Assert.Equal(stored, result.Values["capital"]);
        Assert.Equal("1200", result.Values["employees"]);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("12.00")]
    [InlineData("1.0000")]
    public void A_dot_that_does_not_separate_thousands_is_refused_not_read_as_a_decimal_point(string typed)
    {
        var error = Assert.Single(ValidateBusiness("100000000", typed).Errors);

        Assert.Equal(("employees", "type"), (error.FieldKey, error.Code));
        Assert.Equal("Số lao động phải là một số nguyên; dấu chấm chỉ dùng để tách từng nhóm ba chữ số, ví dụ 12.000 hoặc 100.000.000", error.Message.Vi);
        Assert.StartsWith("Number of workers must be a whole number; a dot may only separate groups of three digits", error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_number_field_refuses_decimals_after_the_comma()
    {
        var error = Assert.Single(ValidateBusiness("100000000", "1,5").Errors);

        Assert.Equal(("employees", "type"), (error.FieldKey, error.Code));
        Assert.Equal("Số lao động phải là một số nguyên, không có phần thập phân", error.Message.Vi);
        Assert.Equal("Number of workers must be a whole number, without decimals", error.Message.En);
    }

    [Fact]
    public void A_sum_above_the_largest_allowed_is_told_with_vietnamese_grouping()
    {
        var error = Assert.Single(ValidateBusiness("1.000.000.000.001", "2").Errors);

        Assert.Equal("Vốn kinh doanh (đồng) không được lớn hơn 1.000.000.000.000", error.Message.Vi);
    }

    [Theory]
    [InlineData("45,5", "45.5")]
    [InlineData("1.250,75", "1250.75")]
    [InlineData("45", "45")]
    public void An_area_takes_decimals_after_a_comma_and_is_stored_with_a_point(string typed, string stored)
    {
        var form = Load("1.013225");
        var field = form.AllFields.Single(f => f.Key == "totalFloorArea");
        var page = new FormDefinition { Pages = [new FormPage { Key = "p", Title = new("a", "a"), Fields = [field] }] };

        var result = FormValidator.Validate(page, new Dictionary<string, string?> { ["totalFloorArea"] = typed }, Today, Communes);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        Assert.Equal(stored, result.Values["totalFloorArea"]);
    }

    [Theory]
    [InlineData("45.5", "dấu chấm chỉ dùng để tách từng nhóm ba chữ số")]
    [InlineData("45,555", "tối đa 2 chữ số sau dấu phẩy")]
    public void An_area_with_a_decimal_point_or_too_many_decimals_is_refused(string typed, string told)
    {
        var form = Load("1.013225");
        var field = form.AllFields.Single(f => f.Key == "totalFloorArea");
        var page = new FormDefinition { Pages = [new FormPage { Key = "p", Title = new("a", "a"), Fields = [field] }] };

        var error = Assert.Single(FormValidator.Validate(page, new Dictionary<string, string?> { ["totalFloorArea"] = typed }, Today, Communes).Errors);

        Assert.Contains(told, error.Message.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_place_code_that_is_not_a_commune_in_force_is_refused()
    {
        var values = ValidBirth();
        values["childPlaceOfBirth"] = "99999";

        var error = Assert.Single(Validate(values).Errors);

        Assert.Equal(("childPlaceOfBirth", "unknown-commune"), (error.FieldKey, error.Code));
        Assert.StartsWith("Mã 99999 không phải là mã của một xã, phường, đặc khu đang có hiệu lực", error.Message.Vi, StringComparison.Ordinal);
        Assert.StartsWith("'99999' is not the code of a commune, ward or special zone in force today", error.Message.En, StringComparison.Ordinal);

        values["childPlaceOfBirth"] = "00005";
        Assert.True(Validate(values).IsValid);
    }
}
