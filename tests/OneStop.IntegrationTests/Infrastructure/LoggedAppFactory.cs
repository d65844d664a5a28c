using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace OneStop.IntegrationTests.Infrastructure;

/// <summary>The real host, with every log event it writes kept for the test to read.</summary>
public sealed class LoggedAppFactory : OneStopAppFactory, ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    /// <summary>The events at Error or above, each with its source and exception, as a failed assertion should show them.</summary>
    public List<string> Errors() =>
    [
        .. Events.Where(e => e.Level >= LogEventLevel.Error)
            .Select(e => $"{(e.Properties.TryGetValue("SourceContext", out var source) ? source : "")}: {e.RenderMessage()} {e.Exception}"),
    ];

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(this);
}
