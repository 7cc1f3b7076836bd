using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Indicators.Data.Demo;
using Indicators.TestSupport;
using Indicators.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Web.Tests;

/// <summary>
/// Every query parameter of every page and endpoint, found by reflection over the endpoints the app maps (a page's
/// [SupplyParameterFromQuery] properties, an endpoint's query-bound parameters), gets each hostile value, as an
/// administrator and anonymously. An invalid value is ignored or answered with a Swedish 400 page, never a 5xx; a new
/// page or parameter is covered without being listed here.
/// </summary>
public partial class HostileQueryStringTests
{
    /// <summary>Query values as they go on the wire (already percent-encoded where needed).</summary>
    static readonly string[] HostileValues =
    [
        "abc", "1.5", "1e3", "-1", "0", "2147483648", "99999999999999999999999999", "", "%20", "%",
        "%00", "a%00b", "a%09b", "a%7Fb", "%0D%0ALocation:%20https://evil.example", "a%0Ab",
        "%F0%9F%98%80%C3%A5%C3%A4%C3%B6", "%FF%FE", "%ED%A0%80", "%3Cb%3Ex%3C/b%3E", "'%20or%201=1%20--",
        "//evil.example", "/%5Cevil.example", "../../etc/passwd", new string('x', 4000),
    ];

    /// <summary>Third-party endpoints that parse their own query strings, and the static-file fallback.</summary>
    static bool IsOutOfScope(string pattern) =>
        pattern.StartsWith("/hangfire", StringComparison.Ordinal) || pattern.StartsWith("/_", StringComparison.Ordinal)
        || pattern.Contains("{**", StringComparison.Ordinal);

    /// <summary>Every (route pattern, HTTP method, query parameter name) the app has.</summary>
    static List<(string Pattern, string Method, string Parameter)> QueryParameters(IServiceProvider services)
    {
        var found = new List<(string, string, string)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (IsOutOfScope(pattern))
            {
                continue;
            }

            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { HttpMethods: [var first, ..] } ? first : "GET";
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { } page)
            {
                foreach (var property in page.Type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
                {
                    if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } query)
                    {
                        found.Add((pattern, method, query.Name ?? property.Name));
                    }
                }
            }
            else if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
            {
                var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var parameter in handler.GetParameters())
                {
                    if (QueryName(parameter, routeNames) is { } name)
                    {
                        found.Add((pattern, method, name));
                    }
                }
            }
            else if (pattern.StartsWith("/health/", StringComparison.Ordinal))
            {
                // Health checks read no query string; liveness still gets every hostile value under a name of its own.
                // Readiness answers 503 here by design (no Hangfire server in this host): HealthEndpointTests covers it.
                if (pattern == "/health/live")
                {
                    found.Add((pattern, method, "x"));
                }
            }
            else if (!pattern.Contains('.', StringComparison.Ordinal))
            {
                Assert.Fail($"{endpoint.DisplayName} ({pattern}): neither a page nor a handler whose parameters this test can read.");
            }
        }

        return found;
    }

    /// <summary>A handler parameter bound from the query: [FromQuery], or a simple value that is not in the route, a form or a service.</summary>
    static string? QueryName(ParameterInfo parameter, HashSet<string> routeNames)
    {
        if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } query)
        {
            return query.Name ?? parameter.Name;
        }

        var bound = parameter.GetCustomAttributes().Any(a => a is FromFormAttribute or FromRouteAttribute or FromServicesAttribute or FromBodyAttribute or FromHeaderAttribute);
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var simple = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(Guid);
        return !bound && simple && !routeNames.Contains(parameter.Name!) ? parameter.Name : null;
    }

    /// <summary>A route pattern made an address: every route parameter 1 (the demo plan has a row with id 1 of each).</summary>
    static string Concrete(string pattern) => RouteParameter().Replace(pattern, "1");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task Every_query_parameter_of_every_page_and_endpoint_answers_hostile_values_without_a_server_error()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        }

        await TestUsers.CreateAsync(connectionString, "ada", Roles.Administrator);
        await using var app = new TestWebApp(connectionString);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        using var administrator = app.CreateClient(options);
        Assert.Equal(HttpStatusCode.Redirect, (await TestUsers.SignInAsync(administrator, "ada")).StatusCode);
        using var anonymous = app.CreateClient(options);

        var parameters = QueryParameters(app.Services);
        // The pages the issue found answering 500 are among them, so the discovery itself cannot quietly miss them.
        Assert.Contains(("/indikator/{Id:int}", "GET", "plan"), parameters);
        Assert.Contains(("/planer/{PlanId:int}", "GET", "version"), parameters);
        Assert.Contains(("/admin/granskningslogg", "GET", "text"), parameters);
        Assert.Contains(("/konto/logga-in-extern", "GET", "returnUrl"), parameters);

        var requests = parameters
            .SelectMany(p => HostileValues.Select(v => (p.Method, Address: $"{Concrete(p.Pattern)}?{p.Parameter}={v}"))
                .Append((p.Method, Address: $"{Concrete(p.Pattern)}?{p.Parameter}=1&{p.Parameter}=abc&{p.Parameter}=%00")))
            .SelectMany(r => new[] { (r.Method, r.Address, Who: "administratör", Client: administrator), (r.Method, r.Address, Who: "anonym", Client: anonymous) })
            .ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, cancellationToken) =>
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Address, UriKind.Relative));
            using var response = await request.Client.SendAsync(message, cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {request.Method} {request.Address[..Math.Min(request.Address.Length, 120)]} ({request.Who})");
            }
            else if (response.StatusCode == HttpStatusCode.BadRequest && request.Method == "GET")
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!body.Contains("Ogiltig adress", StringComparison.Ordinal))
                {
                    failures.Add($"400 without the Swedish page: {request.Method} {request.Address[..Math.Min(request.Address.Length, 120)]} ({request.Who})");
                }
            }
        });

        // Per page and parameter, how many values failed and one of them, so the message stays short.
        var summary = failures.Select(f => (Key: f.Split('=')[0], Failure: f)).GroupBy(f => f.Key)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} × {g.Min(f => f.Failure)}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Count} hostile requests failed:\n{string.Join("\n", summary)}");
    }

    [Theory]
    [InlineData("/kallor\tx")]
    [InlineData("/kallor\u007f")]
    [InlineData("/kallor\r\nSet-Cookie: a=b")]
    public async Task A_return_address_with_a_control_character_in_the_sign_in_form_leads_to_the_start_page(string returnUrl)
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestUsers.CreateAsync(connectionString, "ada", Roles.Administrator);
        await using var app = new TestWebApp(connectionString);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var wrong = await TestUsers.PostFormAsync(client, "/logga-in", "/konto/logga-in",
            new Dictionary<string, string> { ["anvandarnamn"] = "ada", ["losenord"] = "fel", ["returnUrl"] = returnUrl });
        using var right = await TestUsers.PostFormAsync(client, "/logga-in", "/konto/logga-in",
            new Dictionary<string, string> { ["anvandarnamn"] = "ada", ["losenord"] = TestUsers.Password, ["returnUrl"] = returnUrl });

        // Before, the address passed our check but not the framework's, and the redirect threw: a 500.
        Assert.Equal((HttpStatusCode.Redirect, "/"), (right.StatusCode, right.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/logga-in?fel=fel&returnUrl=%2F"), (wrong.StatusCode, wrong.Headers.Location?.OriginalString));
    }
}
