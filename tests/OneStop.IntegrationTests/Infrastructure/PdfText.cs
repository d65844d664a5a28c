using System.Text.RegularExpressions;
using OneStop.IntegrationTests.Signing;

namespace OneStop.IntegrationTests.Infrastructure;

/// <summary>A PDF's text as an independent reader (poppler's pdftotext) finds it, every run of white space made one space.</summary>
public static partial class PdfText
{
    public static string Of(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"onestop-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            return Whitespace().Replace(SigningScenario.Run("pdftotext", path, "-"), " ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
