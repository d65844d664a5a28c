using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing.Certificates;
using OneStop.Web.Signing.Issued;
using OneStop.Web.Signing.Pades;
using OneStop.Web.Signing.Verification;

namespace OneStop.Web.Signing;

/// <summary>
/// Officials' PAdES signatures, the demo certificate authority, signed results and their public
/// verification (page /verify and API /api/verify).
/// </summary>
public static class SigningModule
{
    public static IServiceCollection AddSigning(this IServiceCollection services, IConfiguration configuration)
    {
        var options = SigningOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton<TrustedRoots>();
        services.AddSingleton<RequesterGuard>();
        services.AddScoped<KeyProtection>();
        services.AddScoped<DemoCertificateAuthority>();
        services.AddScoped<CertificateStatusService>();
        services.AddScoped<SignatureVerifier>();
        services.AddScoped<VerificationCodes>();
        services.AddScoped<VerificationService>();
        services.AddScoped<IResultDocuments, ResultDocuments>();
        services.AddScoped<IOfficialSigner, OfficialSigner>();
        if (string.Equals(options.Provider, "Pkcs11", StringComparison.OrdinalIgnoreCase))
        {
            services.AddScoped<ISignatureProvider, Pkcs11SignatureProvider>();
        }
        else
        {
            services.AddScoped<ISignatureProvider, SoftwareSignatureProvider>();
        }

        services.AddHttpClient(TimestampAuthorityClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        services.AddScoped(provider => new TimestampAuthorityClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(TimestampAuthorityClient.HttpClientName),
            options));

        services.AddSingleton<IDataSeeder, SigningSeeder>();
        services.AddSingleton<ICommand, ImportCertificateCommand>();
        return services;
    }

    public static IEndpointRouteBuilder MapSigningApi(this IEndpointRouteBuilder app)
    {
        VerificationApi.Map(app);
        CertificateAuthorityApi.Map(app);
        return app;
    }
}

/// <summary>Makes the QR verification key (always) and the demo root CA (demo mode) before the first request.</summary>
internal sealed class SigningSeeder(DemoMode demo) : IDataSeeder
{
    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<VerificationCodes>().EnsureKeyAsync(cancellationToken);
        if (demo.Enabled)
        {
            await services.GetRequiredService<DemoCertificateAuthority>().EnsureRootAsync(cancellationToken);
        }
    }
}
