using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.IntegrationTests.Applications;
using OneStop.IntegrationTests.Identity;
using OneStop.Web.Applications.Model;
using OneStop.Web.Signing;
using OneStop.Web.Signing.Issued;
using static OneStop.IntegrationTests.Workspace.WorkspaceAppFactory;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>The host with a signer that always fails, as when the leader's token is unplugged.</summary>
public sealed class FailingSignerAppFactory : WorkspaceAppFactory
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.RemoveAll<IOfficialSigner>();
        services.AddScoped<IOfficialSigner, UnpluggedToken>();
    }

    private sealed class UnpluggedToken : IOfficialSigner
    {
        public Task<SignedPdf> SignAsync(byte[] pdf, OfficialDescriptor official, SignatureDetails? details = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The signing token is not present.");
    }
}

/// <summary>An approval whose result cannot be signed changes nothing: no step, no document.</summary>
public sealed class SigningFailureTests(FailingSignerAppFactory app) : IClassFixture<FailingSignerAppFactory>
{
    [Fact]
    public async Task When_the_result_cannot_be_signed_the_application_stays_awaiting_approval()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh);
        await ActAsync(await app.OfficerAsync(Officers.BaDinhReceptionist), application.Code, "receive");
        await ActAsync(await app.OfficerAsync(Officers.BaDinhSpecialist), application.Code, "assess");
        var before = await app.ApplicationAsync(application.Code);

        var response = await PostActionAsync(await app.OfficerAsync(Officers.BaDinhLeader), application.Code, "approve");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var after = await app.ApplicationAsync(application.Code);
        Assert.Equal("awaiting-approval", after.State);
        Assert.Equal(ApplicationStatus.Processing, after.Status);
        Assert.Equal(before.Revision, after.Revision);
        Assert.DoesNotContain(await app.EventsAsync(application.Code), e => e.Action == "approve");
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<IResultDocuments>().ListAsync(application.Code));
    }

    [Fact]
    public async Task The_page_tells_the_leader_what_to_do_in_the_leaders_language_and_the_api_keeps_the_signers_reason()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033090005680", "Phan Văn Đức");
        await ActAsync(await app.OfficerAsync(Officers.BaDinhReceptionist), application.Code, "receive");
        await ActAsync(await app.OfficerAsync(Officers.BaDinhSpecialist), application.Code, "assess");
        var leader = await app.OfficerAsync(Officers.BaDinhLeader);
        var revision = (await app.ApplicationAsync(application.Code)).Revision;

        var page = await IdentityAppFactory.PostFormAsync(leader, $"/workspace/applications/{application.Code}?culture=en&ui-culture=en", new()
        {
            ["ActionKey"] = "approve",
            ["RequestKey"] = "form:" + Guid.NewGuid().ToString("N"),
            ["Revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.BadGateway, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("The result could not be signed, so the application was not approved. Check your digital certificate and try again.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The signing token is not present.", html, StringComparison.Ordinal);

        var api = await PostActionAsync(leader, application.Code, "approve");
        Assert.Equal(HttpStatusCode.BadGateway, api.StatusCode);
        Assert.Contains("The signing token is not present.", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
