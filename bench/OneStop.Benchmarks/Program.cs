using BenchmarkDotNet.Running;
using OneStop.Benchmarks.Applications;

namespace OneStop.Benchmarks;

// dotnet run -c Release --project bench/OneStop.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/OneStop.Benchmarks -- applications   (a load run, see BENCHMARKS.md)
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["applications", ..])
        {
            return await ApplicationsLoad.RunAsync();
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
