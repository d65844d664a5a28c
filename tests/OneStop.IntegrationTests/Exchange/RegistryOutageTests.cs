using Microsoft.Extensions.DependencyInjection;
using OneStop.Web.Exchange.DataAccess;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Exchange.Prefill;
using OneStop.Web.Registries.Protocol;
using OneStop.Web.Registries.Synthetic;

namespace OneStop.IntegrationTests.Exchange;

/// <summary>
/// The population registry reached over HTTP (the host's own API), the land registry at an address where
/// nothing listens, the civil status registry slower than the gateway's time-out.
/// </summary>
public sealed class SplitRegistriesFactory : ExchangeAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Exchange:Registries:population:Transport", "Http"),
        new("Exchange:Registries:population:BaseAddress", "http://localhost/"),
        new("Exchange:Registries:land:Transport", "Http"),
        new("Exchange:Registries:land:BaseAddress", "http://127.0.0.1:9/"),
    ];

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        // Requests to "localhost" go to this very host, in memory, through the whole HTTP pipeline.
        services.AddHttpClient(HttpRegistryTransport.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new ToThisHost(this));

        var civilStatus = services.Single(d => d.ServiceType == typeof(IRegistryService) && d.ImplementationType?.Name == "CivilStatusEventsService");
        services.Remove(civilStatus);
        services.AddScoped<IRegistryService, SlowCivilStatus>();
    }

    private sealed class ToThisHost(SplitRegistriesFactory factory) : DelegatingHandler
    {
        private static readonly HttpMessageInvoker Network = new(new SocketsHttpHandler());

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.Host != "localhost")
            {
                return Network.SendAsync(request, cancellationToken);
            }

            InnerHandler ??= factory.Server.CreateHandler();
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class SlowCivilStatus : IRegistryService
    {
        public string Registry => "civilStatus";

        public string Name => "civilStatus.events";

        public string? ValidateSubject(string subject) => null;

        public async Task<RegistryRecord?> FindAsync(string subject, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return null;
        }
    }
}

public sealed class RegistryOutageTests(SplitRegistriesFactory app) : IClassFixture<SplitRegistriesFactory>
{
    [Fact]
    public async Task Prefill_marks_what_a_down_or_slow_registry_could_not_give_as_unavailable()
    {
        var prefill = app.Services.GetRequiredService<IPrefillService>();

        var result = await prefill.PrefillAsync(new PrefillRequest(DemoPeople.An,
            ["population.fullName", "land.parcels[0].certificateNumber", "civilStatus.maritalStatus"], Demo.Application));

        var name = result["population.fullName"];
        Assert.Equal(PrefillStatus.Available, name.Status);
        Assert.Equal("Nguyễn Văn An", (string?)name.Value);
        var land = result["land.parcels[0].certificateNumber"];
        Assert.Equal(PrefillStatus.Unavailable, land.Status);
        Assert.Contains("cannot be reached", land.Reason);
        var civil = result["civilStatus.maritalStatus"];
        Assert.Equal(PrefillStatus.Unavailable, civil.Status);
        Assert.Contains("did not answer within", civil.Reason);
    }

    [Fact]
    public async Task Failed_exchanges_are_logged_and_shown_to_the_citizen()
    {
        var gateway = app.Services.GetRequiredService<IExchangeGateway>();
        var result = await gateway.QueryAsync(Demo.Officer("land.parcelsByOwner", DemoPeople.Binh));

        Assert.Equal(ExchangeOutcome.Unavailable, result.Outcome);
        using var scope = app.Services.CreateScope();
        var records = await scope.ServiceProvider.GetRequiredService<DataAccessLog>().ForPersonAsync(DemoPeople.Binh, 100, CancellationToken.None);
        Assert.Contains(records, r => r.Sequence == result.LogSequence && r.Outcome == "unavailable");
    }
}
