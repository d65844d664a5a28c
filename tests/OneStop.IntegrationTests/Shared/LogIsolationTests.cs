using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.IntegrationTests.Infrastructure;
using IMsLogger = Microsoft.Extensions.Logging.ILogger;

namespace OneStop.IntegrationTests.Shared;

public sealed class LogIsolationTests
{
    [Fact]
    public async Task A_host_writes_its_events_to_its_own_sinks_only_when_another_host_runs_in_the_process()
    {
        var first = new LoggedAppFactory();
        var second = new LoggedAppFactory();
        try
        {
            using var firstClient = first.CreateClient();
            using var secondClient = second.CreateClient();

            // A category first asked for after the second host started, as most loggers are (lazily).
            var marker = Guid.NewGuid().ToString("N");
            IMsLogger logger = first.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OneStop.LogIsolation");
            logger.LogWarning("Marker {Marker}", marker);

            Assert.Contains(first.Events, e => e.RenderMessage().Contains(marker, StringComparison.Ordinal));
            Assert.DoesNotContain(second.Events, e => e.RenderMessage().Contains(marker, StringComparison.Ordinal));
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }
}
