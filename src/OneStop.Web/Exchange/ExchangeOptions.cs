namespace OneStop.Web.Exchange;

/// <summary>The <c>Exchange</c> section of the configuration: member systems, access rights, transports, log.</summary>
public sealed class ExchangeOptions
{
    public const string Section = "Exchange";

    /// <summary>Client systems allowed to use the gateway, by id (e.g. <c>onestop-portal</c>).</summary>
    public Dictionary<string, MemberSystem> Members { get; set; } = [];

    /// <summary>Who may ask which service, for which purposes, and which fields they get.</summary>
    public List<AccessRight> Rights { get; set; } = [];

    /// <summary>Per service: <c>full</c> keeps request and response bodies in the log, <c>metadata</c> (the default) only their digests.</summary>
    public Dictionary<string, string> Logging { get; set; } = [];

    /// <summary>How to reach each registry (population, enterprise, land, civilStatus, judicial).</summary>
    public Dictionary<string, RegistryEndpoint> Registries { get; set; } = [];

    /// <summary>PEM file of the gateway's private key (production). Unset: a demo key kept in the database.</summary>
    public string? GatewayKeyPath { get; set; }

    /// <summary>A registry that has not answered after this long is unavailable for that request.</summary>
    public int TimeoutMilliseconds { get; set; } = 3000;

    /// <summary>A seal is written after this many log entries…</summary>
    public int SealEvery { get; set; } = 100;

    /// <summary>…or when an entry has waited this long without a seal.</summary>
    public int SealIntervalSeconds { get; set; } = 300;

    public static ExchangeOptions From(IConfiguration configuration)
    {
        var options = new ExchangeOptions();
        configuration.GetSection(Section).Bind(options);
        if (options.Members.Count == 0)
        {
            options.Members = ExchangeDefaults.Members();
        }

        if (options.Rights.Count == 0)
        {
            options.Rights = ExchangeDefaults.Rights();
        }

        return options;
    }

    public bool LogsFullBodies(string service) =>
        Logging.TryGetValue(service, out var mode) && string.Equals(mode, "full", StringComparison.OrdinalIgnoreCase);
}

public sealed class MemberSystem
{
    public string Name { get; set; } = "";
}

public sealed class AccessRight
{
    public string Client { get; set; } = "";

    public string Service { get; set; } = "";

    public List<string> Purposes { get; set; } = [];

    public List<string> Fields { get; set; } = [];

    /// <summary>The subject must be the end user (a citizen's own data only).</summary>
    public bool OwnDataOnly { get; set; }
}

public sealed class RegistryEndpoint
{
    /// <summary><c>InProcess</c> (default, the monolith) or <c>Http</c>.</summary>
    public string Transport { get; set; } = "InProcess";

    /// <summary>Where the registry listens when <see cref="Transport"/> is Http, e.g. <c>https://registries.example/</c>.</summary>
    public string? BaseAddress { get; set; }

    /// <summary>PEM file of the registry's public key, when the registry runs apart.</summary>
    public string? PublicKeyPath { get; set; }
}

/// <summary>The member systems and rights of a OneStop installation when the configuration names none.</summary>
public static class ExchangeDefaults
{
    public const string Portal = "onestop-portal";
    public const string OfficerWorkspace = "onestop-officer";

    public static Dictionary<string, MemberSystem> Members() => new()
    {
        [Portal] = new MemberSystem { Name = "Cổng dịch vụ công của tỉnh" },
        [OfficerWorkspace] = new MemberSystem { Name = "Hệ thống giải quyết thủ tục hành chính của tỉnh" },
    };

    public static List<AccessRight> Rights() =>
    [
        // The citizen portal prefills a citizen's own form with the citizen's own data, nothing more.
        Right(Portal, "population.person", ["application-prefill"], ["personalIdNumber", "fullName", "dateOfBirth", "sex", "ethnicity", "permanentResidence", "temporaryResidence", "householdId"], ownDataOnly: true),
        Right(Portal, "population.household", ["application-prefill"], ["householdId", "headId", "address", "members"], ownDataOnly: true),
        Right(Portal, "enterprise.byRepresentative", ["application-prefill"], ["representativeId", "enterprises"], ownDataOnly: true),
        Right(Portal, "land.parcelsByOwner", ["application-prefill"], ["ownerId", "parcels"], ownDataOnly: true),
        Right(Portal, "civilStatus.events", ["application-prefill"], ["personalIdNumber", "maritalStatus"], ownDataOnly: true),

        // Officers verify the application in front of them; criminal records only for that certificate.
        Right(OfficerWorkspace, "population.person", ["application-verification"], Catalog.ExchangeCatalog.Service("population.person")!.Fields),
        Right(OfficerWorkspace, "population.household", ["application-verification"], Catalog.ExchangeCatalog.Service("population.household")!.Fields),
        Right(OfficerWorkspace, "enterprise.byTaxCode", ["application-verification"], Catalog.ExchangeCatalog.Service("enterprise.byTaxCode")!.Fields),
        Right(OfficerWorkspace, "enterprise.byRepresentative", ["application-verification"], Catalog.ExchangeCatalog.Service("enterprise.byRepresentative")!.Fields),
        Right(OfficerWorkspace, "land.parcelsByOwner", ["application-verification"], Catalog.ExchangeCatalog.Service("land.parcelsByOwner")!.Fields),
        Right(OfficerWorkspace, "civilStatus.events", ["application-verification"], Catalog.ExchangeCatalog.Service("civilStatus.events")!.Fields),
        Right(OfficerWorkspace, "judicial.record", ["criminal-record-certificate"], Catalog.ExchangeCatalog.Service("judicial.record")!.Fields),
    ];

    private static AccessRight Right(string client, string service, List<string> purposes, IEnumerable<string> fields, bool ownDataOnly = false) =>
        new() { Client = client, Service = service, Purposes = purposes, Fields = [.. fields], OwnDataOnly = ownDataOnly };
}
