using System.Net;
using System.Text.RegularExpressions;
using Indicators.Data.Users;
using Indicators.TestSupport;
using Indicators.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Indicators.Web.Tests;

/// <summary>
/// Several organisations in one installation (issue 21): a user limited to Region Västerbotten meets 404 on every page
/// and export reached by an id of Region Västernorrland's, by route or by query string, is refused the installation-wide
/// pages, and sees only Västerbotten in the lists; every route with an id names its owner, so a new page cannot slip past.
/// </summary>
public class OrganisationGateTests
{
    static async Task<HttpClient> SignedInAsync(TestWebApp app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await TestUsers.SignInAsync(client, userName);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        return client;
    }

    static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path) => (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode;

    [Fact]
    public async Task Every_route_with_an_id_names_the_organisation_that_owns_it_or_is_installation_wide_or_checked_by_itself()
    {
        await using var app = new TestWebApp(await TestPostgres.CreateMigratedDatabaseAsync());
        _ = app.Server;
        var unguarded = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0 && e.RoutePattern.RawText != "{**path:file}")
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("/_", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<InstallationWideAttribute>() is null && e.Metadata.GetMetadata<OrganisationCheckedInsideAttribute>() is null)
            .SelectMany(e => e.RoutePattern.Parameters
                .Where(p => !e.Metadata.GetOrderedMetadata<OwnedByAttribute>().Any(o => !o.FromQuery && string.Equals(o.Parameter, p.Name, StringComparison.OrdinalIgnoreCase)))
                .Select(p => $"{e.RoutePattern.RawText} ({p.Name})"))
            .Distinct()
            .ToList();

        Assert.True(unguarded.Count == 0, "Route values with no owner for the organisation gate (add [OwnedBy], or [InstallationWide] / "
            + $"[OrganisationCheckedInside] with a reason): {string.Join(", ", unguarded)}");
    }

    [Fact]
    public async Task A_user_limited_to_Vasterbotten_gets_not_found_for_every_Vasternorrland_page_and_export_and_Vasterbotten_pages_work()
    {
        var t = await TwoOrganisations.CreateAsync();
        var connectionString = t.ConnectionString;
        await TestUsers.CreateAsync(connectionString, "vera", Roles.Management);
        await t.LimitAsync("vera", "0024");
        await TestUsers.CreateAsync(connectionString, "lena", Roles.Management);
        await using var app = new TestWebApp(connectionString);
        using var vera = await SignedInAsync(app, "vera");
        using var lena = await SignedInAsync(app, "lena");

        string[] norr =
        [
            $"/mal/{t.NorrGoal}", $"/malomrade/{t.NorrGoalArea}", $"/namnd/{t.NorrCommittee}", $"/indikator/{t.NorrIndicator}",
            $"/rapporter/{t.NorrPeriod}", $"/rapporter/{t.NorrPeriod}/namnd/{t.NorrCommittee}", $"/uppdrag/{t.NorrAssignment}",
            $"/rapporter/{t.NorrPeriod}/export.xlsx", $"/rapporter/{t.NorrPeriod}/export.pdf",
            $"/rapporter/{t.NorrPeriod}/namnd/{t.NorrCommittee}/export.xlsx", $"/rapporter/{t.NorrPeriod}/namnd/{t.NorrCommittee}/export.pdf",
            // Hostile query values: another organisation's plan, nämnd, version or mål in a filter.
            $"/?plan={t.NorrPlan}", $"/?namnd={t.NorrCommittee}", $"/indikator/{t.BottenIndicator}?plan={t.NorrPlan}",
            $"/uppdrag?version={t.NorrVersion}", $"/uppdrag?mottagare={t.NorrCommittee}", $"/uppdrag?mal={t.NorrGoal}",
        ];
        foreach (var path in norr)
        {
            Assert.True(await StatusAsync(vera, path) == HttpStatusCode.NotFound, $"{path} as vera (Västerbotten only) is not 404");
            // The same address works for an account without a limit: the 404 is the gate's, not a broken page's.
            Assert.True(await StatusAsync(lena, path) == HttpStatusCode.OK, $"{path} as lena (every organisation) is not 200");
        }

        foreach (var path in new[]
        {
            "/", $"/?plan={t.BottenPlan}", $"/mal/{t.BottenGoal}", $"/namnd/{t.BottenCommittee}", $"/indikator/{t.BottenIndicator}",
            $"/rapporter/{t.BottenPeriod}", $"/rapporter/{t.BottenPeriod}/namnd/{t.BottenCommittee}", $"/rapporter/{t.BottenPeriod}/export.pdf",
        })
        {
            Assert.True(await StatusAsync(vera, path) == HttpStatusCode.OK, $"{path} as vera is not 200");
        }
    }

    [Fact]
    public async Task A_limited_analyst_cannot_open_another_organisations_plan_editor_indicator_editor_or_plan_export_nor_the_installation_wide_pages()
    {
        var t = await TwoOrganisations.CreateAsync();
        var connectionString = t.ConnectionString;
        await TestUsers.CreateAsync(connectionString, "vide", Roles.Analyst);
        await t.LimitAsync("vide", "0024");
        await using var app = new TestWebApp(connectionString);
        using var vide = await SignedInAsync(app, "vide");

        foreach (var path in new[] { $"/planer/{t.NorrPlan}", $"/planer/{t.NorrPlan}/export", $"/planer/{t.NorrPlan}/namndplaner", $"/indikatorer/{t.NorrIndicator}/redigera",
                     $"/planer/{t.BottenPlan}?version={t.NorrVersion}", $"/uppdrag/{t.NorrAssignment}/redigera", "/planer/namnder?organisation=0022" })
        {
            Assert.True(await StatusAsync(vide, path) == HttpStatusCode.NotFound, $"{path} as vide (Västerbotten only) is not 404");
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(vide, $"/planer/{t.BottenPlan}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(vide, $"/planer/{t.BottenPlan}/export"));
        foreach (var path in new[] { "/kallor", "/kallor/ny", "/kallor/1" })
        {
            var response = await vide.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/ingen-behorighet", StringComparison.Ordinal),
                $"{path} as a limited analyst: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task A_limited_user_sees_only_their_organisations_plans_nämnder_indicators_reports_and_uppdrag_in_the_lists()
    {
        var t = await TwoOrganisations.CreateAsync();
        var connectionString = t.ConnectionString;
        await TestUsers.CreateAsync(connectionString, "vide", Roles.Analyst);
        await t.LimitAsync("vide", "0024");
        await TestUsers.CreateAsync(connectionString, "anna", Roles.Analyst);
        await using var app = new TestWebApp(connectionString);
        using var vide = await SignedInAsync(app, "vide");
        using var anna = await SignedInAsync(app, "anna");

        foreach (var (path, norr, botten) in new[]
        {
            ("/", "Regionplan Västernorrland 2025–2027", "Regionplan Västerbotten 2025–2027"),
            ("/namnder", "Regionstyrelsen i Västernorrland", "Hälso- och sjukvårdsnämnden i Västerbotten"),
            ("/indikatorer", "Väntetid i Västernorrland", "Väntetid i Västerbotten"),
            ("/rapporter", "Regionplan Västernorrland 2025–2027", "Regionplan Västerbotten 2025–2027"),
            ("/planer", "Regionplan Västernorrland 2025–2027", "Regionplan Västerbotten 2025–2027"),
            ("/uppdrag", "Minska hyrberoendet", "Hälso- och sjukvårdsnämnden i Västerbotten"),
        })
        {
            var limited = WebUtility.HtmlDecode(await vide.GetStringAsync(new Uri(path, UriKind.Relative)));
            Assert.DoesNotContain(norr, limited, StringComparison.Ordinal);
            Assert.Contains(botten, limited, StringComparison.Ordinal);
            var everyone = WebUtility.HtmlDecode(await anna.GetStringAsync(new Uri(path, UriKind.Relative)));
            Assert.Contains(norr, everyone, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_start_page_opens_the_plan_last_chosen_and_offers_the_plans_grouped_by_organisation()
    {
        var t = await TwoOrganisations.CreateAsync();
        var connectionString = t.ConnectionString;
        await TestUsers.CreateAsync(connectionString, "lena", Roles.Management);
        await using var app = new TestWebApp(connectionString);
        using var lena = await SignedInAsync(app, "lena");

        // Without a choice the newest plan opens: both start 2025, Västerbotten sorts first.
        var first = WebUtility.HtmlDecode(await lena.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains("<h1>Regionplan Västerbotten 2025–2027", first, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Region Västernorrland\">", first, StringComparison.Ordinal);
        Assert.Contains("Organisation och plan", first, StringComparison.Ordinal);

        await lena.GetStringAsync(new Uri($"/?plan={t.NorrPlan}", UriKind.Relative));
        var again = WebUtility.HtmlDecode(await lena.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains("<h1>Regionplan Västernorrland 2025–2027", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remembered_plan_of_another_organisation_is_ignored_for_a_limited_user()
    {
        var t = await TwoOrganisations.CreateAsync();
        var connectionString = t.ConnectionString;
        await TestUsers.CreateAsync(connectionString, "vera", Roles.Management);
        await t.LimitAsync("vera", "0024");
        await using var app = new TestWebApp(connectionString);
        using var vera = await SignedInAsync(app, "vera");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"indicators.plan={t.NorrPlan}");

        var page = WebUtility.HtmlDecode(await (await vera.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains("<h1>Regionplan Västerbotten 2025–2027", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Västernorrland", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_users_list_shows_each_accounts_organisation_limit()
    {
        var t = await TwoOrganisations.CreateAsync();
        var connectionString = t.ConnectionString;
        await TestUsers.CreateAsync(connectionString, "admin1", Roles.Administrator);
        await TestUsers.CreateAsync(connectionString, "vera", Roles.Management);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            var vera = (await new UserQueries(dataSource).ListAsync()).Single(u => u.UserName == "vera");
            await new UserAdministration(dataSource).SetOrganisationsAsync(vera.Id, ["0024"], new Data.Audit.Actor("admin1", null));
        }

        await using var app = new TestWebApp(connectionString);
        using var admin = await SignedInAsync(app, "admin1");
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/admin/anvandare", UriKind.Relative)));

        var rows = list.Split("<tr", StringSplitOptions.None);
        Assert.Contains(rows, r => r.Contains(">vera<", StringComparison.Ordinal) && Regex.IsMatch(r, "<td[^>]*>Region Västerbotten</td>"));
        Assert.Contains(rows, r => r.Contains(">admin1<", StringComparison.Ordinal) && Regex.IsMatch(r, "<td[^>]*>Alla</td>"));
        Assert.DoesNotContain(rows, r => r.Contains(">admin1<", StringComparison.Ordinal) && r.Contains("Region Västerbotten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_limited_administrator_is_refused_user_administration_and_the_audit_log()
    {
        var t = await TwoOrganisations.CreateAsync();
        var connectionString = t.ConnectionString;
        await TestUsers.CreateAsync(connectionString, "admin1", Roles.Administrator);
        await TestUsers.CreateAsync(connectionString, "admin2", Roles.Administrator);
        await t.LimitAsync("admin2", "0024");
        await using var app = new TestWebApp(connectionString);
        using var limited = await SignedInAsync(app, "admin2");
        using var unlimited = await SignedInAsync(app, "admin1");

        foreach (var path in new[] { "/admin/anvandare", "/admin/anvandare/1", "/admin/granskningslogg", "/admin/granskningslogg/csv", "/hangfire" })
        {
            var response = await limited.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{path} as a limited administrator: {(int)response.StatusCode}");
            Assert.Equal(HttpStatusCode.OK, (await unlimited.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }
}
