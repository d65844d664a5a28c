using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OneStop.Web.Shared.Hosting;

namespace OneStop.Tests.Shared;

public sealed class LoggersByCategoryTests
{
    [Fact]
    public void Each_category_is_made_once_and_handed_out_again()
    {
        var made = new CountingFactory();
        using var loggers = new LoggersByCategory(made);

        var first = loggers.CreateLogger("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler");
        var again = loggers.CreateLogger("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler");
        var other = loggers.CreateLogger("OneStop.Web.Applications");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler", "OneStop.Web.Applications"], made.Asked);
    }

    [Fact]
    public void Providers_and_disposal_reach_the_factory_underneath()
    {
        var made = new CountingFactory();
        var loggers = new LoggersByCategory(made);

        loggers.AddProvider(NullLoggerProvider.Instance);
        loggers.Dispose();

        Assert.Equal([NullLoggerProvider.Instance], made.Providers);
        Assert.True(made.Disposed);
    }

    private sealed class CountingFactory : ILoggerFactory
    {
        public List<string> Asked { get; } = [];

        public List<ILoggerProvider> Providers { get; } = [];

        public bool Disposed { get; private set; }

        public ILogger CreateLogger(string categoryName)
        {
            Asked.Add(categoryName);
            return new NamedLogger();
        }

        public void AddProvider(ILoggerProvider provider) => Providers.Add(provider);

        public void Dispose() => Disposed = true;

        private sealed class NamedLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }
}
