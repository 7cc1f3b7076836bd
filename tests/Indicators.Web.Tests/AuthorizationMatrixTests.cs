using System.Net;
using Indicators.TestSupport;
using Indicators.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Indicators.Web.Tests;

/// <summary>
/// Every page and endpoint, as anonymous and as each role: allowed or denied as this matrix says. An endpoint
/// missing from the matrix fails the test, so a new page cannot slip in without a decision about who may see it.
/// </summary>
public class AuthorizationMatrixTests
{
    const string Anyone = "anyone";

    /// <summary>Route pattern → who may use it: <see cref="Anyone"/>, or a policy of <see cref="Policies"/>.</summary>
    static readonly Dictionary<string, string> Matrix = new()
    {
        ["/"] = Policies.Read,
        ["/logga-in"] = Anyone,
        ["/ingen-behorighet"] = Anyone,
        ["/hittades-inte"] = Anyone,
        ["/fel"] = Anyone,
        // For load balancers and healthchecks; they answer only Healthy or Unhealthy.
        ["/health/live"] = Anyone,
        ["/health/ready"] = Anyone,
        ["/konto/logga-in"] = Anyone,
        // Starts single sign-on (404 when it is not configured).
        ["/konto/logga-in-extern"] = Anyone,
        ["/konto/logga-ut"] = Policies.Read,
        ["/konto/byt-losenord"] = Policies.Read,
        ["/konto/losenord"] = Policies.Read,
        ["/hangfire/{**path}"] = Policies.Administer,
        ["/hangfire"] = Policies.Administer,
        ["/admin/granskningslogg"] = Policies.Administer,
        // The audit log as CSV, filtered as the page is: administrators only, as the page (sign-in addresses, failed sign-ins).
        ["/admin/granskningslogg/csv"] = Policies.Administer,
        ["/admin/anvandare"] = Policies.Administer,
        // One user's roles, password reset and (de)activation; UserAdministration checks the administrator again.
        ["/admin/anvandare/{Id:int}"] = Policies.Administer,
        ["/sa-bedoms-maluppfyllelse"] = Policies.Read,
        // Two plan versions side by side (issue 21): every role reads it; matching mål is the analysts' (checked again in the store).
        ["/jamfor"] = Policies.Read,
        ["/jamfor/matchning"] = Policies.Analyse,
        ["/jamfor/matchning/ta-bort"] = Policies.Analyse,
        ["/kallor"] = Policies.Read,
        // Each user's own subscriptions and events; the store checks the owner.
        ["/bevakningar"] = Policies.Read,
        // The unsubscribe link in every alert message: no sign-in, protected by its signed token (one subscription only).
        ["/bevakningar/avsluta"] = Anyone,
        ["/mal/{Id:int}"] = Policies.Read,
        ["/malomrade/{Id:int}"] = Policies.Read,
        ["/namnd/{Id:int}"] = Policies.Read,
        ["/namnder"] = Policies.Read,
        // The area catalogue and comparison groups: everyone reads; managing groups is for analysts (checked in AreaGroupEditor).
        ["/omraden"] = Policies.Read,
        ["/atgardsplaner"] = Policies.Read,
        ["/atgardsplan/{Id:int}"] = Policies.Read,
        ["/kallor/{Id:int}"] = Policies.Read,
        ["/kallor/korningar/{RunId:long}"] = Policies.Read,
        ["/kallor/{Id:int}/forhandsgranskning"] = Policies.Analyse,
        ["/kallor/ny"] = Policies.Analyse,
        ["/kallor/{Id:int}/redigera"] = Policies.Analyse,
        ["/kallor/{id:int}/kor-nu"] = Policies.Analyse,
        ["/kallor/korningar/{runId:long}/forsok-igen"] = Policies.Analyse,
        ["/kallor/{id:int}/filer"] = Policies.Analyse,
        ["/kallor/{id:int}/filer/{fileId:long}/ta-bort"] = Policies.Analyse,
        // A file's page (quarantined files: rejected rows, read anyway, discard) and its rejected rows as CSV.
        ["/kallor/{Id:int}/filer/{FileId:long}"] = Policies.Analyse,
        ["/kallor/{id:int}/filer/{fileId:long}/avvisade-rader.csv"] = Policies.Analyse,
        ["/kallor/{id:int}/filer/{fileId:long}/las-in-anda"] = Policies.Analyse,
        ["/kallor/{id:int}/filer/{fileId:long}/kassera"] = Policies.Analyse,
        ["/indikator/{Id:int}"] = Policies.Read,
        ["/indikatorer"] = Policies.Analyse,
        ["/indikatorer/ny"] = Policies.Analyse,
        ["/indikatorer/{Id:int}/redigera"] = Policies.Analyse,
        ["/planer"] = Policies.Analyse,
        ["/planer/{PlanId:int}"] = Policies.Analyse,
        ["/planer/namnder"] = Policies.Analyse,
        ["/planer/{PlanId:int}/namndplaner"] = Policies.Analyse,
        ["/planer/{planId:int}/export"] = Policies.Analyse,
        ["/planer/import"] = Policies.Analyse,
        // Uppdrag: everyone reads; creating and changing them is for analysts (checked again in AssignmentEditor).
        ["/uppdrag"] = Policies.Read,
        ["/uppdrag/{Id:int}"] = Policies.Read,
        ["/uppdrag/nytt"] = Policies.Analyse,
        ["/uppdrag/{Id:int}/redigera"] = Policies.Analyse,
        ["/rapporter"] = Policies.Read,
        ["/rapporter/{PeriodId:int}"] = Policies.Read,
        ["/rapporter/{PeriodId:int}/namnd/{CommitteeId:int}"] = Policies.Read,
        // Report exports: everyone who reads reports, nämnd users included (they read every nämnd's report).
        ["/rapporter/{periodId:int}/export.xlsx"] = Policies.Read,
        ["/rapporter/{periodId:int}/export.pdf"] = Policies.Read,
        ["/rapporter/{periodId:int}/namnd/{committeeId:int}/export.xlsx"] = Policies.Read,
        ["/rapporter/{periodId:int}/namnd/{committeeId:int}/export.pdf"] = Policies.Read,
        // Comparison exports (issue 21): every role; the comparison query answers only for versions in the user's organisations.
        ["/jamfor/excel"] = Policies.Read,
        ["/jamfor/pdf"] = Policies.Read,
        ["/jamfor/text"] = Policies.Read,
        // Development's fallback for files outside the static-asset manifest; the assets themselves are public.
        ["{**path:file}"] = Policies.Read,
    };

    /// <summary>Pages with route parameters, tried at a concrete address: address → route pattern.</summary>
    static readonly Dictionary<string, string> ConcretePaths = new()
    {
        ["/kallor/1"] = "/kallor/{Id:int}",
        ["/admin/anvandare/1"] = "/admin/anvandare/{Id:int}",
        ["/kallor/korningar/1"] = "/kallor/korningar/{RunId:long}",
        ["/kallor/1/forhandsgranskning"] = "/kallor/{Id:int}/forhandsgranskning",
        ["/kallor/1/redigera"] = "/kallor/{Id:int}/redigera",
        ["/kallor/1/filer/1"] = "/kallor/{Id:int}/filer/{FileId:long}",
        ["/indikator/1"] = "/indikator/{Id:int}",
        ["/indikatorer/1/redigera"] = "/indikatorer/{Id:int}/redigera",
        ["/mal/1"] = "/mal/{Id:int}",
        ["/malomrade/1"] = "/malomrade/{Id:int}",
        ["/namnd/1"] = "/namnd/{Id:int}",
        ["/planer/1"] = "/planer/{PlanId:int}",
        ["/planer/1/export"] = "/planer/{planId:int}/export",
        ["/planer/1/namndplaner"] = "/planer/{PlanId:int}/namndplaner",
        ["/rapporter/1"] = "/rapporter/{PeriodId:int}",
        ["/uppdrag/1"] = "/uppdrag/{Id:int}",
        ["/uppdrag/1/redigera"] = "/uppdrag/{Id:int}/redigera",
        ["/rapporter/1/namnd/1"] = "/rapporter/{PeriodId:int}/namnd/{CommitteeId:int}",
    };

    static readonly Dictionary<string, string[]> RolesOf = new()
    {
        [Policies.Read] = Roles.All,
        [Policies.Analyse] = [Roles.Analyst, Roles.Administrator],
        [Policies.Administer] = [Roles.Administrator],
    };

    /// <summary>Blazor's own plumbing and the static files: the framework's, not pages of ours.</summary>
    static bool IsFrameworkOrAsset(string pattern) =>
        pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("/_framework", StringComparison.Ordinal)
        || pattern.StartsWith("/_content", StringComparison.Ordinal)
        // A static asset is a literal file name; a route with parameters that ends in one (a report's export.pdf) is ours.
        || (Path.HasExtension(pattern.Split('/')[^1]) && !pattern.Contains('{', StringComparison.Ordinal));

    [Fact]
    public async Task Every_endpoint_is_in_the_matrix_and_its_metadata_requires_what_the_matrix_says()
    {
        await using var app = new TestWebApp(await TestPostgres.CreateMigratedDatabaseAsync());
        _ = app.Server;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsFrameworkOrAsset(e.RoutePattern.RawText ?? ""))
            .ToList();

        var unknown = endpoints.Select(e => e.RoutePattern.RawText!).Where(p => !Matrix.ContainsKey(p)).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"Endpoints missing from the authorisation matrix: {string.Join(", ", unknown)}");

        foreach (var endpoint in endpoints)
        {
            var expected = Matrix[endpoint.RoutePattern.RawText!];
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? Policies.Read).Distinct().ToList();
            var actual = anonymous ? Anyone : policies.Count == 0 ? Policies.Read : Assert.Single(policies);
            Assert.True(expected == actual, $"{endpoint.DisplayName} ({endpoint.RoutePattern.RawText}): matrix says {expected}, endpoint requires {actual}");
        }
    }

    public static TheoryData<string, string?> PagesByRole()
    {
        var data = new TheoryData<string, string?>();
        foreach (var path in new[] { "/", "/logga-in", "/ingen-behorighet", "/health/live", "/hangfire", "/admin/granskningslogg", "/admin/anvandare", "/admin/anvandare/1", "/sa-bedoms-maluppfyllelse", "/konto/losenord", "/kallor", "/kallor/1", "/kallor/korningar/1", "/kallor/1/forhandsgranskning", "/kallor/ny", "/kallor/1/redigera", "/indikator/1", "/mal/1", "/malomrade/1", "/namnd/1", "/namnder",
                     "/omraden", "/planer", "/planer/1", "/planer/namnder", "/planer/import", "/planer/1/export", "/planer/1/namndplaner", "/indikatorer", "/indikatorer/ny", "/indikatorer/1/redigera", "/rapporter", "/rapporter/1", "/rapporter/1/namnd/1",
                     "/uppdrag", "/uppdrag/1", "/uppdrag/nytt", "/uppdrag/1/redigera" })
        {
            data.Add(path, null);
            foreach (var role in Roles.All)
            {
                data.Add(path, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task Each_page_answers_each_role_as_the_matrix_says(string path, string? role)
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, "insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing; insert into committee (area_id, code, name) values ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden')");
        // A plan with one målområde and one mål (each id 1), for the goal and målområde pages.
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into plan (area_id, name, start_year, end_year) values ('0022', 'Regionplan 2025–2027', 2025, 2027);
            insert into plan_version (plan_id, name, kind, is_current) values (1, 'Fastställd plan', 'adopted', true);
            insert into goal_area (plan_version_id, code, name) values (1, '1', 'Ett attraktivt Västernorrland');
            insert into goal (goal_area_id, code, name, owner_committee_id) values (1, '1.1', 'Vi agerar som en sammanhållande kraft', 1);
            """);
        // An uppdrag (id 1) for its page and form.
        await TestPostgres.ExecuteAsync(connectionString,
            "insert into assignment (plan_version_id, code, text) values (1, 'RF-1', 'Minska hyrberoendet'); insert into assignment_receiver (assignment_id, committee_id) values (1, 1)");
        await using var app = new TestWebApp(connectionString);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null)
        {
            await TestUsers.CreateAsync(connectionString, "person", role, role == Roles.Committee ? "HSN" : null);
            var signIn = await TestUsers.SignInAsync(client, "person");
            Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        }

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var rule = Matrix[ConcretePaths.GetValueOrDefault(path, path)];
        var allowed = rule == Anyone || (role is not null && RolesOf[rule].Contains(role));
        if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} as {role ?? "anonymous"}: expected 200, got {(int)response.StatusCode} {response.Headers.Location}");
        }
        else if (role is null)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/logga-in", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{path} as {role}: got {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Contains("/ingen-behorighet", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            }
        }
    }
}
