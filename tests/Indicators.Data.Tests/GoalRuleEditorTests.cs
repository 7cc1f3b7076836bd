using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Editing;
using Indicators.Core.FollowUp;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.Demo;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>A plan version's goal rule, written through <see cref="GoalRuleEditor"/> on the demo plan.</summary>
public class GoalRuleEditorTests
{
    static readonly Actor Analyst = new("anna.analytiker", "127.0.0.1");
    static readonly Actor Leader = new("lars.ledning", "127.0.0.2");

    sealed record Demo(NpgsqlDataSource DataSource, GoalRuleEditor Store, int PlanId, int VersionId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => DataSource.DisposeAsync();

        public async Task<int> IndicatorIdAsync(string code)
        {
            await using var connection = await DataSource.OpenConnectionAsync();
            return await connection.ExecuteScalarAsync<int>("select id from indicator where code = @Code", new { Code = code });
        }

        public async Task<GoalAssessment> SuggestionAsync(string goalCode)
        {
            var plan = (await new PlanQueries(DataSource).GetOverviewAsync(PlanId, FollowUpPeriod.Interim(2026)))!;
            var goal = plan.GoalAreas.SelectMany(a => a.Goals).Single(g => g.Code == goalCode);
            return GoalAssessmentRule.Suggest(goal.Indicators.Select(i => i.Judgement(i.StandingIn(plan.Period, plan.StartYear, plan.EndYear))), plan.Rule).Assessment;
        }

        public async Task<List<(string Action, string Before, string After)>> AuditAsync()
        {
            await using var connection = await DataSource.OpenConnectionAsync();
            return [.. await connection.QueryAsync<(string, string, string)>(
                "select action, before::text, after::text from audit_log where entity = 'goal_rule' order by id")];
        }
    }

    static async Task<Demo> DemoAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        await TestUsers.CreateAsync(connectionString, Analyst.UserName!, "Analytiker", committeeId: null);
        await TestUsers.CreateAsync(connectionString, Leader.UserName!, "Ledning", committeeId: null);
        var planId = (await new PlanQueries(dataSource).ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId;
        var store = new GoalRuleEditor(dataSource);
        var settings = (await store.ReadForPlanAsync(planId))!;
        return new Demo(dataSource, store, planId, settings.VersionId);
    }

    [Fact]
    public async Task The_demo_plan_has_the_default_rule_and_every_indicator_of_its_goals_weighs_1()
    {
        await using var demo = await DemoAsync();

        var settings = (await demo.Store.ReadForPlanAsync(demo.PlanId))!;

        Assert.Equal(GoalRule.Default, settings.Rule);
        Assert.True(settings.Indicators.Count >= 19, string.Join(", ", settings.Indicators.Select(i => i.Code)));
        Assert.All(settings.Indicators, i => Assert.Equal(1m, i.Weight));
        Assert.Null(await demo.Store.ReadForPlanAsync(987654));
    }

    [Fact]
    public async Task An_analyst_sets_the_shares_and_a_weight_the_dashboard_suggests_by_them_and_the_audit_log_has_before_and_after()
    {
        await using var demo = await DemoAsync();
        var perManager = await demo.IndicatorIdAsync("MEDARBETARE_PER_CHEF");
        Assert.Equal(GoalAssessment.PartlyMet, await demo.SuggestionAsync("3.1"));

        // Goal 3.1: two of three uppnådda, the third delvis – uppfyllt once 60 % suffice …
        var opened = (await demo.Store.ReadAsync(demo.VersionId))!;
        var saved = await demo.Store.SaveAsync(demo.VersionId, opened.RowVersion, new GoalRuleEdit(new GoalRule(60, 40), new Dictionary<int, decimal>()), Analyst);
        Assert.Equal(GoalAssessment.Met, await demo.SuggestionAsync("3.1"));

        // … and delvis again at 70 % when the indicator that is only delvis uppnått weighs 4 (it counts at most half of
        // that as uppnådd, whatever its progress: at most 4 of 6).
        await demo.Store.SaveAsync(demo.VersionId, saved, new GoalRuleEdit(new GoalRule(70, 40), new Dictionary<int, decimal> { [perManager] = 4 }), Analyst);
        Assert.Equal(GoalAssessment.PartlyMet, await demo.SuggestionAsync("3.1"));

        var stored = (await demo.Store.ReadAsync(demo.VersionId))!;
        Assert.Equal(new GoalRule(70, 40), stored.Rule);
        var weighted = Assert.Single(stored.Weighted);
        Assert.Equal(("MEDARBETARE_PER_CHEF", 4m), (weighted.Code, weighted.Weight));
        var audit = await demo.AuditAsync();
        Assert.Equal(2, audit.Count);
        Assert.Contains("\"MetShare\": 100", audit[0].Before, StringComparison.Ordinal);
        Assert.Contains("\"MetShare\": 60", audit[0].After, StringComparison.Ordinal);
        Assert.Contains("{\"Weight\": 4, \"Indicator\": \"MEDARBETARE_PER_CHEF\"}", audit[1].After, StringComparison.Ordinal);
        Assert.Contains("\"Weights\": []", audit[1].Before, StringComparison.Ordinal);

        // Saving the same settings again changes nothing and writes no entry.
        await demo.Store.SaveAsync(demo.VersionId, stored.RowVersion, new GoalRuleEdit(new GoalRule(70, 40), new Dictionary<int, decimal> { [perManager] = 4 }), Analyst);
        Assert.Equal(2, (await demo.AuditAsync()).Count);
    }

    [Fact]
    public async Task Bad_shares_and_weights_are_refused_with_Swedish_messages_by_field_and_nothing_is_written()
    {
        await using var demo = await DemoAsync();
        var perManager = await demo.IndicatorIdAsync("MEDARBETARE_PER_CHEF");
        var opened = (await demo.Store.ReadAsync(demo.VersionId))!;

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.SaveAsync(demo.VersionId, opened.RowVersion,
            new GoalRuleEdit(new GoalRule(40, 50), new Dictionary<int, decimal> { [perManager] = 0, [987654] = 2 }), Analyst));

        Assert.Equal(["MetShare", $"Weights[{perManager}]", "Weights[987654]"], refused.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Contains(refused.Errors, e => e.Message == "Andelen för uppfyllt (40\u00A0%) måste vara större än andelen för ej uppfyllt (50\u00A0%).");
        Assert.Contains(refused.Errors, e => e.Message.StartsWith("Vikten för Medarbetare per chef måste vara större än 0", StringComparison.Ordinal));
        var after = (await demo.Store.ReadAsync(demo.VersionId))!;
        Assert.Equal((opened.Rule, opened.RowVersion), (after.Rule, after.RowVersion));
        Assert.Equal(opened.Indicators, after.Indicators);
        Assert.Empty(await demo.AuditAsync());
    }

    [Fact]
    public async Task Only_an_active_analyst_or_administrator_may_change_the_rule_whatever_page_calls_the_store()
    {
        await using var demo = await DemoAsync();
        var opened = (await demo.Store.ReadAsync(demo.VersionId))!;
        var edit = new GoalRuleEdit(new GoalRule(60, 40), new Dictionary<int, decimal>());

        foreach (var actor in new[] { Leader, new Actor("okand", null), new Actor(null, null) })
        {
            var refused = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.SaveAsync(demo.VersionId, opened.RowVersion, edit, actor));
            Assert.StartsWith("Du har inte behörighet att ändra regeln för målförslag", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(GoalRule.Default, (await demo.Store.ReadAsync(demo.VersionId))!.Rule);
        Assert.Empty(await demo.AuditAsync());
    }

    [Fact]
    public async Task A_save_from_a_form_opened_before_someone_elses_save_is_refused_and_theirs_stands()
    {
        await using var demo = await DemoAsync();
        var opened = (await demo.Store.ReadAsync(demo.VersionId))!;
        await demo.Store.SaveAsync(demo.VersionId, opened.RowVersion, new GoalRuleEdit(new GoalRule(90, 50), new Dictionary<int, decimal>()), Analyst);

        await Assert.ThrowsAsync<EditConflictException>(() => demo.Store.SaveAsync(
            demo.VersionId, opened.RowVersion, new GoalRuleEdit(new GoalRule(60, 40), new Dictionary<int, decimal>()), Analyst));

        Assert.Equal(new GoalRule(90, 50), (await demo.Store.ReadAsync(demo.VersionId))!.Rule);
    }

    [Fact]
    public async Task A_copied_version_takes_the_rule_and_the_weights_along()
    {
        await using var demo = await DemoAsync();
        var perManager = await demo.IndicatorIdAsync("MEDARBETARE_PER_CHEF");
        var opened = (await demo.Store.ReadAsync(demo.VersionId))!;
        await demo.Store.SaveAsync(demo.VersionId, opened.RowVersion, new GoalRuleEdit(new GoalRule(80, 30), new Dictionary<int, decimal> { [perManager] = 2.5m }), Analyst);

        var copyId = await new PlanEditor(demo.DataSource).CreateVersionAsync(
            demo.PlanId, new PlanVersionDraft("Oppositionens förslag", "proposal", "Oppositionen", null, false), demo.VersionId, Analyst);

        var copy = (await demo.Store.ReadAsync(copyId))!;
        Assert.Equal(new GoalRule(80, 30), copy.Rule);
        Assert.Equal(2.5m, copy.Indicators.Single(i => i.IndicatorId == perManager).Weight);
    }
}
