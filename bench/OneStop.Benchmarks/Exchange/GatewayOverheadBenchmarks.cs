using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Registries;
using OneStop.Web.Registries.Population;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Benchmarks.Exchange;

/// <summary>
/// A population look-up through the gateway (rights, signed request, registry's signature check and signed
/// answer, gateway's check, field projection, hash-chained log write) against the same look-up made
/// directly on the registry, in the same run. The registry holds <c>ONESTOP_BENCH_PEOPLE</c> people
/// (default one million), generated once into a SQLite file under the temp folder and reused.
/// Run: dotnet run -c Release --project bench/OneStop.Benchmarks -- --filter '*GatewayOverhead*'
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MedianColumn]
[MemoryDiagnoser]
public class GatewayOverheadBenchmarks
{
    private WebApplicationFactory<Program> _factory = null!;
    private IExchangeGateway _gateway = null!;
    private IServiceScopeFactory _scopes = null!;
    private string[] _subjects = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var people = Environment.GetEnvironmentVariable("ONESTOP_BENCH_PEOPLE") ?? "1000000";
        var directory = Path.Combine(Path.GetTempPath(), "onestop-bench", $"people-{people}");
        Directory.CreateDirectory(directory);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:OneStop", $"Data Source={Path.Combine(directory, "onestop.db")};Default Timeout=30");
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Registries:People", people);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Hosting:StartupBanner", "false");
        });
        _gateway = _factory.Services.GetRequiredService<IExchangeGateway>();
        _scopes = _factory.Services.GetRequiredService<IServiceScopeFactory>();
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
        _subjects = [.. db.Set<Person>().AsNoTracking().OrderBy(p => p.PersonalIdNumber).Select(p => p.PersonalIdNumber).Take(2000)];
    }

    [GlobalCleanup]
    public void Cleanup() => _factory.Dispose();

    private string NextSubject() => _subjects[_next++ % _subjects.Length];

    /// <summary>The registry's own look-up, as a module reading the database directly would do it.</summary>
    [Benchmark(Baseline = true)]
    public async Task<object?> Direct()
    {
        await using var scope = _scopes.CreateAsyncScope();
        var service = scope.ServiceProvider.GetServices<IRegistryService>().First(s => s.Name == "population.person");
        return await service.FindAsync(NextSubject(), CancellationToken.None);
    }

    /// <summary>The same look-up through the exchange gateway, signed and logged.</summary>
    [Benchmark]
    public async Task<object?> ThroughGateway()
    {
        var result = await _gateway.QueryAsync(new ExchangeQuery(
            "onestop-officer", "population.person", NextSubject(), EndUser.Officer("bench-officer", "11953"),
            "application-verification", "118/2025/NĐ-CP", "11953-260115-0001"));
        return result.Outcome == ExchangeOutcome.Delivered ? result : throw new InvalidOperationException(result.Reason);
    }
}
