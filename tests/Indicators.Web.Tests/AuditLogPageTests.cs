using System.Net;
using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests;

public class AuditLogPageTests
{
    static async Task<(TestWebApp App, HttpClient Client, string ConnectionString)> SignedInAdministrator()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "anna", "Ledning");
        await TestUsers.CreateAsync(connectionString, "adam", "Administrator");
        var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "anna", "fel");
        await TestUsers.SignInAsync(client, "adam");
        return (app, client, connectionString);
    }

    [Fact]
    public async Task An_administrator_finds_sign_ins_and_failed_sign_ins_by_user()
    {
        var (app, client, _) = await SignedInAdministrator();
        await using var _app = app;
        using var _client = client;

        var all = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/admin/granskningslogg", UriKind.Relative)));
        var anna = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/admin/granskningslogg?anvandare=ann", UriKind.Relative)));

        Assert.Contains("sign-in-failed", all, StringComparison.Ordinal);
        Assert.Contains("<td>adam</td>", all, StringComparison.Ordinal);
        Assert.Contains("<td>anna</td>", anna, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>adam</td>", anna, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Injections()
    {
        var data = new TheoryData<string, string>();
        foreach (var parameter in new[] { "anvandare", "objekt", "handling", "text" })
        {
            foreach (var attack in new[] { "' or 1=1 --", "'; drop table app_user; --", "%", "_", "\\", "\" onmouseover=\"x", "1; delete from audit_log" })
            {
                data.Add(parameter, attack);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Sql_injection_in_a_filter_changes_nothing_and_gets_a_normal_answer(string parameter, string attack)
    {
        var (app, client, connectionString) = await SignedInAdministrator();
        await using var _app = app;
        using var _client = client;
        await using var connection = new NpgsqlConnection(connectionString);
        var before = await connection.QuerySingleAsync<(long Users, long Entries)>("select (select count(*) from app_user), (select count(*) from audit_log)");

        var response = await client.GetAsync(new Uri($"/admin/granskningslogg?{parameter}={Uri.EscapeDataString(attack)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Inga händelser matchar sökningen.", html, StringComparison.Ordinal);
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
