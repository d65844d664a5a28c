using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OneStop.Web.Shared.Hosting;

/// <summary>Adds lines to what the application prints once it listens (e.g. the demo accounts).</summary>
public interface IStartupBannerContributor
{
    IEnumerable<string> Lines();
}

/// <summary>Prints, once the server listens, where OneStop is and what a newcomer can do with it.</summary>
internal sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IEnumerable<IStartupBannerContributor> contributors) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    private void Print()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Count == 0)
        {
            return; // the in-memory test server has no address to print
        }

        var lines = new List<string> { "", "OneStop is running." };
        foreach (var address in addresses)
        {
            lines.Add($"  Portal:            {address}/");
            lines.Add($"  API reference:     {address}/scalar");
            lines.Add($"  OpenAPI document:  {address}/openapi/v1.json");
            lines.Add($"  Health:            {address}/health/ready");
        }

        foreach (var contributor in contributors)
        {
            lines.AddRange(contributor.Lines());
        }

        lines.Add("Press Ctrl+C to stop.");
        lines.Add("");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        Console.Out.Flush();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
