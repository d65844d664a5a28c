using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Registries.Synthetic;

namespace OneStop.IntegrationTests.Exchange;

/// <summary>Queries the tests send, on behalf of the documented demo people.</summary>
internal static class Demo
{
    public const string Application = "11953-260115-0001";

    public static ExchangeQuery PortalPrefill(string service, string pid, IReadOnlyList<string>? fields = null) =>
        new("onestop-portal", service, pid, EndUser.Citizen(pid), "application-prefill", "118/2025/NĐ-CP", Application, fields);

    public static ExchangeQuery Officer(string service, string subject, string purpose = "application-verification", string legalBasis = "118/2025/NĐ-CP") =>
        new("onestop-officer", service, subject, EndUser.Officer("officer-01", DemoPeople.Commune), purpose, legalBasis, Application);
}
