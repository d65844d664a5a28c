using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;

namespace OneStop.IntegrationTests.Shared;

/// <summary>Forwarded headers are believed from the configured proxy only.</summary>
public sealed class ReverseProxyTests(ReverseProxyTests.ProxiedAppFactory app) : IClassFixture<ReverseProxyTests.ProxiedAppFactory>
{
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "198.51.100.9";

    [Fact]
    public async Task Behind_the_known_proxy_each_citizen_has_a_rate_limit_of_their_own()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(client, Proxy, "203.0.113.7")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LookUpAsync(client, Proxy, "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(client, Proxy, "203.0.113.8")).StatusCode);
    }

    [Fact]
    public async Task A_client_that_is_not_the_proxy_cannot_claim_another_address()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(client, Stranger, "192.0.2.1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(client, Stranger, "192.0.2.2")).StatusCode);

        // Its forwarded addresses are ignored: the three requests count against its own address.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LookUpAsync(client, Stranger, "192.0.2.3")).StatusCode);
    }

    [Fact]
    public async Task Over_HTTPS_at_the_proxy_cookies_are_marked_Secure_and_a_stranger_cannot_pretend_so()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Contains("secure", await LanguageCookieAsync(client, Proxy), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await LanguageCookieAsync(client, Stranger), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_proxy_that_is_not_an_address_stops_the_start_naming_it()
    {
        await using var misconfigured = new MisconfiguredAppFactory();
        var error = Record.Exception(() => misconfigured.Services);
        Assert.NotNull(error);
        Assert.Contains("ReverseProxy:KnownNetworks has '10.0.0.0/33'", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> LookUpAsync(HttpClient client, string peer, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/applications/00004-261206-9999?idNumber=001099000001");
        request.Headers.Add(ProxiedAppFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    private static async Task<string> LanguageCookieAsync(HttpClient client, string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/language/en?returnUrl=/");
        request.Headers.Add(ProxiedAppFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.20");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("onestop.lang=", StringComparison.Ordinal));
    }

    private sealed class MisconfiguredAppFactory : OneStopAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("ReverseProxy:KnownNetworks:0", "10.0.0.0/33")];
    }

    /// <summary>The host with one known proxy, a small look-up limit, and the TCP peer's address taken from a test header.</summary>
    public sealed class ProxiedAppFactory : OneStopAppFactory
    {
        public const string PeerHeader = "X-Test-Peer";

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("ReverseProxy:KnownProxies:0", Proxy),
            new("RateLimiting:PublicLookup:PermitLimit", "2"),
        ];

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter, PeerAddress>();

        // The in-memory test server has no TCP peer; this stands in for the address the socket would show.
        private sealed class PeerAddress : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((HttpContext context, Func<Task> nextMiddleware) =>
                {
                    if (IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer))
                    {
                        context.Connection.RemoteIpAddress = peer;
                    }

                    return nextMiddleware();
                });
                next(app);
            };
        }
    }
}
