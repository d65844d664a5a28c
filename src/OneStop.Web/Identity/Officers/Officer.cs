using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Identity.Officers;

/// <summary>
/// An officer's account (cán bộ, công chức): signs in with e-mail, password and an authenticator app,
/// and acts within the jurisdiction of its unit. Both codes are stored so that a check needs no lookup.
/// </summary>
public sealed class Officer : IdentityUser, IUnitScoped
{
    public string FullName { get; set; } = "";

    /// <summary>The 2-digit province the unit belongs to.</summary>
    public string ProvinceCode { get; set; } = "";

    /// <summary>A commune code (5 digits) or a province department code (e.g. <c>33-STP</c>).</summary>
    public string UnitCode { get; set; } = "";

    /// <summary>The unit's name as shown to people, e.g. "Phường Ba Đình".</summary>
    public string UnitName { get; set; } = "";

    /// <summary>Set for an account created with a one-time password: the first sign-in sets a new one.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The last TOTP time step accepted, so that a code is never accepted twice (RFC 6238, 5.2).</summary>
    public long LastAuthenticatorTimeStep { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> builder)
    {
        builder.ToTable("officers");
        builder.HasKey(u => u.Id);
        builder.HasIndex(u => u.NormalizedUserName).IsUnique();
        builder.HasIndex(u => u.NormalizedEmail);
        builder.HasIndex(u => new { u.ProvinceCode, u.UnitCode });
        builder.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(u => u.UserName).HasMaxLength(256);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(256);
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(256);
        builder.Property(u => u.PhoneNumber).HasMaxLength(256);
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.ProvinceCode).HasMaxLength(2);
        builder.Property(u => u.UnitCode).HasMaxLength(13);
        builder.Property(u => u.UnitName).HasMaxLength(200);
        builder.HasMany<IdentityUserClaim<string>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        builder.HasMany<IdentityUserLogin<string>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        builder.HasMany<IdentityUserToken<string>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
        builder.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
    }
}

internal sealed class OfficerClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> builder)
    {
        builder.ToTable("officer_claims");
        builder.HasKey(c => c.Id);
    }
}

internal sealed class OfficerLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder)
    {
        builder.ToTable("officer_logins");
        builder.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        builder.Property(l => l.LoginProvider).HasMaxLength(128);
        builder.Property(l => l.ProviderKey).HasMaxLength(128);
    }
}

internal sealed class OfficerTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder)
    {
        builder.ToTable("officer_tokens");
        builder.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        builder.Property(t => t.LoginProvider).HasMaxLength(128);
        builder.Property(t => t.Name).HasMaxLength(128);
    }
}

internal sealed class OfficerRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> builder)
    {
        builder.ToTable("officer_roles");
        builder.HasKey(r => new { r.UserId, r.RoleId });
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder)
    {
        builder.ToTable("roles");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.NormalizedName).IsUnique();
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(r => r.Name).HasMaxLength(256);
        builder.Property(r => r.NormalizedName).HasMaxLength(256);
        builder.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(r => r.RoleId).IsRequired();
        builder.HasMany<IdentityRoleClaim<string>>().WithOne().HasForeignKey(c => c.RoleId).IsRequired();
    }
}

internal sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> builder)
    {
        builder.ToTable("role_claims");
        builder.HasKey(c => c.Id);
    }
}
