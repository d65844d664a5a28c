using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Web.Registries.Enterprise;

/// <summary>An enterprise, branch or household business in the national business registration database.</summary>
public sealed class Enterprise
{
    public required string TaxCode { get; init; }

    public string? ParentTaxCode { get; init; }

    public required string Name { get; init; }

    public required string ProvinceCode { get; init; }

    public required string CommuneCode { get; init; }

    public required string Street { get; init; }

    /// <summary>The legal representative's personal identification number.</summary>
    public required string LegalRepresentativeId { get; init; }

    /// <summary>household-business, private, limited-liability, joint-stock, branch.</summary>
    public required string Type { get; init; }

    /// <summary>active, suspended, dissolved.</summary>
    public required string Status { get; init; }

    public DateOnly RegisteredOn { get; init; }
}

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.ToTable("enterprise_enterprises");
        builder.HasKey(e => e.TaxCode);
        builder.Property(e => e.TaxCode).HasMaxLength(14);
        builder.Property(e => e.ParentTaxCode).HasMaxLength(10);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.ProvinceCode).HasMaxLength(2);
        builder.Property(e => e.CommuneCode).HasMaxLength(5);
        builder.Property(e => e.Street).HasMaxLength(150);
        builder.Property(e => e.LegalRepresentativeId).HasMaxLength(12);
        builder.Property(e => e.Type).HasMaxLength(20);
        builder.Property(e => e.Status).HasMaxLength(12);
        builder.HasIndex(e => e.LegalRepresentativeId);
    }
}

internal static class EnterpriseJson
{
    public static JsonObject Of(Enterprise e) => new()
    {
        ["taxCode"] = e.TaxCode,
        ["parentTaxCode"] = e.ParentTaxCode,
        ["name"] = e.Name,
        ["address"] = RecordJson.Address(e.ProvinceCode, e.CommuneCode, e.Street, null, null, null),
        ["legalRepresentativeId"] = e.LegalRepresentativeId,
        ["type"] = e.Type,
        ["status"] = e.Status,
        ["registeredOn"] = RecordJson.Date(e.RegisteredOn),
    };
}

/// <summary><c>enterprise.byTaxCode</c>: one enterprise or branch by its tax code.</summary>
internal sealed class EnterpriseByTaxCodeService(RegistriesDbContext db) : IRegistryService
{
    public const string ServiceName = "enterprise.byTaxCode";

    public string Registry => "enterprise";

    public string Name => ServiceName;

    public string? ValidateSubject(string subject) => TaxCode.Validate(subject);

    public async Task<RegistryRecord?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        var enterprise = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(e => e.TaxCode == subject, cancellationToken);
        return enterprise is null ? null : new RegistryRecord(EnterpriseJson.Of(enterprise), [enterprise.LegalRepresentativeId]);
    }
}

/// <summary><c>enterprise.byRepresentative</c>: the enterprises a person represents at law.</summary>
internal sealed class EnterprisesByRepresentativeService(RegistriesDbContext db, TimeProvider time) : IRegistryService
{
    public const string ServiceName = "enterprise.byRepresentative";

    public string Registry => "enterprise";

    public string Name => ServiceName;

    // The representative is a person: the enterprise registry checks the number's form itself, it does
    // not ask the population registry.
    public string? ValidateSubject(string subject) => PersonalIdNumber.Validate(subject, time.GetUtcNow().Year);

    public async Task<RegistryRecord?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        var enterprises = await db.Set<Enterprise>().AsNoTracking()
            .Where(e => e.LegalRepresentativeId == subject)
            .OrderBy(e => e.RegisteredOn).ThenBy(e => e.TaxCode)
            .ToListAsync(cancellationToken);
        var record = new JsonObject
        {
            ["representativeId"] = subject,
            ["enterprises"] = new JsonArray([.. enterprises.Select(e => (JsonNode)EnterpriseJson.Of(e))]),
        };
        return new RegistryRecord(record, [subject]);
    }
}

public static class EnterpriseRegistry
{
    public static IServiceCollection AddEnterpriseRegistry(this IServiceCollection services)
    {
        services.AddScoped<IRegistryService, EnterpriseByTaxCodeService>();
        services.AddScoped<IRegistryService, EnterprisesByRepresentativeService>();
        return services;
    }

    public static IEndpointRouteBuilder MapEnterpriseRegistry(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/registries/enterprise").WithTags("Registry: enterprise");
        group.MapRegistryQuery("/enterprises/{taxCode}", EnterpriseByTaxCodeService.ServiceName, "taxCode", "An enterprise or branch by its tax code.");
        group.MapRegistryQuery("/enterprises", EnterprisesByRepresentativeService.ServiceName, "representative", "The enterprises a person represents at law (?representative=ID number).");
        return app;
    }
}
