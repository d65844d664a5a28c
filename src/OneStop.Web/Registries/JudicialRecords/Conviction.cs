using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Web.Registries.JudicialRecords;

/// <summary>A conviction (án tích) in the judicial records database, used for criminal record certificates.</summary>
public sealed class Conviction
{
    public long Id { get; init; }

    public required string PersonId { get; init; }

    public required string Court { get; init; }

    public required string JudgmentNumber { get; init; }

    public DateOnly JudgmentDate { get; init; }

    /// <summary>The offence, by its article of the Criminal Code.</summary>
    public required string Offence { get; init; }

    public required string Sentence { get; init; }

    public DateOnly? SentenceCompletedOn { get; init; }

    /// <summary>Whether the conviction is expunged (đã được xóa án tích).</summary>
    public bool Expunged { get; init; }
}

internal sealed class ConvictionConfiguration : IEntityTypeConfiguration<Conviction>
{
    public void Configure(EntityTypeBuilder<Conviction> builder)
    {
        builder.ToTable("judicial_convictions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PersonId).HasMaxLength(12);
        builder.Property(c => c.Court).HasMaxLength(120);
        builder.Property(c => c.JudgmentNumber).HasMaxLength(30);
        builder.Property(c => c.Offence).HasMaxLength(160);
        builder.Property(c => c.Sentence).HasMaxLength(120);
        builder.HasIndex(c => c.PersonId);
    }
}

/// <summary><c>judicial.record</c>: a person's convictions, expunged ones marked.</summary>
internal sealed class JudicialRecordService(RegistriesDbContext db, TimeProvider time) : IRegistryService
{
    public const string ServiceName = "judicial.record";

    public string Registry => "judicial";

    public string Name => ServiceName;

    public string? ValidateSubject(string subject) => PersonalIdNumber.Validate(subject, time.GetUtcNow().Year);

    public async Task<RegistryRecord?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        var convictions = await db.Set<Conviction>().AsNoTracking()
            .Where(c => c.PersonId == subject)
            .OrderBy(c => c.JudgmentDate)
            .ToListAsync(cancellationToken);

        // Having no conviction is an answer too: the certificate then says "không có án tích".
        var record = new JsonObject
        {
            ["personalIdNumber"] = subject,
            ["hasConvictions"] = convictions.Any(c => !c.Expunged),
            ["convictions"] = new JsonArray([.. convictions.Select(c => (JsonNode)new JsonObject
            {
                ["court"] = c.Court,
                ["judgmentNumber"] = c.JudgmentNumber,
                ["judgmentDate"] = RecordJson.Date(c.JudgmentDate),
                ["offence"] = c.Offence,
                ["sentence"] = c.Sentence,
                ["sentenceCompletedOn"] = RecordJson.Date(c.SentenceCompletedOn),
                ["expunged"] = c.Expunged,
            })]),
        };
        return new RegistryRecord(record, [subject]);
    }
}

public static class JudicialRecordsRegistry
{
    public static IServiceCollection AddJudicialRecordsRegistry(this IServiceCollection services)
    {
        services.AddScoped<IRegistryService, JudicialRecordService>();
        return services;
    }

    public static IEndpointRouteBuilder MapJudicialRecordsRegistry(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/registries/judicial-records").WithTags("Registry: judicial records")
            .MapRegistryQuery("/records/{pid}", JudicialRecordService.ServiceName, "pid", "A person's convictions, for the criminal record certificate.");
        return app;
    }
}
