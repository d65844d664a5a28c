using BenchmarkDotNet.Running;

namespace OneStop.Benchmarks;

// dotnet run -c Release --project bench/OneStop.Benchmarks -- --filter '*'
internal static class BenchmarkProgram
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
