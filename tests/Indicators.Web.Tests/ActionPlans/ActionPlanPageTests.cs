using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests.ActionPlans;

/// <summary>The åtgärdsplan pages on the demo: seed 003's two tables, the chart's text alternative, and the edit form for analysts only.</summary>
public partial class ActionPlanPageTests
{
    static string Normalised(string html) => WebUtility.HtmlDecode(html).Replace('\u00A0', ' ');

    /// <summary>A table row's cells as text, by its row header.</summary>
    static List<string> Row(string html, string header)
    {
        var row = Regex.Match(html, $@"<tr[^>]*>\s*<th scope=""row""[^>]*>{Regex.Escape(header)}</th>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"No row '{header}'.");
        return [.. Cell().Matches(row.Groups[1].Value).Select(m => m.Groups[1].Value.Trim())];
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [Fact]
    public async Task Everyone_reads_HSNs_action_plan_with_seed_003s_figures_and_only_an_analyst_gets_the_edit_form()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        using var reader = app.CreateClient();
        int planId, hsnId;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            planId = await connection.ExecuteScalarAsync<int>("select id from action_plan");
            hsnId = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'HSN'");
        }

        await TestUsers.SignInAsync(reader, "ledning", "demo-2025");
        var list = Normalised(await reader.GetStringAsync(new Uri("/atgardsplaner", UriKind.Relative)));
        Assert.Contains("Hälso- och sjukvårdsnämnden", list, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"atgardsplan/{planId}\">Ekonomisk handlingsplan 2025–2027</a>", list, StringComparison.Ordinal);
        Assert.Matches("<a href=\"atgardsplaner\"[^>]*>Åtgärdsplaner</a>", list);
        Assert.DoesNotContain("Ny åtgärdsplan", list, StringComparison.Ordinal);
        var committee = Normalised(await reader.GetStringAsync(new Uri($"/namnd/{hsnId}", UriKind.Relative)));
        Assert.Contains($"<a href=\"atgardsplan/{planId}\">Ekonomisk handlingsplan 2025–2027</a>", committee, StringComparison.Ordinal);

        var html = Normalised(await reader.GetStringAsync(new Uri($"/atgardsplan/{planId}", UriKind.Relative)));
        // §4.2.2, with real minus signs.
        Assert.Equal(["6 653", "6 894", "6 999", "7 217"], Row(html, "Ekonomisk ram"));
        Assert.Equal(["−600", "−570", "−345", "−95"], Row(html, "Utgångspunkt/resultat"));
        Assert.Equal(["30", "225", "250", "95"], Row(html, "Åtgärder handlingsplan"));
        Assert.Equal(["−570", "−345", "−95", "0"], Row(html, "Underskott"));
        // §4.2.3: each åtgärd, SUMMA, Uppdrag and Avvikelse in words and symbols as well as numbers.
        Assert.Matches("<th scope=\"col\"[^>]*>Budget 2025–2027</th>", html);
        Assert.Equal(["70", "50", "30", "150"], Row(html, "Hyroberonde vård"));
        Assert.Equal(["15", "", "", "15"], Row(html, "Effektivare administration"));
        Assert.Equal(["240", "235", "215", "690"], Row(html, "SUMMA"));
        Assert.Equal(["225", "250", "95", "570"], Row(html, "Uppdrag"));
        Assert.Equal(["▲ 15 mer än kravet", "▼ −15 mindre än kravet", "▲ 120 mer än kravet", "▲ 120 mer än kravet"], Row(html, "Avvikelse"));
        Assert.Contains("aria-label=\"Diagram: Ekonomisk handlingsplan 2025–2027. Staplar per år för planerade åtgärder och kravet. "
            + "2025: planerat 240 mnkr, krav 225 mnkr, ▲ 15 mer än kravet; 2026: planerat 235 mnkr, krav 250 mnkr, ▼ −15 mindre än kravet; "
            + "2027: planerat 215 mnkr, krav 95 mnkr, ▲ 120 mer än kravet.", html, StringComparison.Ordinal);
        Assert.Contains("Linjen visar resultatets väg mot balans: 2024 −600 mnkr, 2025 −570 mnkr, 2026 −345 mnkr, 2027 −95 mnkr, efter 2027 0 mnkr.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ändra åtgärdsplanen", html, StringComparison.Ordinal);

        using var analyst = app.CreateClient();
        await TestUsers.SignInAsync(analyst, "analytiker", "demo-2025");
        var editable = Normalised(await analyst.GetStringAsync(new Uri($"/atgardsplan/{planId}", UriKind.Relative)));
        Assert.Contains("Ändra åtgärdsplanen", editable, StringComparison.Ordinal);
        Assert.Matches("Ändra <span class=\"visually-hidden\"[^>]*>Hyroberonde vård</span>", editable);
        Assert.Contains("Ny åtgärdsplan", Normalised(await analyst.GetStringAsync(new Uri("/atgardsplaner", UriKind.Relative))), StringComparison.Ordinal);

        var missing = Normalised(await reader.GetStringAsync(new Uri("/atgardsplan/987654", UriKind.Relative)));
        Assert.Contains("Det finns ingen åtgärdsplan med nummer 987654.", missing, StringComparison.Ordinal);
    }
}
