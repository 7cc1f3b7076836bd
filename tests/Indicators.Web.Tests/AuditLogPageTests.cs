using System.Net;
using System.Text;
using Dapper;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indicators.Web.Tests;

public class AuditLogPageTests
{
    /// <summary>Adam (administrator, named "Adam Admin") signed in after a failed sign-in of anna; and one submitted report at 17:53 UTC.</summary>
    static async Task<(TestWebApp App, HttpClient Client, string ConnectionString)> SignedInAdministrator()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "anna", "Ledning");
        await TestUsers.CreateAsync(connectionString, "adam", "Administrator");
        await TestPostgres.ExecuteAsync(connectionString, """
            update app_user set display_name = 'Adam Admin' where user_name = 'adam';
            insert into audit_log (occurred_at, user_name, action, entity, entity_id, before, after)
            values ('2026-12-05 17:53:04+00', 'hanna', 'submit', 'committee_report', '1/2', '{"State": "open", "Version": 1}', '{"State": "under_review", "Version": 2}'),
                   ('2026-12-05 23:30:00+00', 'adam', 'update', 'target', '7', '{"Value": 92.0, "IsExample": true}', '{"Value": 93.0, "IsExample": true}');
            """);
        var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "anna", "fel");
        await TestUsers.SignInAsync(client, "adam");
        return (app, client, connectionString);
    }

    static async Task<string> PageAsync(HttpClient client, string query = "") =>
        WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/admin/granskningslogg" + query, UriKind.Relative)));

    [Fact]
    public async Task Entries_read_in_Swedish_with_names_local_time_and_only_the_changed_fields()
    {
        var (app, client, _) = await SignedInAdministrator();
        await using var _app = app;
        using var _client = client;

        var html = await PageAsync(client);

        // 17:53 UTC is 18:53 in Stockholm in December.
        Assert.Contains("2026-12-05 18:53:04", html, StringComparison.Ordinal);
        Assert.Contains("Lämnade in", html, StringComparison.Ordinal);
        Assert.Contains("Nämndens rapport 1/2", html, StringComparison.Ordinal);
        Assert.Contains("<td>öppen</td><td>under granskning</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>92,0</td><td>93,0</td>", html, StringComparison.Ordinal);
        Assert.Contains("Misslyckad inloggning", html, StringComparison.Ordinal);
        Assert.Contains("Loggade in", html, StringComparison.Ordinal);
        // The name, with the login beside it; a login no account has (any more) shows as it is.
        Assert.Contains("<span class=\"audit-person\">Adam Admin</span>", html, StringComparison.Ordinal);
        Assert.Contains("(adam)", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"audit-person\">hanna</span>", html, StringComparison.Ordinal);
        // No codes, no JSON, and an unchanged field is not listed.
        Assert.DoesNotContain("under_review", html, StringComparison.Ordinal);
        Assert.DoesNotContain("committee_report", html.Replace("value=\"committee_report\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("sign-in-failed", html.Replace("value=\"sign-in-failed\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\"State\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exempelvärde", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_person_object_action_and_Stockholm_dates_come_from_the_address()
    {
        var (app, client, _) = await SignedInAdministrator();
        await using var _app = app;
        using var _client = client;

        var anna = await PageAsync(client, "?anvandare=ann");
        Assert.Contains("Misslyckad inloggning", anna, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"audit-person\">Adam Admin</span>", anna, StringComparison.Ordinal);

        var adamByName = await PageAsync(client, "?anvandare=Admin&handling=sign-in");
        Assert.Contains("Loggade in", adamByName, StringComparison.Ordinal);
        Assert.Contains("1 händelse", adamByName, StringComparison.Ordinal);

        var target = await PageAsync(client, "?objekt=target&id=7");
        Assert.Contains("Målvärde 7", target, StringComparison.Ordinal);
        Assert.Contains("1 händelse", target, StringComparison.Ordinal);

        // 5 December in Stockholm: the report at 18:53, not the target at 00:30 on the 6th (23:30 UTC on the 5th).
        var fifth = await PageAsync(client, "?fran=2026-12-05&till=2026-12-05");
        Assert.Contains("Nämndens rapport 1/2", fifth, StringComparison.Ordinal);
        Assert.DoesNotContain("Målvärde 7", fifth, StringComparison.Ordinal);
        var sixth = await PageAsync(client, "?fran=2026-12-06&till=2026-12-06");
        Assert.Contains("Målvärde 7", sixth, StringComparison.Ordinal);
        Assert.Contains("2026-12-06 00:30:00", sixth, StringComparison.Ordinal);

        var wrong = await PageAsync(client, "?fran=31/12");
        Assert.Contains("Från: ”31/12” är inte ett datum (ÅÅÅÅ-MM-DD) och används inte.", wrong, StringComparison.Ordinal);
        Assert.Contains("Nämndens rapport 1/2", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_log_pages_with_a_link_to_older_entries()
    {
        var (app, client, connectionString) = await SignedInAdministrator();
        await using var _app = app;
        using var _client = client;
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into audit_log (occurred_at, user_name, action, entity, entity_id)
            select '2026-01-01 00:00+00'::timestamptz + make_interval(mins => n), 'bo', 'update', 'indicator', n::text from generate_series(1, 150) n
            """);

        var first = await client.GetStringAsync(new Uri("/admin/granskningslogg?objekt=indicator", UriKind.Relative));
        var older = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]*fore=\\d+)\">Äldre händelser").Groups[1].Value;
        var second = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(WebUtility.HtmlDecode(older), UriKind.Relative)));

        Assert.Contains("Indikator 51<", WebUtility.HtmlDecode(first), StringComparison.Ordinal);
        Assert.DoesNotContain("Indikator 50<", WebUtility.HtmlDecode(first), StringComparison.Ordinal);
        Assert.Contains("Indikator 50<", second, StringComparison.Ordinal);
        Assert.Contains("Indikator 1<", second, StringComparison.Ordinal);
        Assert.Contains("50 händelser", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Äldre händelser", second, StringComparison.Ordinal);
        Assert.Contains("Till de senaste händelserna", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CSV_holds_the_filtered_log_in_Swedish_for_Excel_and_only_administrators_get_it()
    {
        var (app, client, connectionString) = await SignedInAdministrator();
        await using var _app = app;
        using var _client = client;
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into audit_log (user_name, action, entity, entity_id, after) values ('adam', 'create', 'area_group', '3', '{"Name": "=HYPERLINK(\"http://x\")"}')
            """);

        var response = await client.GetAsync(new Uri("/admin/granskningslogg/csv?handling=submit", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var all = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/admin/granskningslogg/csv", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("granskningslogg.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "Tid;Person;Användarnamn;Händelse;Objekt;Objektets id;Fält;Före;Efter;IP-adress",
                "2026-12-05 18:53:04;hanna;hanna;Lämnade in;Nämndens rapport;1/2;Status;öppen;under granskning;",
                "2026-12-05 18:53:04;hanna;hanna;Lämnade in;Nämndens rapport;1/2;Version;1;2;",
            ],
            lines);
        Assert.Contains(";Skapade;Jämförelsegrupp;3;Namn;–;\"'=HYPERLINK(\"\"http://x\"\")\";", all, StringComparison.Ordinal);

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync(new Uri("/admin/granskningslogg/csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/logga-in", refused.Headers.Location?.PathAndQuery ?? refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        foreach (var role in new[] { "Analytiker", "Ledning", "Granskare" })
        {
            var user = "u" + role.ToLowerInvariant();
            await TestUsers.CreateAsync(connectionString, user, role);
            using var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await TestUsers.SignInAsync(other, user);
            var answer = await other.GetAsync(new Uri("/admin/granskningslogg/csv", UriKind.Relative));
            Assert.True(answer.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{role}: {(int)answer.StatusCode}");
            Assert.NotEqual("text/csv", answer.Content.Headers.ContentType?.MediaType);
        }
    }

    static readonly string[] Attacks = ["' or 1=1 --", "'; drop table app_user; --", "%", "_", "\\", "\" onmouseover=\"x", "1; delete from audit_log"];

    /// <summary>One app per parameter, every attack against it (an app per attack made this the slowest test here).</summary>
    [Theory]
    [InlineData("anvandare")]
    [InlineData("objekt")]
    [InlineData("id")]
    [InlineData("handling")]
    [InlineData("text")]
    [InlineData("fran")]
    [InlineData("till")]
    [InlineData("fore")]
    public async Task Sql_injection_in_a_filter_changes_nothing_and_gets_a_normal_answer(string parameter)
    {
        var (app, client, connectionString) = await SignedInAdministrator();
        await using var _app = app;
        using var _client = client;
        await using var connection = new NpgsqlConnection(connectionString);
        var before = await connection.QuerySingleAsync<(long Users, long Entries)>("select (select count(*) from app_user), (select count(*) from audit_log)");

        foreach (var attack in Attacks)
        {
            var response = await client.GetAsync(new Uri($"/admin/granskningslogg?{parameter}={Uri.EscapeDataString(attack)}", UriKind.Relative));
            var csv = await client.GetAsync(new Uri($"/admin/granskningslogg/csv?{parameter}={Uri.EscapeDataString(attack)}", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (parameter is "fran" or "till")
            {
                Assert.Contains("är inte ett datum (ÅÅÅÅ-MM-DD) och används inte.", html, StringComparison.Ordinal);
            }
            // A literal "_" does occur in the seeded values ("under_review"); that it matches literally is the data tests' part.
            else if (parameter != "fore" && !(parameter == "text" && attack == "_"))
            {
                Assert.Contains("Inga händelser matchar sökningen.", html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await connection.QuerySingleAsync<(long, long)>("select (select count(*) from app_user), (select count(*) from audit_log)"));
    }

    [Fact]
    public async Task A_script_in_a_filter_is_shown_as_text()
    {
        var (app, client, _) = await SignedInAdministrator();
        await using var _app = app;
        using var _client = client;

        var html = await client.GetStringAsync(new Uri("/admin/granskningslogg?text=" + Uri.EscapeDataString("<script>alert(1)</script>"), UriKind.Relative));

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }
}
