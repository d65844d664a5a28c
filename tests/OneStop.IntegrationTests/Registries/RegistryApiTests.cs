using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Exchange;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Registries.Protocol;
using OneStop.Web.Registries.Synthetic;

namespace OneStop.IntegrationTests.Registries;

/// <summary>The registries' own HTTP API: only requests signed by the gateway get an answer.</summary>
public sealed class RegistryApiTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    private string Sign(RegistryRequest request, SigningKey? key = null) =>
        CompactJws.Sign(request.ToJson(), key ?? app.Services.GetRequiredService<GatewayKeyRing>().Key, RegistryRequest.MediaType);

    private static RegistryRequest Request(string service, string subject) => new(
        Guid.NewGuid(), service, subject, "onestop-officer", "officer:officer-01@11953", "application-verification", "118/2025/NĐ-CP",
        Demo.Application, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private async Task<HttpResponseMessage> GetAsync(string path, string? signedRequest)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        if (signedRequest is not null)
        {
            message.Headers.Add(RegistryRequest.Header, signedRequest);
        }

        return await app.CreateClient().SendAsync(message);
    }

    [Theory]
    [InlineData("/registries/population/people/" + DemoPeople.An)]
    [InlineData("/registries/population/people/" + DemoPeople.An + "/household")]
    [InlineData("/registries/enterprise/enterprises?representative=" + DemoPeople.An)]
    [InlineData("/registries/land/parcels?owner=" + DemoPeople.An)]
    [InlineData("/registries/civil-status/events?person=" + DemoPeople.An)]
    [InlineData("/registries/judicial-records/records/" + DemoPeople.Dung)]
    public async Task A_direct_unsigned_call_gets_401(string path)
    {
        var response = await GetAsync(path, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_signed_request_gets_an_answer_signed_by_the_registry()
    {
        var response = await GetAsync("/registries/population/people/" + DemoPeople.An, Sign(Request("population.person", DemoPeople.An)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        var signature = response.Headers.GetValues(RegistryEnvelope.SignatureHeader).Single();
        var keys = app.Services.GetRequiredService<RegistryKeyRing>();
        Assert.True(CompactJws.VerifyDetached(signature, body, RegistryEnvelope.SignatureType, keys.PublicKey).IsValid);
        body[^3] ^= 1;
        Assert.False(CompactJws.VerifyDetached(signature, body, RegistryEnvelope.SignatureType, keys.PublicKey).IsValid);
    }

    [Fact]
    public async Task A_tampered_request_is_refused()
    {
        var signed = Sign(Request("population.person", DemoPeople.An));
        var parts = signed.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))
            .Replace("application-verification", "application-prefill", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        var response = await GetAsync("/registries/population/people/" + DemoPeople.An, tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature does not match", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_signed_by_another_key_is_refused()
    {
        var response = await GetAsync("/registries/population/people/" + DemoPeople.An,
            Sign(Request("population.person", DemoPeople.An), SigningKey.Generate(GatewayKeyRing.KeyId)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_replayed_request_is_refused()
    {
        var signed = Sign(Request("population.person", DemoPeople.An));

        var first = await GetAsync("/registries/population/people/" + DemoPeople.An, signed);
        var again = await GetAsync("/registries/population/people/" + DemoPeople.An, signed);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("already answered", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stale_request_is_refused()
    {
        var stale = Request("population.person", DemoPeople.An) with { CreatedUnixMilliseconds = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds() };

        var response = await GetAsync("/registries/population/people/" + DemoPeople.An, Sign(stale));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_request_signed_for_another_person_is_refused()
    {
        var response = await GetAsync("/registries/population/people/" + DemoPeople.Binh, Sign(Request("population.person", DemoPeople.An)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/registries/population/people/12345", "population.person", "12345", "12 digits")]
    [InlineData("/registries/population/people/000085001234", "population.person", "000085001234", "province-of-registration")]
    [InlineData("/registries/population/people/033785001234", "population.person", "033785001234", "future")]
    [InlineData("/registries/enterprise/enterprises/0900000023", "enterprise.byTaxCode", "0900000023", "check digit")]
    [InlineData("/registries/enterprise/enterprises/0900000031-000", "enterprise.byTaxCode", "0900000031-000", "branch")]
    public async Task An_invalid_identifier_gets_a_clear_problem(string path, string service, string subject, string expected)
    {
        var response = await GetAsync(path, Sign(Request(service, subject)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }
}
