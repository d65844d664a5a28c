using BenchmarkDotNet.Running;
using OneStop.Benchmarks.Applications;

namespace OneStop.Benchmarks;

// dotnet run -c Release --project bench/OneStop.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/OneStop.Benchmarks -- applications   (a load run, see BENCHMARKS.md)
// dotnet run -c Release --project bench/OneStop.Benchmarks -- workspace-queues   (a page of a long queue, see BENCHMARKS.md)
// dotnet run -c Release --project bench/OneStop.Benchmarks -- gateway-breakdown   (where an exchange's time goes)
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["applications", ..])
        {
            return await ApplicationsLoad.RunAsync();
        }

        if (args is ["workspace-queues", ..])
        {
            return await Workspace.WorkspaceQueuesLoad.RunAsync();
        }

        if (args is ["gateway-breakdown", ..])
        {
            return await Exchange.GatewayBreakdown.RunAsync();
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
