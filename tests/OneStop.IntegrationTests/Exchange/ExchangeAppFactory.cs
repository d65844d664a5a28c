using OneStop.IntegrationTests.Infrastructure;

namespace OneStop.IntegrationTests.Exchange;

/// <summary>The real host with a small synthetic world (300 people) in demo mode on either provider.</summary>
public class ExchangeAppFactory : OneStopAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Demo:Enabled", "true"),
        new("Registries:People", "300"),
        new("Exchange:SealEvery", "4"),
        new("Exchange:TimeoutMilliseconds", "1500"),
        .. ExtraSettings,
    ];

    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];
}
