using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Identity.Demo;
using OneStop.Web.Identity.Officers;

namespace OneStop.IntegrationTests.Identity;

/// <summary>
/// The real host in demo mode (on either provider) with its demo accounts, the built-in identity
/// provider reachable by the sign-in handler's back channel, and rate limits out of the way.
/// Derive from it to sign in officers and citizens through the real forms and protocol.
/// </summary>
public class IdentityAppFactory : OneStopAppFactory
{
    private readonly Dictionary<string, long> _lastStep = [];
    private readonly Lock _steps = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Demo:Enabled", "true"),
        new("Identity:Citizen:Authority", "http://localhost/"),
        new("Identity:Provider:RedirectUris:0", "http://localhost/signin-citizen"),
        new("RateLimiting:SignIn:PermitLimit", "100000"),
        new("RateLimiting:Api:PermitLimit", "100000"),
        .. ExtraSettings,
    ];

    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        // The sign-in handler fetches discovery, keys and tokens from the in-memory server itself.
        services.Configure<OpenIdConnectOptions>("Citizen", options => options.BackchannelHttpHandler = Server.CreateHandler());
    }

    public HttpClient NewBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<string> AuthenticatorKeyAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Officer>>();
        var officer = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No officer {email}.");
        return await users.GetAuthenticatorKeyAsync(officer) ?? throw new InvalidOperationException($"{email} has no authenticator.");
    }

    /// <summary>
    /// The code an authenticator app shows for the account, for a time step not used before: the
    /// server accepts one step of drift, and never the same step twice.
    /// </summary>
    public string NextCode(string email, string key)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        long step;
        lock (_steps)
        {
            step = Math.Max(now, _lastStep.GetValueOrDefault(email) + 1);
            if (step > now + 1)
            {
                throw new InvalidOperationException($"{email} signed in more than twice within 30 seconds; the test needs another account.");
            }

            _lastStep[email] = step;
        }

        return Totp.Code(key, step);
    }

    /// <summary>Signs a demo officer in through the real forms: password, then authenticator code.</summary>
    public async Task<HttpClient> SignInOfficerAsync(string email, string password = DemoAccounts.OfficerPassword)
    {
        var browser = NewBrowser();
        var passwordStep = await PostFormAsync(browser, "/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, passwordStep.StatusCode);
        Assert.StartsWith("/account/two-factor", passwordStep.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var key = await AuthenticatorKeyAsync(email);
        var codeStep = await PostFormAsync(browser, "/account/two-factor", new() { ["Code"] = NextCode(email, key) });
        Assert.Equal(HttpStatusCode.Redirect, codeStep.StatusCode);
        return browser;
    }

    /// <summary>
    /// Signs a citizen in through OpenID Connect at the built-in provider, following every redirect
    /// as a browser would: challenge, the provider's sign-in form, the code, the token, the session.
    /// </summary>
    public async Task<HttpClient> SignInCitizenAsync(string personalIdNumber, string password = DemoAccounts.CitizenPassword)
    {
        var browser = NewBrowser();
        var (login, loginUri) = await FollowAsync(browser, await browser.GetAsync("/account/citizen-sign-in"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("/identity-provider/sign-in", loginUri.AbsolutePath);
        var html = await login.Content.ReadAsStringAsync();
        var posted = await browser.PostAsync(loginUri, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PersonalIdNumber"] = personalIdNumber,
            ["Password"] = password,
            ["ReturnUrl"] = WebUtility.HtmlDecode(HiddenValue(html, "ReturnUrl")),
            ["__RequestVerificationToken"] = HiddenValue(html, "__RequestVerificationToken"),
        }));
        var (landed, landedUri) = await FollowAsync(browser, posted);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/", landedUri.AbsolutePath);
        return browser;
    }

    /// <summary>Follows redirects with GETs, as a browser does; returns the last answer and its address.</summary>
    public static async Task<(HttpResponseMessage Response, Uri Address)> FollowAsync(HttpClient browser, HttpResponseMessage response)
    {
        var address = response.RequestMessage!.RequestUri!;
        for (var hops = 0; response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            Assert.True(hops < 10, "Too many redirects.");
            address = new Uri(address, response.Headers.Location!);
            response = await browser.GetAsync(address);
        }

        return (response, address);
    }

    /// <summary>GETs a form page, then posts the fields with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields, string? handler = null)
    {
        var page = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = HiddenValue(html, "__RequestVerificationToken");
        var target = handler is null ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        return await browser.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    public static string HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        if (!match.Success)
        {
            match = Regex.Match(html, $"<input[^>]*value=\"([^\"]*)\"[^>]*name=\"{Regex.Escape(name)}\"");
        }

        Assert.True(match.Success, $"The page has no hidden field {name}.");
        return match.Groups[1].Value;
    }
}
