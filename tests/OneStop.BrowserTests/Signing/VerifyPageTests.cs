using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Web.Documents.Templates;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing;
using OneStop.Web.Signing.Issued;
using OneStop.Web.Signing.Verification;

namespace OneStop.BrowserTests.Signing;

[Collection(BrowserCollection.Name)]
public sealed class VerifyPageTests(BrowserFixture browser)
{
    private static readonly OfficialDescriptor Chairwoman = new("official-browser-01", "Nguyễn Thị Hường", "Chủ tịch", "Ủy ban nhân dân phường Ba Đình", "00004");

    [Fact]
    public async Task Following_the_QR_link_shows_a_valid_signature_without_JavaScript()
    {
        var (_, code) = await IssueAsync("000.00.04.H01-260301-0001");
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync($"/verify?c={code}");

        var result = page.Locator("#result");
        Assert.Equal("valid", await result.GetAttributeAsync("data-outcome"));
        Assert.Contains("Hợp lệ", await result.InnerTextAsync());
        Assert.Contains("Nguyễn Thị Hường", await result.InnerTextAsync());
        Assert.Contains("Còn hiệu lực", await result.InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "verify-qr-valid");
        var withScripts = await WithScriptsAsync(page);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(withScripts));
        await withScripts.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Uploading_a_tampered_PDF_shows_it_is_invalid()
    {
        var (pdf, _) = await IssueAsync("000.00.04.H01-260301-0002");
        var tampered = (byte[])pdf.Clone();
        var at = tampered.AsSpan().IndexOf("OneStop"u8);
        tampered[at + 6] = (byte)'q';

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/verify");
        await page.SetInputFilesAsync("#document", new FilePayload { Name = "ket-qua.pdf", MimeType = "application/pdf", Buffer = tampered });
        await page.ClickAsync("button[type=submit]");

        var result = page.Locator("#result");
        Assert.Equal("invalid", await result.GetAttributeAsync("data-outcome"));
        Assert.Contains("Không hợp lệ", await result.InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "verify-upload-tampered");
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    /// <summary>Issues a result through the real service and returns its PDF and the code its QR carries.</summary>
    private async Task<(byte[] Pdf, string Code)> IssueAsync(string applicationCode)
    {
        using var scope = browser.Services.CreateScope();
        var results = scope.ServiceProvider.GetRequiredService<IResultDocuments>();
        var document = DocumentTemplates.Result(new ResultDocumentData(
            new Issuer(["ỦY BAN NHÂN DÂN", "PHƯỜNG BA ĐÌNH"], "Ba Đình"), "21/QĐ-UBND", new DateOnly(2026, 3, 1), "Quyết định", "Về việc cấp bản sao trích lục hộ tịch",
            applicationCode, [new OneStop.Web.Documents.Paragraph("Điều 1. Cấp bản sao trích lục hộ tịch theo đề nghị.")],
            new Signatory("CHỦ TỊCH", "Nguyễn Thị Hường", "TM. ỦY BAN NHÂN DÂN"), ["Lưu: VT."]));
        var issued = await results.IssueAsync(new ResultToIssue(applicationCode, document, Chairwoman));
        var pdf = (await results.FindAsync(issued.Id))!.Pdf;

        var stored = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Set<SignedDocument>().AsNoTracking().SingleAsync(d => d.Id == issued.Id);
        var code = await scope.ServiceProvider.GetRequiredService<VerificationCodes>()
            .CreateAsync(new VerificationClaims(stored.ApplicationCode, Convert.FromHexString(stored.ContentDigest), stored.IssuerUnitCode), default);
        return (pdf, code);
    }

    /// <summary>axe runs as a script: check the same address in a page that allows scripts.</summary>
    private async Task<IPage> WithScriptsAsync(IPage page)
    {
        var withScripts = await browser.NewPageAsync();
        await withScripts.GotoAsync(page.Url);
        return withScripts;
    }
}
