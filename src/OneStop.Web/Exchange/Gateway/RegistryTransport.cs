using System.Net.Http.Headers;
using OneStop.Web.Exchange.Catalog;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Web.Exchange.Gateway;

/// <summary>
/// Carries a signed request to a registry and its signed answer back. In process (the monolith, the tests)
/// it calls the registry's dispatcher directly; over HTTP it calls the registry's REST API. Both reach the
/// same dispatcher, which checks the same signature, so a registry can move out without the gateway changing.
/// </summary>
public interface IRegistryTransport
{
    Task<RegistryReply> SendAsync(ExchangeService service, string subject, string signedRequest, CancellationToken cancellationToken);
}

internal sealed class InProcessRegistryTransport(IServiceScopeFactory scopes) : IRegistryTransport
{
    public async Task<RegistryReply> SendAsync(ExchangeService service, string subject, string signedRequest, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<RegistryDispatcher>();
        return await dispatcher.HandleAsync(service.Name, subject, signedRequest, cancellationToken);
    }
}

internal sealed class HttpRegistryTransport(IHttpClientFactory clients, ExchangeOptions options) : IRegistryTransport
{
    public const string ClientName = "exchange-registries";

    public async Task<RegistryReply> SendAsync(ExchangeService service, string subject, string signedRequest, CancellationToken cancellationToken)
    {
        var endpoint = options.Registries[service.Registry];
        var baseAddress = new Uri(endpoint.BaseAddress ?? throw new InvalidOperationException($"Exchange:Registries:{service.Registry}:BaseAddress is not set."));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, service.RelativePath(Uri.EscapeDataString(subject))));
        request.Headers.TryAddWithoutValidation(RegistryRequest.Header, signedRequest);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var signature = response.Headers.TryGetValues(RegistryEnvelope.SignatureHeader, out var values) ? values.FirstOrDefault() : null;
        return new RegistryReply((int)response.StatusCode, body, signature, response.Content.Headers.ContentType?.MediaType ?? "");
    }
}

/// <summary>Picks the transport each registry is configured for (Exchange:Registries:{registry}:Transport).</summary>
internal sealed class RegistryTransports(ExchangeOptions options, InProcessRegistryTransport inProcess, HttpRegistryTransport http)
{
    public IRegistryTransport For(string registry) =>
        options.Registries.TryGetValue(registry, out var endpoint) && string.Equals(endpoint.Transport, "Http", StringComparison.OrdinalIgnoreCase)
            ? http
            : inProcess;
}
