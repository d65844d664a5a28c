using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Shared.Hosting;
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

    [Fact]
    public async Task The_host_hands_out_one_logger_per_category_and_its_events_keep_their_source()
    {
        await using var app = new LoggedAppFactory();
        using var client = app.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        var factory = app.Services.GetRequiredService<ILoggerFactory>();
        Assert.IsType<LoggersByCategory>(factory);
        var logger = factory.CreateLogger("OneStop.LoggerPerCategory");
        Assert.Same(logger, factory.CreateLogger("OneStop.LoggerPerCategory"));

        var marker = Guid.NewGuid().ToString("N");
        logger.LogWarning("Marker {Marker}", marker);
        var written = Assert.Single(app.Events, e => e.RenderMessage().Contains(marker, StringComparison.Ordinal));
        Assert.Equal("\"OneStop.LoggerPerCategory\"", written.Properties["SourceContext"].ToString());
    }
}
