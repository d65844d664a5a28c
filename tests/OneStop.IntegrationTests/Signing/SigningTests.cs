using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Identity;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing;
using OneStop.Web.Signing.Certificates;
using OneStop.Web.Signing.Issued;
using OneStop.Web.Signing.Pades;
using OneStop.Web.Signing.Verification;

namespace OneStop.IntegrationTests.Signing;

/// <summary>The host with demo mode on whatever the database, so that officials get demo certificates.</summary>
public sealed class SigningAppFactory : OneStopAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Demo:Enabled", "true")];
}

public sealed partial class SigningTests(SigningAppFactory app) : IClassFixture<SigningAppFactory>
{
    [Fact]
    public async Task An_issued_result_verifies_and_one_changed_byte_makes_it_invalid()
    {
        var (issued, pdf) = await SigningScenario.IssueAsync(app.Services, "000.00.04.H01-260205-0001");
        Assert.False(issued.AlreadyIssued);
        Assert.Equal(PadesLevel.BaselineB, issued.Level);

        var client = app.CreateClient();
        var valid = await PostPdfAsync(client, pdf);
        Assert.Equal("valid", valid.GetProperty("outcome").GetString());
        Assert.Equal("000.00.04.H01-260205-0001", valid.GetProperty("applicationCode").GetString());
        var signature = valid.GetProperty("signatures")[0];
        Assert.Equal("Nguyễn Thị Hường", signature.GetProperty("signer").GetProperty("name").GetString());
        Assert.Equal("Chủ tịch", signature.GetProperty("signer").GetProperty("position").GetString());
        Assert.Equal("Ủy ban nhân dân phường Ba Đình", signature.GetProperty("signer").GetProperty("unit").GetString());
        Assert.Equal("valid", signature.GetProperty("certificate").GetProperty("status").GetString());
        Assert.False(signature.GetProperty("changedAfterSigning").GetBoolean());

        var tampered = await PostPdfAsync(client, SigningScenario.Tamper(pdf));
        Assert.Equal("invalid", tampered.GetProperty("outcome").GetString());
        Assert.True(tampered.GetProperty("signatures")[0].GetProperty("changedAfterSigning").GetBoolean());
        Assert.False(tampered.GetProperty("issuedHere").GetBoolean());

        // Bytes appended after the signature (a later incremental update) are reported too.
        var appended = await PostPdfAsync(client, [.. pdf, .. "\n% added\n"u8.ToArray()]);
        Assert.Equal("invalid", appended.GetProperty("outcome").GetString());

        using var scope = app.Services.CreateScope();
        var log = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Set<VerificationCheck>().AsNoTracking().ToListAsync();
        Assert.Contains(log, c => c.Channel == "api-pdf" && c.Outcome == "Valid" && c.RequesterHash.Length == 64);
        Assert.Contains(log, c => c.Channel == "api-pdf" && c.Outcome == "Invalid");
    }

    [Fact]
    public async Task Issuing_the_same_result_twice_returns_the_first()
    {
        var (first, _) = await SigningScenario.IssueAsync(app.Services, "000.00.04.H01-260205-0002");
        var (second, _) = await SigningScenario.IssueAsync(app.Services, "000.00.04.H01-260205-0002");
        Assert.Equal(first.Id, second.Id);
        Assert.True(second.AlreadyIssued);
    }

    [Fact]
    public async Task Poppler_finds_the_signature_valid_and_the_Vietnamese_text_intact_and_a_tampered_copy_invalid()
    {
        var (_, pdf) = await SigningScenario.IssueAsync(app.Services, "000.00.04.H01-260205-0003");
        var directory = Directory.CreateTempSubdirectory("onestop-pdfsig-").FullName;
        try
        {
            var caPem = await app.CreateClient().GetStringAsync("/api/signing/ca/certificate");
            await File.WriteAllTextAsync(Path.Combine(directory, "ca.pem"), caPem);
            SigningScenario.Run("certutil", "-N", "-d", $"sql:{directory}", "--empty-password");
            SigningScenario.Run("certutil", "-A", "-d", $"sql:{directory}", "-n", "ca", "-t", "C,C,C", "-a", "-i", Path.Combine(directory, "ca.pem"));

            var signedPath = Path.Combine(directory, "signed.pdf");
            await File.WriteAllBytesAsync(signedPath, pdf);
            var report = SigningScenario.Run("pdfsig", "-nssdir", $"sql:{directory}", signedPath);
            Assert.Contains("Signature is Valid.", report);
            Assert.Contains("Certificate is Trusted.", report);
            Assert.Contains("ETSI.CAdES.detached", report);
            Assert.Contains("Nguyễn Thị Hường", report);

            var tamperedPath = Path.Combine(directory, "tampered.pdf");
            await File.WriteAllBytesAsync(tamperedPath, SigningScenario.Tamper(pdf));
            var tampered = SigningScenario.Run("pdfsig", "-nssdir", $"sql:{directory}", tamperedPath);
            Assert.Contains("Digest Mismatch.", tampered);
            Assert.DoesNotContain("Signature is Valid.", tampered);

            var text = Whitespace().Replace(SigningScenario.Run("pdftotext", "-layout", signedPath, "-"), " ");
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
            Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
            Assert.Contains("Nguyễn Thị Hường", text);
            Assert.Contains("PHƯỜNG BA ĐÌNH", text);
            Assert.Contains("Cộng hòa xã hội chủ nghĩa Việt Nam", text);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_revoked_certificate_is_reported_as_revoked()
    {
        var official = SigningScenario.Chairwoman with { Id = "official-revoked", FullName = "Trần Văn Đức" };
        var (issued, pdf) = await SigningScenario.IssueAsync(app.Services, "000.00.04.H01-260205-0004", official);

        using (var scope = app.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoCertificateAuthority>().RevokeAsync(issued.CertificateSerial, "key compromise", default));
            var crl = await scope.ServiceProvider.GetRequiredService<DemoCertificateAuthority>().CertificateRevocationListAsync(default);
            Assert.NotNull(crl);
        }

        var result = await PostPdfAsync(app.CreateClient(), pdf);
        Assert.Equal("revoked", result.GetProperty("outcome").GetString());
        Assert.Equal("revoked", result.GetProperty("signatures")[0].GetProperty("certificate").GetProperty("status").GetString());

        using var stored = app.Services.CreateScope();
        var status = await stored.ServiceProvider.GetRequiredService<IResultDocuments>().VerifyAsync(issued.Id);
        Assert.Equal(VerificationOutcome.Revoked, status!.Outcome);
    }

    [Fact]
    public async Task A_signature_by_an_expired_certificate_is_reported_as_expired()
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var official = SigningScenario.Chairwoman with { Id = "official-expired" };
        var authority = services.GetRequiredService<DemoCertificateAuthority>();
        var record = await authority.IssueAsync(official, notBefore: DateTimeOffset.UtcNow.AddHours(-12), notAfter: DateTimeOffset.UtcNow.AddHours(-1));
        using var certificate = X509CertificateLoader.LoadCertificate(record.Certificate);
        var key = services.GetRequiredService<KeyProtection>().Unprotect(record.ProtectedPrivateKey!);
        using var credential = new SigningCredential(certificate, key, [(await authority.FindRootCertificateAsync(default))!]);
        var signer = (OfficialSigner)services.GetRequiredService<IOfficialSigner>();
        var unsigned = services.GetRequiredService<OneStop.Web.Documents.IDocumentRenderer>().Render(SigningScenario.Result("000.00.04.H01-260205-0005"));
        var signed = await signer.SignWithAsync(unsigned, credential, official.FullName, new SignatureDetails(), default);

        var result = await PostPdfAsync(app.CreateClient(), signed.Pdf);
        Assert.Equal("expired", result.GetProperty("outcome").GetString());
        Assert.Equal("expired", result.GetProperty("signatures")[0].GetProperty("certificate").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_QR_link_opens_a_public_page_that_shows_the_verdict_without_personal_data()
    {
        await SigningScenario.IssueAsync(app.Services, "000.00.04.H01-260205-0006");
        // The QR code is drawn as shapes; a code with the same claims (as the QR holds) is made from the stored record.
        using var scope = app.Services.CreateScope();
        var codes = scope.ServiceProvider.GetRequiredService<VerificationCodes>();
        var stored = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Set<SignedDocument>().AsNoTracking()
            .SingleAsync(d => d.ApplicationCode == "000.00.04.H01-260205-0006");
        var code = await codes.CreateAsync(new VerificationClaims(stored.ApplicationCode, Convert.FromHexString(stored.ContentDigest), stored.IssuerUnitCode), default);

        var page = await app.CreateClient().GetStringAsync($"/verify?c={code}");
        Assert.Contains("data-outcome=\"valid\"", page);
        Assert.Contains("Nguyễn Thị Hường", page);
        Assert.Contains("000.00.04.H01-260205-0006", page);
        Assert.DoesNotContain("thường trú", page);
        Assert.Matches("<dt>Văn bản</dt><dd>[^<]+</dd>", page);

        // The signed document's title is Vietnamese whatever the page's language.
        var english = await app.CreateClient().GetStringAsync($"/verify?c={code}&culture=en&ui-culture=en");
        Assert.Matches("</dt><dd><span lang=\"vi\">[^<]+</span></dd>", english);

        var forged = await app.CreateClient().GetStringAsync($"/verify?c={code[..^4]}AAAA");
        Assert.Contains("data-outcome=\"unknown-code\"", forged);

        var api = await app.CreateClient().PostAsJsonAsync("/api/verify", new { code = $"http://example.test/verify?c={code}" });
        Assert.Equal("valid", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_verify_page_without_a_file_says_so_in_its_error_summary_linked_to_the_file_field()
    {
        var response = await IdentityAppFactory.PostFormAsync(app.CreateClient(), "/verify", []);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Có lỗi cần sửa", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#document\">Hãy chọn tệp PDF của văn bản cần kiểm tra.</a>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"document-hint document-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Lỗi: Kiểm tra văn bản điện tử", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<title>Lỗi", await app.CreateClient().GetStringAsync("/verify"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verify_page_marks_the_file_field_invalid_only_when_it_is_in_error()
    {
        var client = app.CreateClient();
        FormControls.AssertNotInError(await client.GetStringAsync("/verify"), "document");

        var noFile = await (await IdentityAppFactory.PostFormAsync(client, "/verify", [])).Content.ReadAsStringAsync();
        FormControls.AssertInError(noFile, "document");
        Assert.Equal("document-hint document-error", FormControls.Of(noFile, "document")["aria-describedby"]);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_and_signed_results_are_reached_only_through_their_application()
    {
        var client = app.CreateClient();
        using var notPdf = new ByteArrayContent("hello"u8.ToArray());
        notPdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await client.PostAsync("/api/verify", notPdf);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        using var text = new StringContent("hello");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/api/verify", text)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/verify", new { code = "" })).StatusCode);
        var noRedirects = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var anonymousResult = await noRedirects.GetAsync($"/workspace/applications/00004-990101-0001/results/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Redirect, anonymousResult.StatusCode);
        Assert.Contains("/account/sign-in", anonymousResult.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/signing/certificates/01/revoke", new { reason = "x" })).StatusCode);

        var keys = await client.GetFromJsonAsync<JsonElement>("/api/verify/keys");
        Assert.Equal("P-256", keys.GetProperty("keys")[0].GetProperty("crv").GetString());
    }

    private static async Task<JsonElement> PostPdfAsync(HttpClient client, byte[] pdf)
    {
        using var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await client.PostAsync("/api/verify", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
