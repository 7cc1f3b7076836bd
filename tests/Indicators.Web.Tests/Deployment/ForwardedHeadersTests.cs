using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Indicators.TestSupport;
using Indicators.Web.Security;
using Npgsql;

namespace Indicators.Web.Tests.Deployment;

/// <summary>
/// Behind a TLS proxy: the client's address and scheme come from X-Forwarded-For/-Proto, but only from a proxy the
/// configuration names. Then the audit log has the client's address, cookies are Secure and HSTS is sent.
/// Real Kestrel on loopback, so the app sees 127.0.0.1 as the connection's address (the "proxy").
/// </summary>
public partial class ForwardedHeadersTests
{
    /// <summary>A documentation address (RFC 5737): only ever a header value, nothing is sent there.</summary>
    const string ClientAddress = "203.0.113.7";

    sealed record Outcome(string? AuditedAddress, string AuthCookie, string AntiforgeryCookie, bool Hsts);

    /// <summary>Signs in through the sign-in form with the headers a TLS proxy adds, from 127.0.0.1.</summary>
    static async Task<Outcome> SignInThroughProxyAsync(string knownProxy)
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestUsers.CreateAsync(connectionString, "person", Roles.Management);
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = knownProxy })
        {
            EnvironmentName = "Production",
        };
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(app.StartKestrel()) };
        // HSTS is never sent for localhost or a loopback address: the proxy forwards the public host name.
        client.DefaultRequestHeaders.Host = "indicators.example";
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ClientAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var page = await client.GetAsync(new Uri("/logga-in", UriKind.Relative));
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["anvandarnamn"] = "person",
            ["losenord"] = TestUsers.Password,
            ["returnUrl"] = "/",
        });
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/konto/logga-in", UriKind.Relative)) { Content = form };
        post.Headers.Add("Cookie", antiforgeryCookie.Split(';')[0]);
        using var signIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("indicators.auth=", StringComparison.Ordinal));

        await using var connection = new NpgsqlConnection(connectionString);
        var audited = await connection.QuerySingleAsync<string?>("select remote_ip from audit_log where action = 'sign-in'");
        return new Outcome(audited, authCookie, antiforgeryCookie, page.Headers.Contains("Strict-Transport-Security"));
    }

    static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task From_a_configured_proxy_the_client_address_is_audited_cookies_are_secure_and_HSTS_is_sent()
    {
        var outcome = await SignInThroughProxyAsync(knownProxy: "127.0.0.1");

        Assert.Equal(ClientAddress, outcome.AuditedAddress);
        Assert.True(IsSecure(outcome.AuthCookie), outcome.AuthCookie);
        Assert.True(IsSecure(outcome.AntiforgeryCookie), outcome.AntiforgeryCookie);
        Assert.True(outcome.Hsts);
    }

    [Fact]
    public async Task From_an_address_that_is_not_a_configured_proxy_the_headers_are_ignored()
    {
        // Another documentation address is the configured proxy; the request comes from 127.0.0.1.
        var outcome = await SignInThroughProxyAsync(knownProxy: "192.0.2.10");

        Assert.Equal("127.0.0.1", outcome.AuditedAddress);
        Assert.False(IsSecure(outcome.AuthCookie), outcome.AuthCookie);
        Assert.False(IsSecure(outcome.AntiforgeryCookie), outcome.AntiforgeryCookie);
        Assert.False(outcome.Hsts);
    }

    [GeneratedRegex("type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
