using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests.Overview;

/// <summary>The overview, goal, målområde and nämnd pages against the demo plan in a real database.</summary>
public class OverviewPageTests
{
    static Dictionary<string, string?> WithDemo => new() { ["DemoPlan:Enabled"] = "true" };

    static async Task<(TestWebApp App, HttpClient Client, string ConnectionString)> SignedIn(string user = "ledning")
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        var app = new TestWebApp(connectionString, WithDemo);
        var client = app.CreateClient();
        await TestUsers.SignInAsync(client, user, "demo-2025");
        return (app, client, connectionString);
    }

    static async Task<IDocument> GetPage(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    static async Task<T> Scalar<T>(string connectionString, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException(sql);
    }

    /// <summary>Mål 2.1 of the adopted (current) version; Sjukvårdspartiet's proposal has a mål 2.1 too.</summary>
    const string CurrentGoal21 = """
        select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        where v.is_current and g.code = '2.1'
        """;

    static IElement GoalArticle(IDocument document, string code) =>
        document.QuerySelectorAll("article.goal").Single(a => a.QuerySelector("h3")!.TextContent.Contains($"Mål {code} ", StringComparison.Ordinal));

    [Fact]
    public async Task The_overview_for_helår_2026_counts_goal_2_1s_indicators_per_status_as_its_rows_show_them_and_marks_last_years_figures()
    {
        var (app, client, connectionString) = await SignedIn();
        await using var _app = app;
        using var _client = client;
        var linked = await Scalar<long>(connectionString,
            """
            select count(*) from goal_indicator gi join goal g on g.id = gi.goal_id join goal_area ga on ga.id = g.goal_area_id
            join plan_version v on v.id = ga.plan_version_id where v.is_current and g.code = '2.1'
            """);

        // 2026's annual statistics are not published yet, so the annual indicators show 2025 as their latest outcome.
        var document = await GetPage(client, "/?period=2026");

        Assert.Contains("Helår 2026", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var goal = GoalArticle(document, "2.1");
        // The goal's own table and counts (the nämnd's delmål under it have theirs further down).
        var rows = goal.QuerySelector("table.indicator-table")!.QuerySelectorAll("tbody tr");
        Assert.Equal(linked, rows.Length);
        var counts = goal.QuerySelector("ul.status-counts")!.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        foreach (var status in new[] { "Uppnått", "Delvis uppnått", "Ej uppnått", "Kan ej bedömas" })
        {
            var shown = rows.Count(r => r.QuerySelector(".status")!.TextContent.Trim().EndsWith(" " + status, StringComparison.Ordinal));
            Assert.Contains(counts, c => c.EndsWith($" {status}: {shown}", StringComparison.Ordinal));
        }

        Assert.Contains("Föreslagen bedömning:", goal.TextContent, StringComparison.Ordinal);
        Assert.Contains("senast publicerade", goal.TextContent, StringComparison.Ordinal);
        Assert.Contains("Årsstatistik publiceras året efter", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_links_indicators_goals_goal_areas_and_committees_with_plan_and_period()
    {
        var (app, client, connectionString) = await SignedIn();
        await using var _app = app;
        using var _client = client;
        var planId = await Scalar<int>(connectionString, "select id from plan where area_id = '0022'");
        var indicatorId = await Scalar<int>(connectionString, "select id from indicator where area_id = '0022' and code = 'N79173'");
        var goalId = await Scalar<int>(connectionString, CurrentGoal21);
        var hsn = await Scalar<int>(connectionString, "select id from committee where area_id = '0022' and code = 'HSN'");

        var document = await GetPage(client, "/?period=2025-JA");

        var links = document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"indikator/{indicatorId}?plan={planId}&period=2025-JA", links);
        Assert.Contains($"mal/{goalId}?period=2025-JA", links);
        Assert.Contains(links, l => l!.StartsWith("malomrade/", StringComparison.Ordinal));
        Assert.Contains($"namnd/{hsn}", links);
    }

    [Fact]
    public async Task The_overview_filtered_by_nämnd_code_shows_only_that_nämnds_goals_and_indicators()
    {
        var (app, client, connectionString) = await SignedIn();
        await using var _app = app;
        using var _client = client;
        var runGoals = (await new NpgsqlConnection(connectionString).QueryAsync<string>(
            "select g.code from goal g join committee c on c.id = g.owner_committee_id where c.area_id = '0022' and c.code = 'RUN'")).ToHashSet();

        var document = await GetPage(client, "/?namnd=RUN");

        Assert.Equal("Regionala utvecklingsnämnden", document.QuerySelector("#namnd option[selected]")!.TextContent);
        var shown = document.QuerySelectorAll("article.goal").ToList();
        Assert.NotEmpty(shown);
        foreach (var goal in shown)
        {
            var code = goal.QuerySelector("h3 .code")!.TextContent.Replace("Mål ", "", StringComparison.Ordinal);
            Assert.True(runGoals.Contains(code) || goal.QuerySelectorAll("tbody tr").All(r => r.TextContent.Contains("Regionala utvecklingsnämnden", StringComparison.Ordinal)),
                $"Mål {code} is shown for RUN without being RUN's.");
        }

        Assert.Contains(runGoals, code => shown.Any(g => g.QuerySelector("h3 .code")!.TextContent == $"Mål {code}"));
    }

    [Fact]
    public async Task An_invalid_period_or_status_falls_back_with_a_Swedish_notice()
    {
        var (app, client, _) = await SignedIn();
        await using var _app = app;
        using var _client = client;

        var response = await client.GetAsync(new Uri("/?period=1999-XY&status=ok&namnd=abc", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Perioden ”1999-XY” finns inte", html, StringComparison.Ordinal);
        Assert.Contains("Statusen ”ok” finns inte", html, StringComparison.Ordinal);
        Assert.Contains("Nämnden ”abc” finns inte", html, StringComparison.Ordinal);
        Assert.Contains("Regionplan 2025–2027", html, StringComparison.Ordinal);

        var outside = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/?period=2019", UriKind.Relative)));
        Assert.Contains("Helår 2019 ligger utanför planperioden 2025–2027", outside, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_goal_page_shows_the_goal_text_from_the_plan_its_indicators_and_the_suggested_assessment()
    {
        var (app, client, connectionString) = await SignedIn();
        await using var _app = app;
        using var _client = client;
        var goalId = await Scalar<int>(connectionString, CurrentGoal21);
        var name = await Scalar<string>(connectionString, "select name from goal where id = @goalId", new { goalId });
        var description = await Scalar<string>(connectionString, "select coalesce(description, '') from goal where id = @goalId", new { goalId });
        var indicators = await Scalar<long>(connectionString, "select count(*) from goal_indicator where goal_id = @goalId", new { goalId });

        var document = await GetPage(client, $"/mal/{goalId}?period=2025");

        Assert.Equal($"Mål 2.1 {name}", document.QuerySelector("h1")!.TextContent.Trim());
        if (description.Length > 0)
        {
            Assert.Equal(description, document.QuerySelector(".goal-description")!.TextContent.Trim());
        }

        Assert.Contains("Hälso- och sjukvårdsnämnden", document.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(indicators, document.QuerySelector("table.indicator-table")!.QuerySelectorAll("tbody tr").Length);
        var suggestion = document.QuerySelector(".suggestion")!.TextContent;
        Assert.Contains("Förslag:", suggestion, StringComparison.Ordinal);
        Assert.Contains("Regel: Uppfyllt när minst 100", suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_goal_area_page_shows_its_goals_with_counts_and_suggestions()
    {
        var (app, client, connectionString) = await SignedIn();
        await using var _app = app;
        using var _client = client;
        var areaId = await Scalar<int>(connectionString, """
            select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id where v.is_current and ga.code = '2'
            """);
        var goals = (await new NpgsqlConnection(connectionString).QueryAsync<string>(
            "select code from goal where goal_area_id = @areaId order by sort_order, code", new { areaId })).ToList();

        var document = await GetPage(client, $"/malomrade/{areaId}");

        Assert.StartsWith("Målområde 2", document.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        var summaryRows = document.QuerySelectorAll("table.goal-summary tbody tr");
        Assert.Equal(goals, summaryRows.Select(r => r.QuerySelector("th .code")!.TextContent.Replace("Mål ", "", StringComparison.Ordinal)).ToList());
        Assert.All(summaryRows, r => Assert.Contains("Förslag:", r.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_HSN_page_lists_only_goals_and_indicators_HSN_owns()
    {
        var (app, client, connectionString) = await SignedIn("hsn");
        await using var _app = app;
        using var _client = client;
        var hsn = await Scalar<int>(connectionString, "select id from committee where area_id = '0022' and code = 'HSN'");
        await using var connection = new NpgsqlConnection(connectionString);
        // The page follows the current (adopted) version, not Sjukvårdspartiet's proposal beside it.
        var ownedGoals = (await connection.QueryAsync<string>("""
            select g.code from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            where v.is_current and g.owner_committee_id = @hsn
            """, new { hsn })).ToHashSet();
        var otherGoalsWithHsnIndicators = (await connection.QueryAsync<string>("""
            select distinct g.code from goal g join goal_indicator gi on gi.goal_id = g.id join indicator i on i.id = gi.indicator_id
            join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            where v.is_current and i.owner_committee_id = @hsn and g.owner_committee_id is distinct from @hsn
            """, new { hsn })).ToHashSet();

        var document = await GetPage(client, $"/namnd/{hsn}");

        Assert.StartsWith("Hälso- och sjukvårdsnämnden", document.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        var shown = document.QuerySelectorAll("article.goal h3 .code").Select(c => c.TextContent.Replace("Mål ", "", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(ownedGoals.Union(otherGoalsWithHsnIndicators).ToHashSet(), shown);
        foreach (var code in otherGoalsWithHsnIndicators)
        {
            Assert.All(GoalArticle(document, code).QuerySelectorAll("tbody tr"),
                row => Assert.Contains("Hälso- och sjukvårdsnämnden", row.TextContent, StringComparison.Ordinal));
        }

        var list = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/namnder", UriKind.Relative)));
        Assert.Contains($"href=\"namnd/{hsn}\"", list, StringComparison.Ordinal);
        Assert.Contains("Regionala utvecklingsnämnden", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_shows_the_adopted_version_and_the_plan_editor_lists_Sjukvårdspartiets_proposal_beside_it()
    {
        var (app, client, connectionString) = await SignedIn("analytiker");
        await using var _app = app;
        using var _client = client;
        var planId = await Scalar<int>(connectionString, "select id from plan where name = 'Regionplan 2025–2027'");
        var proposalId = await Scalar<int>(connectionString, "select id from plan_version where name = 'Sjukvårdspartiets förslag'");

        // The overview follows the current (adopted) version: its mål 1.1, not the proposal's.
        var overview = await GetPage(client, "/");
        var goals = overview.QuerySelectorAll("article.goal h3").Select(h => h.TextContent).ToList();
        Assert.Contains(goals, g => g.Contains("Mål 1.1 Vi agerar som en sammanhållande kraft för en hållbar samhällsutveckling", StringComparison.Ordinal));
        Assert.DoesNotContain(goals, g => g.Contains("Vi erbjuder goda livsvillkor", StringComparison.Ordinal));
        Assert.DoesNotContain(goals, g => g.Contains("Mål 1.3 ", StringComparison.Ordinal));

        // The plan editor lists both versions, shows the adopted one by default and the proposal on request.
        var editor = await GetPage(client, $"/planer/{planId}");
        var rows = editor.QuerySelectorAll("table.versions tbody tr").Select(r => string.Join(' ', r.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.StartsWith("Fastställd plan (visas nedan) Beslutad", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Sjukvårdspartiets förslag Alternativt förslag, Sjukvårdspartiet", StringComparison.Ordinal));
        Assert.Contains($"planer/{planId}?version={proposalId}", editor.QuerySelectorAll("table.versions a").Select(a => a.GetAttribute("href")));
        Assert.Contains(editor.QuerySelectorAll("h2"), h => h.TextContent == "Målområden och mål i ”Fastställd plan”");

        var proposal = await GetPage(client, $"/planer/{planId}?version={proposalId}");
        Assert.Contains(proposal.QuerySelectorAll("h2"), h => h.TextContent == "Målområden och mål i ”Sjukvårdspartiets förslag”");
        Assert.Contains("Vi säkerställer tillgång till nära, tillgänglig och jämlik vård i hela länet", proposal.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/mal/999999")]
    [InlineData("/malomrade/999999")]
    [InlineData("/namnd/999999")]
    public async Task An_unknown_id_gets_the_Swedish_not_found_page(string path)
    {
        var (app, client, _) = await SignedIn();
        await using var _app = app;
        using var _client = client;

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
