using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OneStop.Web.Shared.Web;

/// <summary>The <c>ReverseProxy</c> section: which proxies in front of OneStop may say who the client is.</summary>
public sealed class ReverseProxySettings
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (besides loopback).</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of such proxies in CIDR notation, e.g. <c>10.20.0.0/16</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a row may be in front (entries of X-Forwarded-For taken from the right).</summary>
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>
/// Behind the province's reverse proxy every request comes from the proxy: without its forwarded headers
/// every citizen would share one rate limit and every request would look like plain HTTP (cookies not
/// marked Secure, no HSTS). The headers are believed only from loopback and the configured proxies, so
/// that a client cannot claim another address by sending them itself.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddOneStopReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = new ReverseProxySettings();
        configuration.GetSection(ReverseProxySettings.Section).Bind(settings);
        var proxies = settings.KnownProxies.Select(text => IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"ReverseProxy:KnownProxies has '{text}', which is not an IP address (e.g. 10.20.0.5).")).ToList();
        var networks = settings.KnownNetworks.Select(text => System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"ReverseProxy:KnownNetworks has '{text}', which is not a network in CIDR notation (e.g. 10.20.0.0/16).")).ToList();

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = Math.Max(1, settings.ForwardLimit);
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }
}
