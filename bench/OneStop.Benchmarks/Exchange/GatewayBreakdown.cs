using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Testing;
using OneStop.Web.Exchange.Catalog;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Exchange.Log;
using OneStop.Web.Registries;
using OneStop.Web.Registries.Population;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Benchmarks.Exchange;

/// <summary>
/// Where an exchange's time goes: each step of <see cref="IExchangeGateway.QueryAsync"/> timed on its own
/// (median of many rounds), beside the whole exchange and the direct look-up, on the benchmark's SQLite file.
/// A diagnostic, not a benchmark of record: Stopwatch medians, no statistics.
/// Run: ONESTOP_BENCH_PEOPLE=2000 dotnet run -c Release --project bench/OneStop.Benchmarks -- gateway-breakdown
/// </summary>
internal static class GatewayBreakdown
{
    public static async Task<int> RunAsync()
    {
        var people = Environment.GetEnvironmentVariable("ONESTOP_BENCH_PEOPLE") ?? "2000";
        var directory = Path.Combine(Path.GetTempPath(), "onestop-bench", $"people-{people}");
        Directory.CreateDirectory(directory);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(Path.Combine(Repository.Root, "src", "OneStop.Web"));
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:OneStop", $"Data Source={Path.Combine(directory, "onestop.db")};Default Timeout=30");
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Registries:People", people);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Hosting:StartupBanner", "false");
        });
        var services = factory.Services;
        var gateway = services.GetRequiredService<IExchangeGateway>();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var gatewayKeys = services.GetRequiredService<GatewayKeyRing>();
        var registryKeys = services.GetRequiredService<RegistryKeyRing>();
        var log = services.GetRequiredService<ExchangeLogWriter>();
        string[] subjects;
        using (var scope = scopes.CreateScope())
        {
            subjects = [.. scope.ServiceProvider.GetRequiredService<RegistriesDbContext>().Set<Person>().AsNoTracking()
                .OrderBy(p => p.PersonalIdNumber).Select(p => p.PersonalIdNumber).Take(2000)];
        }

        var next = 0;
        string Subject() => subjects[next++ % subjects.Length];
        var query = (string subject) => new ExchangeQuery("onestop-officer", "population.person", subject, EndUser.Officer("bench-officer", "11953"),
            "application-verification", "118/2025/NĐ-CP", "11953-260115-0001");
        var service = ExchangeCatalog.Service("population.person")!;

        RegistryRequest NewRequest(string subject) => new(Guid.CreateVersion7(), service.Name, subject, "onestop-officer", "officer:bench@11953",
            "application-verification", "118/2025/NĐ-CP", "11953-260115-0001", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        var sampleRequest = NewRequest(subjects[0]).ToJson();
        var sampleSigned = CompactJws.Sign(sampleRequest, gatewayKeys.Key, RegistryRequest.MediaType);
        RegistryReply sampleReply;
        await using (var scope = scopes.CreateAsyncScope())
        {
            sampleReply = await scope.ServiceProvider.GetRequiredService<RegistryDispatcher>().HandleAsync(service.Name, null, sampleSigned, default);
        }

        using var scratch = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, "onestop.db")}");
        scratch.Open();
        using (var setup = scratch.CreateCommand())
        {
            setup.CommandText = "PRAGMA synchronous = NORMAL; CREATE TABLE IF NOT EXISTS bench_scratch (k TEXT PRIMARY KEY, v TEXT); CREATE TABLE IF NOT EXISTS bench_scratch2 (k TEXT PRIMARY KEY);";
            setup.ExecuteNonQuery();
        }

        using var insert = scratch.CreateCommand();
        insert.CommandText = "INSERT INTO bench_scratch (k, v) VALUES ($k, $v); INSERT INTO bench_scratch2 (k) VALUES ($k);";
        insert.Parameters.AddWithValue("$k", "");
        insert.Parameters.AddWithValue("$v", new string('x', 700));

        var rounds = int.Parse(Environment.GetEnvironmentVariable("ONESTOP_BREAKDOWN_ROUNDS") ?? "3000", System.Globalization.CultureInfo.InvariantCulture);
        var steps = new (string Name, Func<Task> Step)[]
        {
            ("direct look-up (scope + FindAsync)", async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var registry = scope.ServiceProvider.GetServices<IRegistryService>().First(s => s.Name == service.Name);
                await registry.FindAsync(Subject(), default);
            }),
            ("ES256 sign (request)", () =>
            {
                CompactJws.Sign(sampleRequest, gatewayKeys.Key, RegistryRequest.MediaType);
                return Task.CompletedTask;
            }),
            ("ES256 verify (request)", () =>
            {
                CompactJws.Verify(sampleSigned, RegistryRequest.MediaType, id => gatewayKeys.Find(id));
                return Task.CompletedTask;
            }),
            ("ES256 verify detached (answer)", () =>
            {
                CompactJws.VerifyDetached(sampleReply.Signature, sampleReply.Body, RegistryEnvelope.SignatureType, registryKeys.PublicKey);
                return Task.CompletedTask;
            }),
            ("registry dispatcher (scope, verify, replay, find, sign)", async () =>
            {
                var signed = CompactJws.Sign(NewRequest(Subject()).ToJson(), gatewayKeys.Key, RegistryRequest.MediaType);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RegistryDispatcher>().HandleAsync(service.Name, null, signed, default);
            }),
            ("log append (queue, hash, commit, answer)", async () =>
            {
                await log.AppendAsync(SampleEntry(Subject()), [], default);
            }),
            ("floor: raw SQLite insert of 2 rows + commit (scratch table)", () =>
            {
                using var transaction = scratch.BeginTransaction();
                insert.Transaction = transaction;
                insert.Parameters["$k"].Value = Guid.NewGuid().ToString("N");
                insert.ExecuteNonQuery();
                transaction.Commit();
                return Task.CompletedTask;
            }),
            ("whole exchange through the gateway", async () =>
            {
                var result = await gateway.QueryAsync(query(Subject()));
                if (result.Outcome != ExchangeOutcome.Delivered)
                {
                    throw new InvalidOperationException(result.Reason);
                }
            }),
        };

        Console.WriteLine($"{rounds} rounds each, {people} people; median and mean in microseconds");
        var only = Environment.GetEnvironmentVariable("ONESTOP_BREAKDOWN_ONLY");
        foreach (var (name, step) in steps)
        {
            if (only is not null && !name.Contains(only, StringComparison.Ordinal))
            {
                continue;
            }

            // Long enough for tiered compilation to reach its optimised code (it promotes methods in the background).
            var warmUp = Stopwatch.StartNew();
            for (var i = 0; i < 1000 || warmUp.Elapsed < TimeSpan.FromSeconds(2); i++)
            {
                await step();
            }

            var times = new double[rounds];
            for (var i = 0; i < rounds; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await step();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }

            Array.Sort(times);
            Console.WriteLine($"{name,-60} p50 {times[rounds / 2],8:0} µs   mean {times.Average(),8:0} µs   p90 {times[rounds * 9 / 10],8:0} µs   p99 {times[rounds * 99 / 100],8:0} µs");
        }

        return 0;
    }

    private static ExchangeLogEntry SampleEntry(string subject) => new()
    {
        RequestId = Guid.CreateVersion7(),
        OccurredAt = ExchangeLogWriter.Truncate(DateTimeOffset.UtcNow),
        ClientSystem = "onestop-officer",
        EndUser = "officer:bench@11953",
        EndUserUnit = "11953",
        Registry = "population",
        Service = "population.person",
        SubjectId = subject,
        Purpose = "application-verification",
        LegalBasis = "118/2025/NĐ-CP",
        ApplicationCode = "11953-260115-0001",
        Fields = "fullName,dateOfBirth",
        Outcome = "delivered",
        DataSubjects = subject,
        RequestDigest = new string('a', 64),
        ResponseDigest = new string('b', 64),
        PreviousHash = "",
        Hash = "",
    };
}
