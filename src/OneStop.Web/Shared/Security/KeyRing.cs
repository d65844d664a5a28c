using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Shared.Security;

/// <summary>The <c>DataProtection</c> section.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// A PKCS#12 file (.pfx) whose certificate encrypts the keys where they are stored; every instance needs
    /// it. Without it the keys are stored as they are, readable by whoever can read the database.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The file's password; from the environment or a secret store, never from the repository.</summary>
    public string? CertificatePassword { get; set; }
}

/// <summary>
/// ASP.NET Core data protection keeps its key ring in OneStop's database, so that every instance reads the
/// same keys and they outlive the machine that made them: session cookies, antiforgery tokens and the signing
/// keys stored encrypted (Signing's <c>KeyProtection</c>) all depend on it. See ADR 0078.
/// </summary>
public static class KeyRing
{
    /// <summary>The name every instance protects under; instances with another name cannot read each other's data.</summary>
    public const string ApplicationName = "OneStop";

    public static IServiceCollection AddOneStopKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<OneStopDbContext>();

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var certificate = LoadCertificate(options.CertificatePath, options.CertificatePassword);
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else
        {
            services.AddHostedService<UnencryptedKeyRingWarning>();
        }

        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath '{path}' cannot be read as a PKCS#12 file with DataProtection:CertificatePassword: {error.Message}", error);
        }
    }
}

/// <summary>
/// Says at every start, outside the demo, that the keys lie unencrypted next to the data they protect: data
/// protection itself says so only on the day it makes a key, which an operator easily misses.
/// </summary>
internal sealed partial class UnencryptedKeyRingWarning(DemoMode demo, ILogger<UnencryptedKeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Enabled)
        {
            KeysUnencrypted(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Data protection keys are stored unencrypted in the database: whoever can read it can read sessions and stored signing keys. " +
        "Set DataProtection__CertificatePath (and DataProtection__CertificatePassword) on every instance.")]
    private static partial void KeysUnencrypted(ILogger logger);
}

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("data_protection_keys");
}
