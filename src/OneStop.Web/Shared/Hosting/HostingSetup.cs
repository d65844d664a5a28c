using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Serilog;

namespace OneStop.Web.Shared.Hosting;

public static class HostingSetup
{
    public static WebApplicationBuilder AddOneStopHosting(this WebApplicationBuilder builder)
    {
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
