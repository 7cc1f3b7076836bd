using System.Net;
using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests.Assignments;

/// <summary>The uppdrag list (/uppdrag) and an uppdrag's page on the demo plan: filters from the address, hostile values ignored.</summary>
public class AssignmentPageTests
{
    static Dictionary<string, string?> WithDemo => new() { ["DemoPlan:Enabled"] = "true" };

    static string Normalised(string html) => WebUtility.HtmlDecode(html).Replace('\u00A0', ' ');

    [Fact]
    public async Task The_list_filters_by_giver_receiver_status_and_deadline_from_the_address_and_ignores_values_it_cannot_use()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, WithDemo);
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "ledning", "demo-2025");
        await using var connection = new NpgsqlConnection(connectionString);
        var committees = (await connection.QueryAsync<(string Code, int Id)>("select code, id from committee where area_id = '0022'")).ToDictionary(c => c.Code, c => c.Id);

        async Task<string> PageAsync(string query)
        {
            var response = await client.GetAsync(new Uri("/uppdrag" + query, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode}");
            return Normalised(await response.Content.ReadAsStringAsync());
        }

        // Ledning sees both organisations: Region Västernorrland's 22 uppdrag and Region Västerbotten's 13 riktade uppdrag
        // for 2025 (RU-1 to RU-13), which ended 2025-12-31 without being done and so are late, as RF-2025-2 is.
        var all = await PageAsync("");
        Assert.Contains("35 uppdrag, 14 försenade.", all, StringComparison.Ordinal);
        Assert.Contains("HSN-E.1-4", all, StringComparison.Ordinal);
        // The overdue example (end 2025-12-31) says so in words and with a symbol, not by colour alone.
        Assert.Contains("⚠</span> Försenat", all, StringComparison.Ordinal);

        var toRs = await PageAsync($"?mottagare={committees["RS"]}");
        Assert.Contains("2 uppdrag", toRs, StringComparison.Ordinal);
        Assert.Contains("RF-2025-1", toRs, StringComparison.Ordinal);
        Assert.DoesNotContain("HSN-E.1-4", toRs, StringComparison.Ordinal);

        Assert.Contains("15 uppdrag, 14 försenade.", await PageAsync("?givare=rf"), StringComparison.Ordinal);
        Assert.Contains("20 uppdrag, 0 försenade.", await PageAsync($"?givare={committees["HSN"]}"), StringComparison.Ordinal);
        Assert.Contains("14 uppdrag, 14 försenade.", await PageAsync("?slutdatum=forsenade"), StringComparison.Ordinal);
        Assert.Contains("Inga uppdrag matchar.", await PageAsync("?status=done"), StringComparison.Ordinal);
        // The demo's example follow-ups put four of Västernorrland's uppdrag in progress (årsrapport 2025) and four of
        // Västerbotten's (delårsrapport 2025).
        Assert.Contains("27 uppdrag", await PageAsync("?status=not_started"), StringComparison.Ordinal);
        Assert.Contains("8 uppdrag, 5 försenade.", await PageAsync("?status=in_progress"), StringComparison.Ordinal);

        // Values the page cannot use are ignored, as if absent: the whole list, and nothing of them echoed as markup.
        foreach (var hostile in new[] { "?givare=%3Cb%3Ex%3C/b%3E", "?mottagare=99999999999", "?mottagare=-1&status=%27%20or%201=1%20--",
                     "?slutdatum=" + new string('x', 4000), "?status=Genomf%C3%B6rt&givare=rf&givare=abc", "?mal=abc&version=1.5" })
        {
            var response = await client.GetAsync(new Uri("/uppdrag" + hostile, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{hostile}: {(int)response.StatusCode}");
            var raw = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<b>x</b>", raw, StringComparison.Ordinal);
            Assert.Matches("(35|15) uppdrag", Normalised(raw));
        }
    }

    [Fact]
    public async Task An_uppdrags_page_shows_its_text_giver_receivers_mål_dates_and_overall_state_with_its_explanation()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, WithDemo);
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "ledning", "demo-2025");
        await using var connection = new NpgsqlConnection(connectionString);
        var id = await connection.ExecuteScalarAsync<int>("select id from assignment where code = 'RF-2025-2'");

        var html = Normalised(await client.GetStringAsync(new Uri($"/uppdrag/{id}", UriKind.Relative)));

        Assert.Contains("Identifiera och initiera ett fokusarbete för att förbättra tillgängligheten vid valda enheter", html, StringComparison.Ordinal);
        Assert.Contains(">Regionfullmäktige</dd>", html, StringComparison.Ordinal);
        Assert.Contains(">Hälso- och sjukvårdsnämnden och Regionstyrelsen</dd>", html, StringComparison.Ordinal);
        Assert.Contains("2.1 Vi erbjuder vård som utgår från individens behov och är tillgänglig</a>", html, StringComparison.Ordinal);
        Assert.Contains("2025-01-01 – 2025-12-31", html, StringComparison.Ordinal);
        Assert.Contains("Exempel: uppdraget är påhittat", html, StringComparison.Ordinal);
        // Regionstyrelsen's example follow-up in the årsrapport 2025.
        Assert.Contains("◔</span> Pågår", html, StringComparison.Ordinal);
        Assert.Contains("1 av 2 mottagare har följt upp (Hälso- och sjukvårdsnämnden: ej uppföljt; Regionstyrelsen: pågår). "
            + "Slutdatum 2025-12-31 har passerat utan att uppdraget är avslutat.", html, StringComparison.Ordinal);
        Assert.Contains("fokusenheter är valda inom ortopedi och ögonsjukvård", html, StringComparison.Ordinal);
        // Ledning reads but does not edit.
        Assert.DoesNotContain("redigera", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/uppdrag/987654", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/uppdrag/abc", UriKind.Relative))).StatusCode);
    }
}
