using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Web.Documents;
using OneStop.Web.Documents.Templates;
using OneStop.Web.Signing;
using OneStop.Web.Signing.Issued;

namespace OneStop.IntegrationTests.Signing;

/// <summary>A commune result issued through the real host, and the helpers the signing tests share.</summary>
internal static class SigningScenario
{
    public static readonly OfficialDescriptor Chairwoman = new("official-ba-dinh-01", "Nguyễn Thị Hường", "Chủ tịch", "Ủy ban nhân dân phường Ba Đình", "00004");

    public static OfficialDocument Result(string applicationCode) => DocumentTemplates.Result(new ResultDocumentData(
        new Issuer(["ỦY BAN NHÂN DÂN", "PHƯỜNG BA ĐÌNH"], "Ba Đình"),
        "15/QĐ-UBND",
        new DateOnly(2026, 2, 5),
        "Quyết định",
        "Về việc công nhận kết quả giải quyết thủ tục hành chính",
        applicationCode,
        [new Paragraph("Điều 1. Chấp thuận đề nghị của bà Nguyễn Thị Hường, thường trú tại Phường Ba Đình. Cộng hòa xã hội chủ nghĩa Việt Nam.")],
        new Signatory("CHỦ TỊCH", "Nguyễn Thị Hường", "TM. ỦY BAN NHÂN DÂN"),
        ["Như Điều 1;", "Lưu: VT."]));

    public static async Task<(IssuedResult Issued, byte[] Pdf)> IssueAsync(IServiceProvider services, string applicationCode, OfficialDescriptor? signer = null)
    {
        using var scope = services.CreateScope();
        var results = scope.ServiceProvider.GetRequiredService<IResultDocuments>();
        var issued = await results.IssueAsync(new ResultToIssue(applicationCode, Result(applicationCode), signer ?? Chairwoman));
        var file = await results.FindAsync(issued.Id);
        return (issued, file!.Pdf);
    }

    /// <summary>Changes one byte inside the signed range: a letter of the producer's name in the Info dictionary.</summary>
    public static byte[] Tamper(byte[] pdf)
    {
        var copy = (byte[])pdf.Clone();
        var at = IndexOf(copy, "OneStop"u8.ToArray());
        Assert.True(at > 0, "The PDF should name its producer.");
        copy[at + 6] = (byte)'q';
        return copy;
    }

    public static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    /// <summary>Runs a tool scripts/test.sh installs; a missing tool fails the test and says so.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var path = new[] { "/usr/bin", "/usr/local/bin", "/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"'{tool}' is not installed; scripts/test.sh installs it (poppler-utils, libnss3-tools).");
        var start = new ProcessStartInfo(path!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return output.Result + error.Result;
    }
}
