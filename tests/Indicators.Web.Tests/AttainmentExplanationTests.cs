using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Plans;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests;

public class AttainmentExplanationTests
{
    static Dictionary<string, string?> WithDemo => new() { ["DemoPlan:Enabled"] = "true" };

    static string Normalised(string html) => WebUtility.HtmlDecode(html).Replace('\u00A0', ' ');

    [Fact]
    public async Task The_explanation_page_states_the_rules_in_Swedish_with_examples_computed_by_the_engine()
    {
        var html = Normalised(await RulesPageAsync());

        Assert.Contains("<h1>Så bedöms måluppfyllelse</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Ej uppnått: utfall 71,2 % mot målvärde 80,0 %, 8,8 procentenheter under; delvis-gräns 5,0 procentenheter.", html, StringComparison.Ordinal);
        Assert.Contains("Delvis uppnått: utfall 76,5 % mot målvärde 80,0 %, 3,5 procentenheter under; delvis-gräns 5,0 procentenheter.", html, StringComparison.Ordinal);
        Assert.Contains("helårsmål 0 mnkr × 8/12", html, StringComparison.Ordinal);
        Assert.Contains("utfallet är skyddat hos källan", html, StringComparison.Ordinal);
        Assert.Contains("Förslag: Delvis uppfyllt", html, StringComparison.Ordinal);
        // Every forecast method is described, and the examples are the forecast rule's own output.
        foreach (var method in new[] { ForecastMethod.LastValue, ForecastMethod.RecentMean, ForecastMethod.RecentLinearTrend, ForecastMethod.DampedTrend,
            ForecastMethod.LinearProRating })
        {
            Assert.Contains(method.SwedishName(), html, StringComparison.OrdinalIgnoreCase);
        }

        var soliditet = ForecastRule.PlanEnd([.. new[] { 20.4m, 25.1m, 29.6m, 31.0m, 22.3m, 16.6m, 12.4m }.Select((v, i) => new YearValue(2019 + i, v))], 2027,
            new IndicatorRule(Direction.HigherIsBetter, "%", 1));
        Assert.Contains("Soliditet: " + soliditet.Explanation.Replace('\u00A0', ' '), html, StringComparison.Ordinal);
        foreach (var heading in new[] { "Trend", "Framsteg mot planens slutmål", "Prognos", "Förslag till bedömning av ett mål", "Kön", "Jämförelse med andra regioner" })
        {
            Assert.Contains($">{heading}</h2>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_start_page_shows_each_indicators_latest_outcome_with_a_status_and_trend_that_explain_themselves()
    {
        await using var app = new TestWebApp(await TestPostgres.CreateEmptyDatabaseAsync(), WithDemo);
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "ledning", "demo-2025");

        var html = Normalised(await client.GetStringAsync(new Uri("/", UriKind.Relative)));

        // The newest outcomes are from August 2026, so the start page shows delår jan–aug 2026.
        // Listade patienter per allmänspecialist, aug 2026: 1 341 against 1 200 (lower is better), tolerance 5 % of the target = 60;
        // the indicator counts patients, so its values read in patienter rather than antal.
        Assert.Contains("Ej uppnått: utfall 1 341 patienter mot målvärde 1 200 patienter, 141 patienter över; delvis-gräns 60 patienter (5,0 % av målvärdet).", html, StringComparison.Ordinal);
        Assert.Contains("Bättre: 1 341 patienter aug 2026 mot 1 354 patienter aug 2025, 13 patienter lägre; minsta skillnad 10 patienter.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"sa-bedoms-maluppfyllelse#status\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revised_outcome_changes_the_status_shown()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, WithDemo);
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "hsn", "demo-2025");
        await client.GetStringAsync(new Uri("/", UriKind.Relative));

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync("""
                update observation set value = 1190
                where period = '2026-08' and area_id = '0022' and gender = 'T'
                  and indicator_id = (select id from indicator where code = 'LISTADE_PER_ALLMANSPECIALIST')
                """);
        }

        var html = Normalised(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains("Uppnått: utfall 1 190 patienter mot målvärde 1 200 patienter, 10 patienter under; delvis-gräns 60 patienter", html, StringComparison.Ordinal);
        Assert.DoesNotContain("utfall 1 341 patienter", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rules_page_shows_every_progress_method_with_examples_computed_by_the_engine()
    {
        var html = Regex.Replace(Normalised(await RulesPageAsync()), @"\s+", " ");

        Assert.Contains("Försämring. Metod: Open SDG:s tillväxtkvot mot målvärdet, på årsvärden. 2024 16,6 % → 2025 12,4 %, målvärde 16,0 % 2027.", html, StringComparison.Ordinal);
        Assert.Contains("värdena är negativa, så en minskning av beloppet räknas som en ökning", html, StringComparison.Ordinal);
        Assert.Contains("I fas. Metod: linjär bana mot målvärdet, på årsvärden. 2024 −600 mnkr → 2025 −362 mnkr, målvärde 0 mnkr 2027", html, StringComparison.Ordinal);
        Assert.Contains("Metod: Open SDG:s tillväxtkvot mot målvärdet, på rullande 12 månader t.o.m. augusti (medelvärde). sep 2023–aug 2024 4,5 % → sep 2025–aug 2026 2,8 %", html, StringComparison.Ordinal);
        Assert.Contains("Metod: Open SDG:s årliga tillväxttakt (utan målvärde), på årsvärden. 2024 241 980 invånare → 2025 241 610 invånare.", html, StringComparison.Ordinal);
        Assert.Contains("Kan ej bedömas: inget värde efter basåret 2024", html, StringComparison.Ordinal);
        Assert.Contains("minst 0,95 <strong>i fas</strong>, minst 0,6 <strong>behöver öka takten</strong>", html, StringComparison.Ordinal);
    }

    /// <summary>The rules page as a signed-in Ledning user gets it, on a database without a plan.</summary>
    static async Task<string> RulesPageAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "nils", "Ledning");
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "nils");
        return await client.GetStringAsync(new Uri("/sa-bedoms-maluppfyllelse", UriKind.Relative));
    }
}
