namespace OneStop.Web.Registries.Enterprise;

/// <summary>
/// The enterprise tax code (mã số thuế / mã số doanh nghiệp): 10 digits whose last is a check digit,
/// or 13 characters for a branch (the parent's 10 digits, "-", a 3-digit branch number).
/// </summary>
public static class TaxCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    /// <summary>The check digit of the first 9 digits, or -1 when no valid code starts with them.</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * Weights[i];
        }

        var check = 10 - (sum % 11);
        return check == 10 ? -1 : check;
    }

    /// <summary>Why <paramref name="value"/> is not a tax code, or null when it is one.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "A tax code has 10 digits, or 10 digits, '-' and 3 digits for a branch.";
        }

        var main = value;
        if (value.Length == 14 && value[10] == '-')
        {
            if (!value.AsSpan(11).ContainsAnyExceptInRange('0', '9') && value[11..] != "000")
            {
                main = value[..10];
            }
            else
            {
                return "A branch tax code ends with '-' and a 3-digit branch number from 001 to 999.";
            }
        }

        if (main.Length != 10 || main.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return "A tax code has 10 digits, or 10 digits, '-' and 3 digits for a branch.";
        }

        var check = CheckDigit(main.AsSpan(0, 9));
        if (check < 0 || main[9] - '0' != check)
        {
            return $"The check digit of the tax code '{main}' is wrong (the 10th digit must be 10 minus the weighted sum 31,29,23,19,17,13,7,5,3 of the first nine, modulo 11).";
        }

        return null;
    }

    /// <summary>A valid 10-digit code from a 9-digit stem, or null when that stem has no check digit.</summary>
    public static string? Compose(long stem)
    {
        var digits = stem.ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
        var check = CheckDigit(digits);
        return check < 0 ? null : digits + (char)('0' + check);
    }
}
