using System.Collections.Concurrent;

namespace OneStop.Web.Shared.Hosting;

/// <summary>
/// Keeps one logger per category over Serilog's logger factory, as Microsoft's own factory does. Serilog's builds
/// a new logger, with caches of its own, each time one is asked for, and ASP.NET Core makes its authentication
/// handlers afresh for every request, each asking for its logger: about a tenth of what a request allocated.
/// </summary>
public sealed class LoggersByCategory(ILoggerFactory serilog) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.TryGetValue(categoryName, out var kept) ? kept : _loggers.GetOrAdd(categoryName, serilog.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => serilog.AddProvider(provider);

    public void Dispose() => serilog.Dispose();

    /// <summary>Puts itself around the logger factory that <c>AddSerilog</c> registered.</summary>
    internal static void Wrap(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory));
        if (registered?.ImplementationFactory is not { } serilogFactory || registered.Lifetime != ServiceLifetime.Singleton)
        {
            throw new InvalidOperationException("Expected AddSerilog to register ILoggerFactory as a singleton made by a factory.");
        }

        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new LoggersByCategory((ILoggerFactory)serilogFactory(provider)));
    }
}
