using System.Globalization;
using System.Text.RegularExpressions;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Catalog.Forms;

/// <summary>
/// One field's error, with the message to show in Vietnamese and in English. <c>Code</c> says what was
/// wrong: required, type, pattern, min-length, max-length, min, max, option, unknown-commune.
/// </summary>
public sealed record FieldError(string FieldKey, string Code, LocalizedText Message);

/// <summary>
/// The outcome of checking submitted values: errors per field, and the values of the fields that are
/// asked (hidden fields dropped, dates as yyyy-MM-dd, numbers and codes without spaces).
/// </summary>
public sealed record FormValidationResult(IReadOnlyList<FieldError> Errors, IReadOnlyDictionary<string, string> Values)
{
    public bool IsValid => Errors.Count == 0;

    public IEnumerable<FieldError> ErrorsFor(string fieldKey) => Errors.Where(e => e.FieldKey == fieldKey);
}

/// <summary>Whether a code is a commune, ward or special zone in force on a day; the catalogue does not know the units, its callers do.</summary>
public delegate bool CommuneInForce(string code, DateOnly day);

/// <summary>
/// Checks the values a person submitted against a procedure's form: types, required fields, patterns,
/// lengths and ranges, and the conditions that decide which fields are asked at all. Values come as
/// text, as an HTML form sends them.
/// </summary>
public sealed partial class FormValidator(TimeProvider clock)
{
    /// <summary>Checks with today's date in Vietnam.</summary>
    public FormValidationResult Validate(FormDefinition form, IReadOnlyDictionary<string, string?> values, CommuneInForce communes) =>
        Validate(form, values, DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime), communes);

    /// <summary>Checks with the given date as today (for dates that may not be in the future, for example).</summary>
    public static FormValidationResult Validate(FormDefinition form, IReadOnlyDictionary<string, string?> values, DateOnly today, CommuneInForce communes)
    {
        var errors = new List<FieldError>();
        var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in form.Pages)
        {
            if (page.ShowWhen is { } pageCondition && !IsShown(pageCondition, accepted))
            {
                continue;
            }

            foreach (var field in page.Fields)
            {
                if (field.ShowWhen is { } condition && !IsShown(condition, accepted))
                {
                    continue;
                }

                values.TryGetValue(field.Key, out var raw);
                var value = raw?.Trim() ?? "";
                if (value.Length == 0)
                {
                    if (field.Validation.Required)
                    {
                        errors.Add(Error(field, "required", Messages.Required(field)));
                    }

                    continue;
                }

                var error = CheckValue(field, ref value, today, communes);
                if (error is not null)
                {
                    errors.Add(error);
                    continue;
                }

                accepted[field.Key] = value;
            }
        }

        return new FormValidationResult(errors, accepted);
    }

    /// <summary>A condition on a field that is not asked, or not answered, does not hold.</summary>
    private static bool IsShown(FieldCondition condition, Dictionary<string, string> accepted) =>
        condition.IsMetBy(accepted.GetValueOrDefault(condition.Field));

    private static FieldError? CheckValue(FieldDefinition field, ref string value, DateOnly today, CommuneInForce communes)
    {
        var rules = field.Validation;
        switch (field.Type)
        {
            case FieldType.Date:
                if (!TryParseDate(value, out var date))
                {
                    return Error(field, "type", Messages.Date(field));
                }

                value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (Bound(rules.MinDate, today) is { } minDate && date < minDate)
                {
                    return Error(field, "min", Messages.DateTooEarly(field, minDate, today));
                }

                if (Bound(rules.MaxDate, today) is { } maxDate && date > maxDate)
                {
                    return Error(field, "max", Messages.DateTooLate(field, maxDate, today));
                }

                break;
            case FieldType.Number:
                var allowed = Math.Min(rules.Decimals ?? 0, VietnameseNumber.MaxDecimals);
                switch (VietnameseNumber.Read(value, out var number, out var decimals))
                {
                    case NumberReading.NotANumber:
                        return Error(field, "type", Messages.Number(field, allowed));
                    case NumberReading.BadGrouping:
                        return Error(field, "type", Messages.Grouping(field, allowed));
                }

                if (decimals > allowed)
                {
                    return Error(field, "type", allowed == 0 ? Messages.WholeNumber(field) : Messages.TooManyDecimals(field, allowed));
                }

                value = VietnameseNumber.Canonical(number);
                if (rules.Min is { } min && number < min)
                {
                    return Error(field, "min", Messages.NumberTooSmall(field, min));
                }

                if (rules.Max is { } max && number > max)
                {
                    return Error(field, "max", Messages.NumberTooBig(field, max));
                }

                break;
            case FieldType.Select:
                var chosen = value;
                if (!field.Options.Any(o => o.Value == chosen))
                {
                    return Error(field, "option", Messages.Option(field));
                }

                break;
            case FieldType.YesNo:
                if (value is not ("yes" or "no"))
                {
                    return Error(field, "option", Messages.YesNo(field));
                }

                break;
            case FieldType.IdNumber:
                value = value.Replace(" ", "", StringComparison.Ordinal);
                if (!IdNumber().IsMatch(value))
                {
                    return Error(field, "type", Messages.IdNumber(field));
                }

                break;
            case FieldType.TaxCode:
                value = value.Replace(" ", "", StringComparison.Ordinal);
                if (!IsTaxCode(value))
                {
                    return Error(field, "type", Messages.TaxCode(field));
                }

                break;
            case FieldType.Commune:
                if (!CommuneCode().IsMatch(value))
                {
                    return Error(field, "type", Messages.Commune(field));
                }

                if (!communes(value, today))
                {
                    return Error(field, "unknown-commune", Messages.UnknownCommune(field, value));
                }

                break;
        }

        var length = new StringInfo(value).LengthInTextElements;
        if (rules.MinLength is { } minLength && length < minLength)
        {
            return Error(field, "min-length", Messages.TooShort(field, minLength));
        }

        if (rules.MaxLength is { } maxLength && length > maxLength)
        {
            return Error(field, "max-length", Messages.TooLong(field, maxLength));
        }

        if (rules.Pattern is { } pattern && !Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return Error(field, "pattern", rules.PatternMessage ?? Messages.Pattern(field));
        }

        return null;
    }

    /// <summary>
    /// A tax code: 10 digits whose last is the check digit of the first nine (weights 31 29 23 19 17 13 7 5 3,
    /// modulo 11), optionally followed by a 3-digit branch number ("-001" or 13 digits), or a 12-digit
    /// personal identification number, which serves as a person's tax code since 1 July 2025.
    /// </summary>
    public static bool IsTaxCode(string value)
    {
        if (IdNumber().IsMatch(value))
        {
            return true;
        }

        var match = TaxCode().Match(value);
        if (!match.Success)
        {
            return false;
        }

        int[] weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (value[i] - '0') * weights[i];
        }

        var check = (10 - (sum % 11)) % 10;
        return value[9] - '0' == check;
    }

    private static bool TryParseDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static DateOnly? Bound(string? bound, DateOnly today) => bound switch
    {
        null => null,
        "today" => today,
        _ => DateOnly.ParseExact(bound, "yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static FieldError Error(FieldDefinition field, string code, LocalizedText message) => new(field.Key, code, message);

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex IdNumber();

    [GeneratedRegex("^[0-9]{10}(-?[0-9]{3})?$")]
    private static partial Regex TaxCode();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex CommuneCode();

    /// <summary>Messages in the GOV.UK manner: say what to do, name the field, no blame.</summary>
    private static class Messages
    {
        private static string Vi(FieldDefinition f) => LowerFirst(f.Label.Vi);

        private static string En(FieldDefinition f) => LowerFirst(f.Label.En);

        public static LocalizedText Required(FieldDefinition f) => f.Type switch
        {
            // A yes/no label is a question ("Đã xác định được cha của trẻ?"): it cannot follow "Chọn".
            FieldType.YesNo => new($"Hãy trả lời câu hỏi “{f.Label.Vi}”", $"Answer the question “{f.Label.En}”"),
            FieldType.Select => new($"Chọn {Vi(f)}", $"Select {En(f)}"),
            FieldType.Commune => new($"Nhập mã 5 chữ số của {Vi(f)}", $"Enter the 5-digit unit code of {En(f)}"),
            _ => new($"Nhập {Vi(f)}", $"Enter {En(f)}"),
        };

        public static LocalizedText Date(FieldDefinition f) =>
            new($"{f.Label.Vi} phải là một ngày có thật, ví dụ 27/03/2026", $"{f.Label.En} must be a real date, for example 27/03/2026");

        public static LocalizedText DateTooEarly(FieldDefinition f, DateOnly min, DateOnly today) => min == today
            ? new($"{f.Label.Vi} phải là hôm nay hoặc sau hôm nay", $"{f.Label.En} must be today or in the future")
            : new($"{f.Label.Vi} phải từ ngày {VietnameseFormat.Date(min)} trở đi", $"{f.Label.En} must be on or after {VietnameseFormat.Date(min)}");

        public static LocalizedText DateTooLate(FieldDefinition f, DateOnly max, DateOnly today) => max == today
            ? new($"{f.Label.Vi} không được sau ngày hôm nay", $"{f.Label.En} must be today or in the past")
            : new($"{f.Label.Vi} không được sau ngày {VietnameseFormat.Date(max)}", $"{f.Label.En} must be on or before {VietnameseFormat.Date(max)}");

        public static LocalizedText Number(FieldDefinition f, int decimals) => decimals == 0
            ? new($"{f.Label.Vi} phải là một số nguyên, chỉ gồm chữ số, ví dụ 12 hoặc 100.000.000", $"{f.Label.En} must be a whole number written in digits, for example 12 or 100000000")
            : new($"{f.Label.Vi} phải là một số, ví dụ 45 hoặc 45,5", $"{f.Label.En} must be a number, for example 45 or 45,5 (a comma before the decimals)");

        public static LocalizedText Grouping(FieldDefinition f, int decimals) => decimals == 0
            ? new($"{f.Label.Vi} phải là một số nguyên; dấu chấm chỉ dùng để tách từng nhóm ba chữ số, ví dụ 12.000 hoặc 100.000.000",
                $"{f.Label.En} must be a whole number; a dot may only separate groups of three digits, for example 12.000 or 100.000.000 (or write 100000000)")
            : new($"{f.Label.Vi}: dấu chấm chỉ dùng để tách từng nhóm ba chữ số (ví dụ 1.250); phần thập phân viết sau dấu phẩy (ví dụ 45,5)",
                $"{f.Label.En}: a dot may only separate groups of three digits (for example 1.250); write decimals after a comma (for example 45,5)");

        public static LocalizedText WholeNumber(FieldDefinition f) =>
            new($"{f.Label.Vi} phải là một số nguyên, không có phần thập phân", $"{f.Label.En} must be a whole number, without decimals");

        public static LocalizedText TooManyDecimals(FieldDefinition f, int decimals) =>
            new($"{f.Label.Vi} chỉ được có tối đa {decimals} chữ số sau dấu phẩy", $"{f.Label.En} may have at most {decimals} digits after the decimal comma");

        public static LocalizedText NumberTooSmall(FieldDefinition f, decimal min) =>
            new($"{f.Label.Vi} phải từ {VietnameseNumber.Shown(min)} trở lên", $"{f.Label.En} must be {min.ToString(CultureInfo.InvariantCulture)} or more");

        public static LocalizedText NumberTooBig(FieldDefinition f, decimal max) =>
            new($"{f.Label.Vi} không được lớn hơn {VietnameseNumber.Shown(max)}", $"{f.Label.En} must be {max.ToString("#,0.##", CultureInfo.InvariantCulture)} or less");

        public static LocalizedText Option(FieldDefinition f) =>
            new($"Chọn {Vi(f)} trong danh sách", $"Select {En(f)} from the list");

        public static LocalizedText YesNo(FieldDefinition f) =>
            new($"Trả lời “Có” hoặc “Không” cho câu hỏi “{f.Label.Vi}”", $"Answer yes or no to the question “{f.Label.En}”");

        public static LocalizedText IdNumber(FieldDefinition f) =>
            new($"{f.Label.Vi} phải gồm đúng 12 chữ số", $"{f.Label.En} must be exactly 12 digits");

        public static LocalizedText TaxCode(FieldDefinition f) =>
            new($"{f.Label.Vi} phải gồm 10 chữ số (hoặc 13 chữ số với chi nhánh, hoặc 12 chữ số định danh cá nhân) và đúng chữ số kiểm tra",
                $"{f.Label.En} must be 10 digits (13 for a branch, or a 12-digit personal identification number) with a correct check digit");

        public static LocalizedText Commune(FieldDefinition f) =>
            new($"{f.Label.Vi} phải là mã 5 chữ số của một xã, phường, đặc khu, ví dụ 00004", $"{f.Label.En} must be the 5-digit code of a commune, ward or special zone, for example 00004");

        public static LocalizedText UnknownCommune(FieldDefinition f, string code) =>
            new($"Mã {code} không phải là mã của một xã, phường, đặc khu đang có hiệu lực; tra cứu mã đúng của {Vi(f)} trong danh mục đơn vị hành chính",
                $"'{code}' is not the code of a commune, ward or special zone in force today; look up the code of {En(f)} with GET /api/units/search?q=name");

        public static LocalizedText TooShort(FieldDefinition f, int min) =>
            new($"{f.Label.Vi} phải có ít nhất {min} ký tự", $"{f.Label.En} must be {min} characters or more");

        public static LocalizedText TooLong(FieldDefinition f, int max) =>
            new($"{f.Label.Vi} không được dài quá {max} ký tự", $"{f.Label.En} must be {max} characters or fewer");

        public static LocalizedText Pattern(FieldDefinition f) =>
            new($"{f.Label.Vi} không đúng định dạng", $"{f.Label.En} is not in the right format");

        private static string LowerFirst(string text) =>
            text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
