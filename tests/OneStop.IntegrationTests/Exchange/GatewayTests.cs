using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Web.Exchange.DataAccess;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Exchange.Prefill;
using OneStop.Web.Registries.Synthetic;

namespace OneStop.IntegrationTests.Exchange;

public sealed class GatewayTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    private IExchangeGateway Gateway => app.Services.GetRequiredService<IExchangeGateway>();

    [Fact]
    public async Task The_portal_gets_only_the_fields_it_is_granted()
    {
        var result = await Gateway.QueryAsync(Demo.PortalPrefill("population.person", DemoPeople.An));

        Assert.Equal(ExchangeOutcome.Delivered, result.Outcome);
        Assert.Equal("Nguyễn Văn An", (string?)result.Record!["fullName"]);
        Assert.Equal("11953", (string?)result.Record["permanentResidence"]!["communeCode"]);
        Assert.NotNull(result.Record["permanentResidence"]!["old"]);
        Assert.False(result.Record.ContainsKey("fatherId"), "the portal is not granted the parents");
        Assert.False(result.Record.ContainsKey("dateOfDeath"));
        Assert.NotNull(result.LogSequence);
    }

    [Fact]
    public async Task A_field_that_is_not_granted_is_refused()
    {
        var result = await Gateway.QueryAsync(Demo.PortalPrefill("population.person", DemoPeople.An, ["fullName", "fatherId"]));

        Assert.Equal(ExchangeOutcome.Refused, result.Outcome);
        Assert.Contains("fatherId", result.Reason);
        Assert.Null(result.Record);
    }

    [Fact]
    public async Task A_client_without_the_right_is_refused()
    {
        var judicial = await Gateway.QueryAsync(Demo.PortalPrefill("judicial.record", DemoPeople.Dung));
        var stranger = await Gateway.QueryAsync(Demo.PortalPrefill("population.person", DemoPeople.An) with { ClientSystem = "someone-else" });

        Assert.Equal(ExchangeOutcome.Refused, judicial.Outcome);
        Assert.Contains("no right", judicial.Reason);
        Assert.Equal(ExchangeOutcome.Refused, stranger.Outcome);
        Assert.Contains("not a member", stranger.Reason);
    }

    [Fact]
    public async Task A_purpose_the_right_does_not_cover_is_refused()
    {
        var wrongPurpose = await Gateway.QueryAsync(Demo.Officer("judicial.record", DemoPeople.Dung, purpose: "application-verification"));
        var rightPurpose = await Gateway.QueryAsync(Demo.Officer("judicial.record", DemoPeople.Dung, purpose: "criminal-record-certificate", legalBasis: "28/2009/QH12"));

        Assert.Equal(ExchangeOutcome.Refused, wrongPurpose.Outcome);
        Assert.Equal(ExchangeOutcome.Delivered, rightPurpose.Outcome);
        Assert.True((bool)rightPurpose.Record!["hasConvictions"]!);
    }

    [Fact]
    public async Task The_portal_reads_only_the_citizen_s_own_data()
    {
        var result = await Gateway.QueryAsync(Demo.PortalPrefill("population.person", DemoPeople.An) with { EndUser = EndUser.Citizen(DemoPeople.Binh) });

        Assert.Equal(ExchangeOutcome.Refused, result.Outcome);
    }

    [Theory]
    [InlineData("population.person", "03308500123", "application-verification", "118/2025/NĐ-CP", Demo.Application, "12 digits")]
    [InlineData("population.person", "099085001234", "application-verification", "118/2025/NĐ-CP", Demo.Application, "province-of-registration")]
    [InlineData("population.person", "033985001234", "application-verification", "118/2025/NĐ-CP", Demo.Application, "future")]
    [InlineData("enterprise.byTaxCode", "0900000015", "application-verification", "118/2025/NĐ-CP", Demo.Application, "check digit")]
    [InlineData("population.person", DemoPeople.An, "curiosity", "118/2025/NĐ-CP", Demo.Application, "Unknown purpose")]
    [InlineData("population.person", DemoPeople.An, "application-verification", "because", Demo.Application, "Unknown legal basis")]
    [InlineData("population.person", DemoPeople.An, "application-verification", "118/2025/NĐ-CP", "any text", "application code")]
    [InlineData("no.such", DemoPeople.An, "application-verification", "118/2025/NĐ-CP", Demo.Application, "Unknown service")]
    public async Task A_malformed_query_is_refused_before_anything_is_sent(string service, string subject, string purpose, string legalBasis, string application, string expected)
    {
        var result = await Gateway.QueryAsync(new ExchangeQuery("onestop-officer", service, subject, EndUser.Officer("officer-01", "11953"), purpose, legalBasis, application));

        Assert.Equal(ExchangeOutcome.Invalid, result.Outcome);
        Assert.Contains(expected, result.Reason);
        Assert.Null(result.LogSequence);
    }

    [Fact]
    public async Task Officers_read_every_registry_and_the_registries_agree()
    {
        var person = await Gateway.QueryAsync(Demo.Officer("population.person", DemoPeople.An));
        var household = await Gateway.QueryAsync(Demo.Officer("population.household", DemoPeople.An));
        var business = await Gateway.QueryAsync(Demo.Officer("enterprise.byRepresentative", DemoPeople.An));
        var land = await Gateway.QueryAsync(Demo.Officer("land.parcelsByOwner", DemoPeople.An));
        var civil = await Gateway.QueryAsync(Demo.Officer("civilStatus.events", DemoPeople.An));
        var mother = await Gateway.QueryAsync(Demo.Officer("civilStatus.events", DemoPeople.Lan));
        var hoa = await Gateway.QueryAsync(Demo.Officer("civilStatus.events", DemoPeople.Hoa));

        Assert.Equal(DemoPeople.Hung, (string?)person.Record!["fatherId"]);
        Assert.Equal(5, household.Record!["members"]!.AsArray().Count);
        var enterprise = business.Record!["enterprises"]!.AsArray().Single()!;
        Assert.Equal("household-business", (string?)enterprise["type"]);
        var byTaxCode = await Gateway.QueryAsync(Demo.Officer("enterprise.byTaxCode", (string)enterprise["taxCode"]!));
        Assert.Equal(DemoPeople.An, (string?)byTaxCode.Record!["legalRepresentativeId"]);
        var owners = land.Record!["parcels"]!.AsArray().Single()!["ownerIds"]!.AsArray().Select(o => (string)o!);
        Assert.Equal([DemoPeople.An, DemoPeople.Binh], owners.Order());
        Assert.Equal("married", (string?)civil.Record!["maritalStatus"]);
        Assert.Equal("widowed", (string?)mother.Record!["maritalStatus"]);
        Assert.Equal("divorced", (string?)hoa.Record!["maritalStatus"]);
    }

    [Fact]
    public async Task A_person_the_registry_does_not_hold_is_not_found()
    {
        var result = await Gateway.QueryAsync(Demo.Officer("population.person", "001099999999"));

        Assert.Equal(ExchangeOutcome.NotFound, result.Outcome);
        Assert.NotNull(result.LogSequence);
    }

    [Fact]
    public async Task Prefill_returns_each_value_with_its_source()
    {
        var prefill = app.Services.GetRequiredService<IPrefillService>();
        var result = await prefill.PrefillAsync(new PrefillRequest(DemoPeople.Hoa,
        [
            "population.fullName", "population.dateOfBirth", "population.permanentResidence.communeCode",
            "population.temporaryResidence.provinceCode", "enterprise.enterprises[0].taxCode", "enterprise.enterprises[5].name",
            "civilStatus.maritalStatus", "land.parcels[0].certificateNumber", "population.fatherId", "nonsense.field",
        ], "draft-" + Guid.NewGuid().ToString("N")));

        Assert.Equal("Phạm Thị Hoa", (string?)result["population.fullName"].Value);
        Assert.Equal("1992-04-18", (string?)result["population.dateOfBirth"].Value);
        Assert.Equal("11953", (string?)result["population.permanentResidence.communeCode"].Value);
        Assert.Equal("01", (string?)result["population.temporaryResidence.provinceCode"].Value);
        Assert.Equal(PrefillStatus.Available, result["enterprise.enterprises[0].taxCode"].Status);
        Assert.Equal("enterprise", result["enterprise.enterprises[0].taxCode"].Origin!.Registry);
        Assert.Equal(PrefillStatus.NotHeld, result["enterprise.enterprises[5].name"].Status);
        Assert.Equal("divorced", (string?)result["civilStatus.maritalStatus"].Value);
        Assert.Equal(PrefillStatus.NotHeld, result["land.parcels[0].certificateNumber"].Status);
        Assert.Equal(PrefillStatus.Unavailable, result["population.fatherId"].Status);
        Assert.Equal(PrefillStatus.Unavailable, result["nonsense.field"].Status);
    }

    [Fact]
    public async Task The_citizen_s_list_shows_every_exchange_of_their_data()
    {
        var gateway = Gateway;
        var made = new List<ExchangeResult>
        {
            await gateway.QueryAsync(Demo.Officer("population.person", DemoPeople.Chau)),
            await gateway.QueryAsync(Demo.Officer("population.household", DemoPeople.Binh)),
            await gateway.QueryAsync(Demo.Officer("civilStatus.events", DemoPeople.Chau)),
        };

        using var scope = app.Services.CreateScope();
        var records = await scope.ServiceProvider.GetRequiredService<DataAccessLog>().ForPersonAsync(DemoPeople.Chau, 500, CancellationToken.None);

        foreach (var result in made)
        {
            var record = Assert.Single(records, r => r.Sequence == result.LogSequence);
            Assert.Equal("onestop-officer", record.ClientSystem);
            Assert.Equal("11953", record.Unit);
            Assert.Equal("application-verification", record.Purpose);
            Assert.Equal("118/2025/NĐ-CP", record.LegalBasis);
            Assert.Equal(Demo.Application, record.ApplicationCode);
            Assert.NotEmpty(record.Fields);
        }

        // The household answer holds Châu's data too, though she was not the subject asked about.
        Assert.Contains(records, r => r.Service == "population.household");
    }

    [Theory]
    [InlineData("GET", "/api/me/data-access")]
    [InlineData("GET", "/api/exchange/log/verify")]
    [InlineData("POST", "/api/exchange/queries")]
    public async Task The_exchange_API_demands_a_signed_in_user(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { service = "population.person", subjectId = DemoPeople.An });
        }

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_access_log_page_sends_an_anonymous_visitor_to_sign_in()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/my-data/access-log");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
    }
}
