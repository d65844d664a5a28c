using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Web.Registries.CivilStatus;

/// <summary>A civil status event (sự kiện hộ tịch) registered at a commune.</summary>
public sealed class CivilStatusEvent
{
    public long Id { get; init; }

    /// <summary>birth, marriage, divorce, death.</summary>
    public required string Kind { get; init; }

    public DateOnly Date { get; init; }

    public required string ProvinceCode { get; init; }

    public required string CommuneCode { get; init; }

    /// <summary>The person the event is about: the child born, the deceased, the husband of a couple.</summary>
    public required string PersonId { get; init; }

    /// <summary>The wife, for a marriage or a divorce.</summary>
    public string? SpouseId { get; init; }

    public string? FatherId { get; init; }

    public string? MotherId { get; init; }

    /// <summary>Where the event is written: "Quyển {book}, số {entry}".</summary>
    public required string BookReference { get; init; }
}

internal sealed class CivilStatusEventConfiguration : IEntityTypeConfiguration<CivilStatusEvent>
{
    public void Configure(EntityTypeBuilder<CivilStatusEvent> builder)
    {
        builder.ToTable("civil_status_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(10);
        builder.Property(e => e.ProvinceCode).HasMaxLength(2);
        builder.Property(e => e.CommuneCode).HasMaxLength(5);
        builder.Property(e => e.PersonId).HasMaxLength(12);
        builder.Property(e => e.SpouseId).HasMaxLength(12);
        builder.Property(e => e.FatherId).HasMaxLength(12);
        builder.Property(e => e.MotherId).HasMaxLength(12);
        builder.Property(e => e.BookReference).HasMaxLength(40);
        builder.HasIndex(e => e.PersonId);
        builder.HasIndex(e => e.SpouseId);
        builder.HasIndex(e => e.FatherId);
        builder.HasIndex(e => e.MotherId);
    }
}

/// <summary><c>civilStatus.events</c>: every event a person takes part in, and the marital status they give.</summary>
internal sealed class CivilStatusEventsService(RegistriesDbContext db, TimeProvider time) : IRegistryService
{
    public const string ServiceName = "civilStatus.events";

    public string Registry => "civilStatus";

    public string Name => ServiceName;

    public string? ValidateSubject(string subject) => PersonalIdNumber.Validate(subject, time.GetUtcNow().Year);

    public async Task<RegistryRecord?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        var events = await db.Set<CivilStatusEvent>().AsNoTracking()
            .Where(e => e.PersonId == subject || e.SpouseId == subject || e.FatherId == subject || e.MotherId == subject)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return null;
        }

        // A spouse's death makes a widow(er): it is registered under the spouse's number.
        var lastMarriage = events.LastOrDefault(e => e.Kind == "marriage" && (e.PersonId == subject || e.SpouseId == subject));
        var spouse = lastMarriage is null ? null : lastMarriage.PersonId == subject ? lastMarriage.SpouseId : lastMarriage.PersonId;
        if (spouse is not null)
        {
            var spouseDeath = await db.Set<CivilStatusEvent>().AsNoTracking()
                .Where(e => e.Kind == "death" && e.PersonId == spouse)
                .ToListAsync(cancellationToken);
            events = [.. events.Concat(spouseDeath).DistinctBy(e => e.Id).OrderBy(e => e.Date).ThenBy(e => e.Id)];
        }

        var record = new JsonObject
        {
            ["personalIdNumber"] = subject,
            ["maritalStatus"] = MaritalStatus(subject, events),
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
            {
                ["kind"] = e.Kind,
                ["date"] = RecordJson.Date(e.Date),
                ["provinceCode"] = e.ProvinceCode,
                ["communeCode"] = e.CommuneCode,
                ["personId"] = e.PersonId,
                ["spouseId"] = e.SpouseId,
                ["fatherId"] = e.FatherId,
                ["motherId"] = e.MotherId,
                ["bookReference"] = e.BookReference,
            })]),
        };
        var subjects = events
            .SelectMany(e => new[] { e.PersonId, e.SpouseId, e.FatherId, e.MotherId })
            .OfType<string>()
            .Append(subject)
            .Distinct()
            .Order()
            .ToList();
        return new RegistryRecord(record, subjects);
    }

    /// <summary>single, married, divorced or widowed, from the person's last marriage and what ended it.</summary>
    private static string MaritalStatus(string subject, List<CivilStatusEvent> events)
    {
        var status = "single";
        string? spouse = null;
        foreach (var e in events)
        {
            var isPartner = e.PersonId == subject || e.SpouseId == subject;
            switch (e.Kind)
            {
                case "marriage" when isPartner:
                    status = "married";
                    spouse = e.PersonId == subject ? e.SpouseId : e.PersonId;
                    break;
                case "divorce" when isPartner:
                    status = "divorced";
                    spouse = null;
                    break;
                case "death" when e.PersonId == subject:
                    status = "deceased";
                    break;
            }
        }

        if (status == "married" && spouse is not null && events.Any(e => e.Kind == "death" && e.PersonId == spouse))
        {
            status = "widowed";
        }

        return status;
    }
}

public static class CivilStatusRegistry
{
    public static IServiceCollection AddCivilStatusRegistry(this IServiceCollection services)
    {
        services.AddScoped<IRegistryService, CivilStatusEventsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCivilStatusRegistry(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/registries/civil-status").WithTags("Registry: civil status")
            .MapRegistryQuery("/events", CivilStatusEventsService.ServiceName, "person", "The civil status events of a person (?person=ID number).");
        return app;
    }
}
