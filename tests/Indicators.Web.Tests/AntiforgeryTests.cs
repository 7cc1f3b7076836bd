using System.Net;
using System.Text.RegularExpressions;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Indicators.Web.Tests;

/// <summary>
/// Every endpoint that takes a POST refuses one without an antiforgery token, as a signed-in administrator (who may use
/// them all) would send it from another site. The endpoints come from the app's own routing, so a new one is covered
/// without being listed here.
/// </summary>
public partial class AntiforgeryTests
{
    /// <summary>A concrete address for a route pattern: every parameter becomes 1, a catch-all a path below it.</summary>
    static string Concrete(string pattern) => Parameter().Replace(pattern, m => m.Value switch
    {
        var p when p.StartsWith("{**", StringComparison.Ordinal) && p.EndsWith(":file}", StringComparison.Ordinal) => "x.txt",
        var p when p.StartsWith("{**", StringComparison.Ordinal) => "recurring/trigger",
        _ => "1",
    });

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [Fact]
    public async Task Every_endpoint_that_takes_a_post_refuses_one_without_the_antiforgery_token()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "adam", "Administrator");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal("/", (await TestUsers.SignInAsync(client, "adam")).Headers.Location?.OriginalString);

        var posts = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("POST"))
            .Select(e => e.RoutePattern.RawText!)
            .Where(p => !p.StartsWith("/_", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/konto/logga-ut", posts);
        Assert.Contains("/konto/logga-in", posts);

        var answers = new List<string>();
        foreach (var pattern in posts)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x", ["falt"] = "värde" });
            var response = await client.PostAsync(new Uri(Concrete(pattern), UriKind.Relative), content);
            answers.Add($"{pattern} → {(int)response.StatusCode}");
        }

        // Hangfire's dashboard checks the token itself and answers 403; the administrator may open it, so that 403 is the
        // missing token, not a missing right.
        Assert.Contains("/hangfire/{**path} → 403", answers);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/hangfire/recurring", UriKind.Relative))).StatusCode);
        Assert.All(answers.Where(a => !a.StartsWith("/hangfire/", StringComparison.Ordinal)),
            a => Assert.EndsWith("→ 400", a, StringComparison.Ordinal));
        // The token-less sign-out did nothing: the session still answers.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }
}
