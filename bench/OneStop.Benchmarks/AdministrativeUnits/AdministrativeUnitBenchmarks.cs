using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.AdministrativeUnits.Loading;

namespace OneStop.Benchmarks.AdministrativeUnits;

/// <summary>
/// Short, in-process runs: a few minutes on two cores, with operations per second printed, so the
/// goal of 100,000 lookups per second on one core can be read off directly.
/// </summary>
internal sealed class UnitsBenchmarkConfig : ManualConfig
{
    public UnitsBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}

/// <summary>Lookups in the directory, against a plain dictionary lookup by code as the baseline.</summary>
[Config(typeof(UnitsBenchmarkConfig))]
public class AdministrativeUnitLookupBenchmarks
{
    private static readonly DateOnly Now = new(2026, 5, 1);
    private AdministrativeUnitDirectory _directory = null!;
    private Dictionary<string, AdministrativeUnit> _byCode = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = AdministrativeUnitLoader.LoadEmbedded();
        _byCode = _directory.UnitsOf(_directory.SetAt(Now)).ToDictionary(u => u.Code, StringComparer.Ordinal);
    }

    [Benchmark(Baseline = true, Description = "Dictionary lookup by code (baseline)")]
    public AdministrativeUnit DictionaryLookupByCode() => _byCode["00175"];

    [Benchmark(Description = "Find by code at a date")]
    public AdministrativeUnit? FindByCodeAtDate() => _directory.Find("00175", Now);

    [Benchmark(Description = "Search 'yen hoa' (no diacritics)")]
    public int SearchWithoutDiacritics() => _directory.Search("yen hoa", Now, 10).Count;

    [Benchmark(Description = "Search 'Phường Yên Hoà' (tone marks)")]
    public int SearchWithToneMarks() => _directory.Search("Phường Yên Hoà", Now, 10).Count;

    [Benchmark(Description = "Search 'ba' (short prefix)")]
    public int SearchShortPrefix() => _directory.Search("ba", Now, 10).Count;

    [Benchmark(Description = "Convert by names (whole merge)")]
    public int ConvertByNames() => _directory.Convert(new OldAddress("Hà Nội", "Ba Đình", "Trúc Bạch"), Now).NewCommunes.Count;

    [Benchmark(Description = "Convert 'ha noi/ba dinh/cong vi' (split)")]
    public int ConvertSplitWithoutDiacritics() => _directory.Convert(new OldAddress("ha noi", "ba dinh", "cong vi"), Now).NewCommunes.Count;

    [Benchmark(Description = "Convert by commune code")]
    public int ConvertByCode() => _directory.Convert(new OldAddress(null, null, "00004"), Now).NewCommunes.Count;
}

/// <summary>Reading, checking and indexing the three sets, as at every start.</summary>
[Config(typeof(UnitsBenchmarkConfig))]
public class AdministrativeUnitLoadBenchmarks
{
    [Benchmark(Description = "Load, check and index all sets")]
    public int Load() => AdministrativeUnitLoader.Load(EmbeddedUnitDataSource.Instance).Sets.Count;
}
