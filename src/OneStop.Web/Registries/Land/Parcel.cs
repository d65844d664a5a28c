using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Web.Registries.Land;

/// <summary>A land parcel (thửa đất) in the land database, identified by commune, map sheet and number.</summary>
public sealed class Parcel
{
    /// <summary>"{commune code}-{map sheet}-{parcel number}".</summary>
    public required string Id { get; init; }

    public required string ProvinceCode { get; init; }

    public required string CommuneCode { get; init; }

    /// <summary>Tờ bản đồ số.</summary>
    public int MapSheet { get; init; }

    /// <summary>Thửa đất số.</summary>
    public int ParcelNumber { get; init; }

    public double AreaSquareMetres { get; init; }

    /// <summary>The land-use code of the Land Law (ONT rural residential, ODT urban residential, LUC rice, CLN perennial crops…).</summary>
    public required string LandUse { get; init; }

    /// <summary>The land-use right certificate's serial (số phát hành giấy chứng nhận).</summary>
    public required string CertificateNumber { get; init; }

    public DateOnly CertificateIssuedOn { get; init; }
}

/// <summary>A land user holding a parcel (a couple holds theirs jointly).</summary>
public sealed class ParcelOwner
{
    public required string ParcelId { get; init; }

    public required string OwnerId { get; init; }
}

internal sealed class ParcelConfiguration : IEntityTypeConfiguration<Parcel>
{
    public void Configure(EntityTypeBuilder<Parcel> builder)
    {
        builder.ToTable("land_parcels");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(24);
        builder.Property(p => p.ProvinceCode).HasMaxLength(2);
        builder.Property(p => p.CommuneCode).HasMaxLength(5);
        builder.Property(p => p.LandUse).HasMaxLength(6);
        builder.Property(p => p.CertificateNumber).HasMaxLength(12);
    }
}

internal sealed class ParcelOwnerConfiguration : IEntityTypeConfiguration<ParcelOwner>
{
    public void Configure(EntityTypeBuilder<ParcelOwner> builder)
    {
        builder.ToTable("land_parcel_owners");
        builder.HasKey(o => new { o.ParcelId, o.OwnerId });
        builder.Property(o => o.ParcelId).HasMaxLength(24);
        builder.Property(o => o.OwnerId).HasMaxLength(12);
        builder.HasIndex(o => o.OwnerId);
    }
}

/// <summary><c>land.parcelsByOwner</c>: the parcels a person holds, with their co-holders.</summary>
internal sealed class ParcelsByOwnerService(RegistriesDbContext db, TimeProvider time) : IRegistryService
{
    public const string ServiceName = "land.parcelsByOwner";

    public string Registry => "land";

    public string Name => ServiceName;

    public string? ValidateSubject(string subject) => PersonalIdNumber.Validate(subject, time.GetUtcNow().Year);

    public async Task<RegistryRecord?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        var owners = db.Set<ParcelOwner>().AsNoTracking();
        var parcels = await db.Set<Parcel>().AsNoTracking()
            .Where(p => owners.Any(o => o.ParcelId == p.Id && o.OwnerId == subject))
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var ids = parcels.Select(p => p.Id).ToList();
        var holders = await owners.Where(o => ids.Contains(o.ParcelId)).ToListAsync(cancellationToken);
        var record = new JsonObject
        {
            ["ownerId"] = subject,
            ["parcels"] = new JsonArray([.. parcels.Select(p => (JsonNode)new JsonObject
            {
                ["parcelId"] = p.Id,
                ["provinceCode"] = p.ProvinceCode,
                ["communeCode"] = p.CommuneCode,
                ["mapSheet"] = p.MapSheet,
                ["parcelNumber"] = p.ParcelNumber,
                ["areaSquareMetres"] = p.AreaSquareMetres,
                ["landUse"] = p.LandUse,
                ["certificateNumber"] = p.CertificateNumber,
                ["certificateIssuedOn"] = RecordJson.Date(p.CertificateIssuedOn),
                ["ownerIds"] = new JsonArray([.. holders.Where(h => h.ParcelId == p.Id).Select(h => h.OwnerId).Order(StringComparer.Ordinal).Select(id => (JsonNode)id)]),
            })]),
        };
        return new RegistryRecord(record, [.. holders.Select(h => h.OwnerId).Append(subject).Distinct().Order()]);
    }
}

public static class LandRegistry
{
    public static IServiceCollection AddLandRegistry(this IServiceCollection services)
    {
        services.AddScoped<IRegistryService, ParcelsByOwnerService>();
        return services;
    }

    public static IEndpointRouteBuilder MapLandRegistry(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/registries/land").WithTags("Registry: land")
            .MapRegistryQuery("/parcels", ParcelsByOwnerService.ServiceName, "owner", "The parcels a person holds (?owner=ID number).");
        return app;
    }
}
