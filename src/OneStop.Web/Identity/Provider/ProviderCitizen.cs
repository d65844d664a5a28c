using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;

namespace OneStop.Web.Identity.Provider;

/// <summary>
/// A citizen known to the built-in identity provider, which stands in for the national digital
/// identity (VNeID) in the demo. Production uses the real provider and has no such rows.
/// </summary>
public sealed class ProviderCitizen
{
    public Guid Id { get; set; }

    /// <summary>The 12-digit personal identification number (số định danh cá nhân).</summary>
    public string PersonalIdNumber { get; set; } = "";

    public string FullName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    /// <summary>The assurance level the provider asserts (<c>acr</c>).</summary>
    public string AssuranceLevel { get; set; } = "";
}

internal sealed class ProviderCitizenConfiguration : IEntityTypeConfiguration<ProviderCitizen>
{
    public void Configure(EntityTypeBuilder<ProviderCitizen> builder)
    {
        builder.ToTable("provider_citizens");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.PersonalIdNumber).IsUnique();
        builder.Property(c => c.PersonalIdNumber).HasMaxLength(12);
        builder.Property(c => c.FullName).HasMaxLength(200);
        builder.Property(c => c.AssuranceLevel).HasMaxLength(20);
    }
}

// The provider's own stores (clients, authorizations, issued codes and tokens) in the one-stop database.
internal sealed class ProviderApplicationConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreApplication>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreApplication> builder)
    {
        new OpenIddict.EntityFrameworkCore.OpenIddictEntityFrameworkCoreApplicationConfiguration<
            OpenIddictEntityFrameworkCoreApplication, OpenIddictEntityFrameworkCoreAuthorization, OpenIddictEntityFrameworkCoreToken, string>().Configure(builder);
        builder.ToTable("oidc_applications");
    }
}

internal sealed class ProviderAuthorizationConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreAuthorization>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreAuthorization> builder)
    {
        new OpenIddict.EntityFrameworkCore.OpenIddictEntityFrameworkCoreAuthorizationConfiguration<
            OpenIddictEntityFrameworkCoreAuthorization, OpenIddictEntityFrameworkCoreApplication, OpenIddictEntityFrameworkCoreToken, string>().Configure(builder);
        builder.ToTable("oidc_authorizations");
    }
}

internal sealed class ProviderScopeConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreScope>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreScope> builder)
    {
        new OpenIddict.EntityFrameworkCore.OpenIddictEntityFrameworkCoreScopeConfiguration<OpenIddictEntityFrameworkCoreScope, string>().Configure(builder);
        builder.ToTable("oidc_scopes");
    }
}

internal sealed class ProviderTokenConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreToken>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreToken> builder)
    {
        new OpenIddict.EntityFrameworkCore.OpenIddictEntityFrameworkCoreTokenConfiguration<
            OpenIddictEntityFrameworkCoreToken, OpenIddictEntityFrameworkCoreApplication, OpenIddictEntityFrameworkCoreAuthorization, string>().Configure(builder);
        builder.ToTable("oidc_tokens");
    }
}
