using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Registries.Population;
using OneStop.Web.Registries.Protocol;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Registries.Synthetic;

/// <summary>The <c>Registries</c> section of the configuration.</summary>
public sealed class RegistriesOptions
{
    public const string Section = "Registries";

    /// <summary>How many people the synthetic world holds (demo: a few thousand; benchmark: a million).</summary>
    public int People { get; set; } = 3000;

    /// <summary>The seed of the synthetic world: the same seed and size give the same rows.</summary>
    public int Seed { get; set; } = 20250701;

    /// <summary>The province most synthetic people live in (33, Hưng Yên).</summary>
    public string HomeProvince { get; set; } = "33";

    /// <summary>People generated per database batch.</summary>
    public int BatchSize { get; set; } = 20_000;
}

/// <summary>
/// Loads the registries' signing keys and, in demo mode, fills empty registries with the synthetic
/// world, all in one transaction (a seed that fails leaves the registries empty, to be tried again).
/// </summary>
internal sealed partial class RegistriesSeeder(
    RegistriesOptions options,
    DemoMode demo,
    IConfiguration configuration,
    ILogger<RegistriesSeeder> logger) : IDataSeeder
{
    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RegistriesDbContext>();
        await services.GetRequiredService<RegistryKeyRing>().EnsureLoadedAsync(db, cancellationToken);
        if (!demo.Enabled || await db.Set<Person>().AnyAsync(cancellationToken))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var book = AddressBook.Load(configuration);
        var world = new SyntheticWorld(book, options.Seed, options.HomeProvince);
        var writer = new BulkWriter(db);
        var people = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in world.Generate(options.People, options.BatchSize))
        {
            await writer.WriteAsync(batch.People, cancellationToken);
            await writer.WriteAsync(batch.Households, cancellationToken);
            await writer.WriteAsync(batch.Enterprises, cancellationToken);
            await writer.WriteAsync(batch.Parcels, cancellationToken);
            await writer.WriteAsync(batch.ParcelOwners, cancellationToken);
            await writer.WriteAsync(batch.Events, cancellationToken);
            await writer.WriteAsync(batch.Convictions, cancellationToken);
            people += batch.People.Count;
        }

        await transaction.CommitAsync(cancellationToken);
        LogSeeded(people, watch.Elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registries filled with a synthetic world of {People} people in {Seconds:0.0} s")]
    private partial void LogSeeded(int people, double seconds);
}
