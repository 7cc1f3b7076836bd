using System.Net;
using Indicators.Core.Attainment;
using Indicators.Data.Audit;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests;

/// <summary>The goal rule on the rules page (/sa-bedoms-maluppfyllelse) and the dashboard, on the demo plan.</summary>
public class GoalRulePageTests
{
    static Dictionary<string, string?> WithDemo => new() { ["DemoPlan:Enabled"] = "true" };

    static string Normalised(string html) => WebUtility.HtmlDecode(html).Replace('\u00A0', ' ');

    [Fact]
    public async Task The_rules_page_states_the_default_rule_with_computed_examples_and_the_plans_own_rule_once_an_analyst_changes_it()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, WithDemo);
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "ledning", "demo-2025");

        var html = Normalised(await client.GetStringAsync(new Uri("/sa-bedoms-maluppfyllelse", UriKind.Relative)));
        Assert.Contains("Räknas minst 100 % som uppnådd (alla är uppnådda): <strong>uppfyllt</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Förslag: Ej uppfyllt – ingen indikator är uppnådd och mer än 50 % räknas som ej uppnådd. Räknat: 0 av 3 uppnådd (0 %), 2 ej uppnådd (66,7 %).", html, StringComparison.Ordinal);
        Assert.Contains("Regeln i Regionplan 2025–2027 (Fastställd plan)", html, StringComparison.Ordinal);
        Assert.Contains("Planen följer standardregeln.", html, StringComparison.Ordinal);

        // An analyst makes two thirds enough and weighs one indicator double, through the store the plan page uses.
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var store = new GoalRuleEditor(dataSource);
        var planId = (await new PlanQueries(dataSource).ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId;
        var opened = (await store.ReadForPlanAsync(planId))!;
        var sick = opened.Indicators.Single(i => i.Code == "SJUKFRANVARO");
        await store.SaveAsync(opened.VersionId, opened.RowVersion,
            new GoalRuleEdit(new GoalRule(60, 40), new Dictionary<int, decimal> { [sick.IndicatorId] = 2 }), new Actor("analytiker", null));

        html = Normalised(await client.GetStringAsync(new Uri($"/sa-bedoms-maluppfyllelse?plan={planId}", UriKind.Relative)));
        Assert.Contains("Planen har egna andelar. Uppfyllt när minst 60 % av de bedömbara indikatorernas vikt räknas som uppnådd; "
            + "ej uppfyllt när ingen indikator är uppnådd och mer än 40 % av vikten räknas som ej uppnådd; annars delvis uppfyllt.", html, StringComparison.Ordinal);
        Assert.Contains("Indikatorer med en annan vikt än 1: Sjukfrånvaro bland medarbetare: 2.", html, StringComparison.Ordinal);
        Assert.Contains("Exempel med planens regel: Förslag: Delvis uppfyllt – en del är uppnådd men mindre än 60 %. Räknat: 1,5 av 3 uppnådd (50 %)", html, StringComparison.Ordinal);

        // Goal 3.1 (two of three uppnådda, one of them now weighing 2) is suggested uppfyllt on its page.
        var goalPage = Normalised(await client.GetStringAsync(new Uri($"/?plan={planId}", UriKind.Relative)));
        // (3 of 4, or 3,5 of 4 should the delvis indicator's progress be i fas: at least 75 % either way.)
        Assert.Matches("Förslag: Uppfyllt – minst 60 % räknas som uppnådd\\. Räknat med vikter: 3(,5)? av 4 uppnådd", goalPage);

        // A plan that does not exist, or no number at all, shows the newest plan's rule and no error.
        foreach (var hostile in new[] { "987654", "abc", "-1", "99999999999" })
        {
            var response = await client.GetAsync(new Uri($"/sa-bedoms-maluppfyllelse?plan={hostile}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Normalised(await response.Content.ReadAsStringAsync());
            Assert.Contains("Planen som angavs finns inte; här visas den senaste planen.", page, StringComparison.Ordinal);
            Assert.Contains("Planen har egna andelar.", page, StringComparison.Ordinal);
        }
    }
}
