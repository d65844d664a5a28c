using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Serilog;

namespace OneStop.Web.Shared.Hosting;

public static class HostingSetup
{
    /// <summary>Where OneStop listens when nothing says otherwise: this machine only, for a first try.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddOneStopHosting(this WebApplicationBuilder builder)
    {
        // The default is set here, not in appsettings.json, where it would win over ASPNETCORE_URLS (the
        // host reads that variable before the settings file) and a container's port setting would be ignored.
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"])
            && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"])
            && string.IsNullOrWhiteSpace(builder.Configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        // The host keeps its logger to itself instead of installing it as the process-wide Log.Logger: where
        // several hosts share a process (the integration tests, the benchmarks), one host's events would
        // otherwise reach another's sinks, and the first host to stop would silence the others.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        LoggersByCategory.Wrap(builder.Services);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(DemoMode.From(builder.Configuration));
        builder.Services.AddSingleton<OneStopMetrics>();

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("OneStop"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OneStopMetrics.MeterName)
                .AddPrometheusExporter());

        // Off where a program embeds the host for its own output (the benchmarks): Hosting:StartupBanner=false.
        if (builder.Configuration.GetValue("Hosting:StartupBanner", true))
        {
            builder.Services.AddHostedService<StartupBanner>();
        }

        builder.Services.AddSingleton<ICommand, MigrateCommand>();
        return builder;
    }
}

/// <summary>The application's own meter; capabilities add their instruments here.</summary>
public sealed class OneStopMetrics : IDisposable
{
    public const string MeterName = "OneStop";

    public OneStopMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
    }

    public Meter Meter { get; }

    public void Dispose() => Meter.Dispose();
}
