using Indicators.TestSupport;

namespace Indicators.Web.Tests;

public class SecurityHeaderTests
{
    [Fact]
    public async Task Pages_carry_a_content_security_policy_whose_nonce_matches_the_import_map()
    {
        await using var app = new TestWebApp(await TestPostgres.CreateMigratedDatabaseAsync());
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/logga-in", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Each_response_gets_its_own_nonce()
    {
        await using var app = new TestWebApp(await TestPostgres.CreateMigratedDatabaseAsync());
        using var client = app.CreateClient();

        var first = (await client.GetAsync(new Uri("/logga-in", UriKind.Relative))).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync(new Uri("/logga-in", UriKind.Relative))).Headers.GetValues("Content-Security-Policy").Single();

        Assert.NotEqual(first, second);
    }
}
