using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dapper;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests.Comparison;

/// <summary>
/// The comparison page (issue 21) on the demo with a copy of its adopted version whose mål 1.1 is recoded 1.9: bad
/// addresses give a Swedish notice and the choice form, never an error; every role reads the comparison; an analyst
/// matches the recoded mål and removes the match again.
/// </summary>
public class ComparisonPageTests : IAsyncLifetime
{
    TestWebApp app = default!;
    int adoptedId;
    int copyId;
    int planId;
    string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        _ = app.Server;   // starts the app, which loads the demo plan and its users
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        (planId, adoptedId) = await connection.QuerySingleAsync<(int, int)>("""
            select p.id, v.id from plan p join plan_version v on v.plan_id = p.id
            where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'
            """);
        copyId = await new PlanEditor(dataSource).CreateVersionAsync(
            planId, new PlanVersionDraft("Ändrat förslag", "proposal", "Test", null, false), adoptedId, new Actor("analytiker", null));
        await connection.ExecuteAsync("""
            update goal set code = '1.9' where code = '1.1' and goal_area_id in (select id from goal_area where plan_version_id = @CopyId)
            """, new { CopyId = copyId });
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<HttpClient> SignedInAsync(string user)
    {
        var client = app.CreateClient();
        await TestUsers.SignInAsync(client, user, "demo-2025");
        return client;
    }

    static async Task<IDocument> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page a post was redirected to (the client follows redirects): the comparison again.</summary>
    static async Task<IDocument> Followed(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/jamfor?fran=", response.RequestMessage!.RequestUri!.PathAndQuery, StringComparison.Ordinal);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("jamfor?fran=abc&till=1", "Versionen att jämföra från (”abc”) är inget versionsnummer.")]
    [InlineData("jamfor?fran=1&till=-4", "Versionen att jämföra med (”-4”) är inget versionsnummer.")]
    [InlineData("jamfor?fran=999999&till=999998", "En av de valda versionerna finns inte, eller hör till en organisation du inte har tillgång till.")]
    [InlineData("jamfor?fran=999999", "Välj båda versionerna som ska jämföras.")]
    [InlineData("jamfor?plan=xyz", "Planen ”xyz” finns inte, eller hör till en organisation du inte har tillgång till.")]
    [InlineData("jamfor?plan=99999", "Planen ”99999” finns inte")]
    [InlineData("jamfor?fran=1&till=99999999999999999999", "är inget versionsnummer.")]
    public async Task A_bad_address_gives_a_Swedish_notice_and_the_choice_form(string path, string notice)
    {
        using var client = await SignedInAsync("ledning");

        var page = await PageAsync(client, path);

        Assert.Contains(page.QuerySelectorAll(".notice"), n => n.TextContent.Contains(notice, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("form select#fran"));
        Assert.NotNull(page.QuerySelector("form select#till"));
        Assert.Null(page.QuerySelector(".comparison-summary"));
    }

    [Fact]
    public async Task A_bad_period_gives_a_notice_and_the_default_period()
    {
        using var client = await SignedInAsync("granskare");

        var page = await PageAsync(client, $"jamfor?fran={adoptedId}&till={copyId}&period=2099");

        Assert.Contains(page.QuerySelectorAll(".notice"), n => n.TextContent.Contains("Perioden Helår 2099 ligger utanför planernas år", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector(".comparison-summary"));
        var nonsense = await PageAsync(client, $"jamfor?fran={adoptedId}&till={copyId}&period=hej");
        Assert.Contains(nonsense.QuerySelectorAll(".notice"), n => n.TextContent.Contains("Perioden ”hej” finns inte", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_role_reads_the_comparison_with_counts_marked_differences_and_export_links_but_only_an_analyst_sees_the_match_form()
    {
        foreach (var user in new[] { "ledning", "hsn", "granskare", "analytiker" })
        {
            using var client = await SignedInAsync(user);
            var page = await PageAsync(client, $"jamfor?fran={adoptedId}&till={copyId}&period=2025");

            var counts = page.QuerySelector(".comparison-summary .counts")!.TextContent;
            Assert.Matches(@"Under Fastställd plan: \d+ av \d+ uppnådda; under Ändrat förslag: \d+ av \d+ uppnådda\.", string.Join(' ', counts.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            Assert.Contains(page.QuerySelectorAll(".tag.difference"), t => t.TextContent == "Bara i Fastställd plan");
            Assert.Contains(page.QuerySelectorAll(".tag.difference"), t => t.TextContent == "Bara i Ändrat förslag");
            Assert.Contains(page.QuerySelectorAll(".exports a"), a => a.GetAttribute("href") == $"jamfor/excel?fran={adoptedId}&till={copyId}&period=2025");
            Assert.Contains(page.QuerySelectorAll(".exports a"), a => a.GetAttribute("href") == $"jamfor/pdf?fran={adoptedId}&till={copyId}&period=2025");
            Assert.Contains(page.QuerySelectorAll(".exports a"), a => a.GetAttribute("href") == $"jamfor/text?fran={adoptedId}&till={copyId}&period=2025");
            Assert.NotEmpty(page.QuerySelectorAll(".comparison-judged details.explained"));
            Assert.Equal(user == "analytiker", page.QuerySelector("form.match-form") is not null);
        }
    }

    [Fact]
    public async Task Between_two_organisations_each_side_shows_the_outcome_of_its_own_region_instead_of_one_shared_column()
    {
        using var client = await SignedInAsync("ledning");
        await using var connection = new NpgsqlConnection(connectionString);
        var västerbotten = await connection.QuerySingleAsync<int>(
            "select v.id from plan_version v join plan p on p.id = v.plan_id where p.area_id = '0024' and v.is_current");

        var page = await PageAsync(client, $"jamfor?fran={adoptedId}&till={västerbotten}&period=2025");
        var shared = await PageAsync(client, $"jamfor?fran={adoptedId}&till={copyId}&period=2025");

        var table = page.QuerySelector("table.comparison-judged")!;
        Assert.DoesNotContain(table.QuerySelectorAll("thead th"), th => th.TextContent.Trim() == "Utfall");
        var both = table.QuerySelectorAll("tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(td => td.QuerySelector(".detail")?.TextContent ?? "").ToList())
            .Where(cells => cells.Count == 2 && cells.All(c => c.StartsWith("Utfall: ", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(both);
        Assert.Contains(both, cells => cells[0] != cells[1]);
        Assert.Contains(shared.QuerySelectorAll("table.comparison-judged thead th"), th => th.TextContent.Trim() == "Utfall");
        Assert.DoesNotContain(shared.QuerySelectorAll("table.comparison-judged .detail"), d => d.TextContent.StartsWith("Utfall: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_overview_link_compares_the_plans_current_version_with_its_other_one()
    {
        using var client = await SignedInAsync("ledning");

        var overview = await PageAsync(client, "/");
        var link = overview.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Jämför med en annan version", StringComparison.Ordinal)).GetAttribute("href")!;
        var page = await PageAsync(client, link);

        Assert.Contains($"plan={planId}", link, StringComparison.Ordinal);
        Assert.Equal(adoptedId.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("select#fran option[selected]")!.GetAttribute("value"));
        Assert.Equal(copyId.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("select#till option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_analyst_matches_the_recoded_mål_and_removes_the_match_again()
    {
        using var client = await SignedInAsync("analytiker");
        var path = $"jamfor?fran={adoptedId}&till={copyId}&period=2025";
        var before = await PageAsync(client, path);
        var left = before.QuerySelectorAll("select#vansterMal option").Single(o => o.TextContent.StartsWith("1.1 ", StringComparison.Ordinal)).GetAttribute("value")!;
        var right = before.QuerySelectorAll("select#hogerMal option").Single(o => o.TextContent.StartsWith("1.9 ", StringComparison.Ordinal)).GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["fran"] = $"{adoptedId}", ["till"] = $"{copyId}", ["period"] = "2025", ["vansterMal"] = left, ["hogerMal"] = right };

        var matched = await TestUsers.PostFormAsync(client, path, "/jamfor/matchning", fields);

        var after = await Followed(matched);
        Assert.Contains(after.QuerySelectorAll(".notice"), n => n.TextContent == "Målen är matchade.");
        Assert.Contains(after.QuerySelectorAll("h4"), h => h.TextContent.Contains("Mål 1.1 / 1.9", StringComparison.Ordinal) && h.TextContent.Contains("Matchat av analytiker", StringComparison.Ordinal));
        Assert.Null(after.QuerySelector("form.match-form"));

        var again = await Followed(await TestUsers.PostFormAsync(client, path, "/jamfor/matchning", fields));
        Assert.Contains(again.QuerySelectorAll(".notice.error"), n => n.TextContent.Contains("har samma kod", StringComparison.Ordinal) || n.TextContent.Contains("redan matchat", StringComparison.Ordinal));

        var removed = await TestUsers.PostFormAsync(client, path, "/jamfor/matchning/ta-bort", fields);
        var last = await Followed(removed);
        Assert.Contains(last.QuerySelectorAll(".notice"), n => n.TextContent == "Matchningen är borttagen.");
        Assert.NotNull(last.QuerySelector("form.match-form"));
    }
}
