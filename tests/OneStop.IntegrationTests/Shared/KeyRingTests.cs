using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Shared.Persistence;
using Serilog.Events;

namespace OneStop.IntegrationTests.Shared;

/// <summary>The data protection key ring lives in the database: instances share it, and it outlives them.</summary>
public sealed class KeyRingTests : IDisposable
{
    private const string Purpose = "OneStop.IntegrationTests.KeyRing";
    private const string Secret = "Nguyễn Văn A, 001099000001";

    private readonly string _directory = Directory.CreateTempSubdirectory("onestop-key-ring-").FullName;

    [Fact]
    public async Task What_one_instance_protects_another_on_the_same_database_reads_even_after_the_first_stopped()
    {
        var first = new KeyRingAppFactory();
        try
        {
            var payload = Protector(first).Protect(Secret);
            var keys = await StoredKeysAsync(first);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml => Assert.Contains("<masterKey", xml, StringComparison.Ordinal));

            // Started after the first made its key, with nothing of the first's memory or files.
            await using (var second = new KeyRingAppFactory { SharedConnectionString = first.ConnectionString })
            {
                Assert.Equal(Secret, Protector(second).Unprotect(payload));
            }

            await first.StopHostAsync();
            await using var afterRestart = new KeyRingAppFactory { SharedConnectionString = first.ConnectionString };
            Assert.Equal(Secret, Protector(afterRestart).Unprotect(payload));
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }
    }

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_an_instance_without_it_reads_nothing()
    {
        var certificate = CertificateFile("geheim-2026");
        var first = new KeyRingAppFactory(certificate, "geheim-2026");
        try
        {
            var payload = Protector(first).Protect(Secret);
            var keys = await StoredKeysAsync(first);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });

            await using (var withCertificate = new KeyRingAppFactory(certificate, "geheim-2026") { SharedConnectionString = first.ConnectionString })
            {
                Assert.Equal(Secret, Protector(withCertificate).Unprotect(payload));
            }

            await using var withoutCertificate = new KeyRingAppFactory { SharedConnectionString = first.ConnectionString };
            Assert.ThrowsAny<CryptographicException>(() => Protector(withoutCertificate).Unprotect(payload));
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_naming_the_setting()
    {
        var certificate = CertificateFile("geheim-2026");
        await using var wrongPassword = new KeyRingAppFactory(certificate, "not-the-password");
        var error = Record.Exception(() => wrongPassword.Services);
        Assert.NotNull(error);
        Assert.Contains($"DataProtection:CertificatePath '{certificate}' cannot be read", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Without_a_certificate_every_start_outside_the_demo_warns_that_the_keys_are_unencrypted(bool demo, bool warned)
    {
        var logged = new LoggedAppFactory();
        try
        {
            using var started = logged.WithWebHostBuilder(builder => builder.UseSetting("Demo:Enabled", demo ? "true" : "false"));
            _ = started.Services;
            Assert.Equal(warned, logged.Events.Any(e =>
                e.Level == LogEventLevel.Warning && e.RenderMessage().Contains("DataProtection__CertificatePath", StringComparison.Ordinal)));
        }
        finally
        {
            await ((IAsyncLifetime)logged).DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IDataProtector Protector(OneStopAppFactory app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static async Task<List<string>> StoredKeysAsync(OneStopAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml ?? "").ToListAsync();
    }

    private string CertificateFile(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OneStop key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_directory, "key-ring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>The host, with a certificate for the key ring when given.</summary>
    private sealed class KeyRingAppFactory(string? certificatePath = null, string? certificatePassword = null) : OneStopAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            certificatePath is null
                ? []
                : [new("DataProtection:CertificatePath", certificatePath), new("DataProtection:CertificatePassword", certificatePassword)];
    }
}
