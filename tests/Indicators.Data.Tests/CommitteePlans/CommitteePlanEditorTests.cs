using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.CommitteePlans;
using Indicators.Core.Editing;
using Indicators.Core.FollowUp;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.CommitteePlans;
using Indicators.Data.Demo;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests.CommitteePlans;

/// <summary>Nämndplaner and delmål written through <see cref="CommitteePlanEditor"/> and read with the plan, on the demo plan.</summary>
public class CommitteePlanEditorTests
{
    static readonly Actor Analyst = new("anna.analytiker", "127.0.0.1");
    static readonly Actor Committee = new("hsn.vnl", "127.0.0.2");

    sealed record Demo(string ConnectionString, NpgsqlDataSource DataSource, CommitteePlanEditor Store, int PlanId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => DataSource.DisposeAsync();

        public async Task<CommitteePlanEditing> EditingAsync() => (await new CommitteePlanQueries(DataSource).ReadAsync(PlanId))!;

        public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
        {
            await using var connection = await DataSource.OpenConnectionAsync();
            return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
        }

        public async Task<List<(string Action, string Entity, string? Before, string? After)>> AuditAsync(string entity)
        {
            await using var connection = await DataSource.OpenConnectionAsync();
            return [.. await connection.QueryAsync<(string, string, string?, string?)>(
                "select action, entity, before::text, after::text from audit_log where entity = @Entity order by id", new { Entity = entity })];
        }

        public int Goal(CommitteePlanEditing editing, string code) => editing.Goals.Single(g => g.Code == code).Id;
    }

    static async Task<Demo> DemoAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        await TestUsers.CreateAsync(connectionString, Analyst.UserName!, "Analytiker", committeeId: null);
        await TestUsers.CreateAsync(connectionString, Committee.UserName!, "Namnd", "HSN");
        var planId = (await new PlanQueries(dataSource).ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId;
        return new Demo(connectionString, dataSource, new CommitteePlanEditor(dataSource), planId);
    }

    static SubGoalDraft Draft(int goalId, string code, params SubGoalIndicatorDraft[] indicators) =>
        new(goalId, code, "Medicinsk bedömning inom 3 dagar minst 85 %", "Nämndens eget delmål.", 3, indicators);

    static TargetDraft Target(int year, decimal value) => new(year, null, value, null, null, null, null, "Nämndens beslut", false);

    [Fact]
    public async Task The_demo_has_HSNs_verksamhetsplan_with_its_two_delmal_under_the_mal_their_indicators_serve()
    {
        await using var demo = await DemoAsync();

        var plan = Assert.Single((await demo.EditingAsync()).Plans);
        Assert.Equal("Verksamhetsplan 2025 (2026–2027)", plan.Draft.Name);
        Assert.Equal("Hälso- och sjukvårdsnämnden", plan.CommitteeName);
        var overview = (await new PlanQueries(demo.DataSource).GetOverviewAsync(demo.PlanId, FollowUpPeriod.Interim(2026)))!;
        var goals = overview.GoalAreas.SelectMany(a => a.Goals).ToDictionary(g => g.Code);
        var listed = Assert.Single(overview.OwnerSubGoals(goals["2.1"]));
        var drg = Assert.Single(overview.OwnerSubGoals(goals["2.2"]));
        Assert.Equal("LISTADE_PER_ALLMANSPECIALIST", Assert.Single(listed.Indicators).Code);
        Assert.Equal("DRG_AVVIKELSE_RIKET", Assert.Single(drg.Indicators).Code);
        Assert.Contains("högst 7,5 procent över snittet i riket", drg.Description);
        Assert.Contains("till 1100 sett över tid", listed.Description);
        // The nämndplan's 2027 målvärde, the regionplan's (exempel) path before it.
        var drgTargets = Assert.Single(drg.Indicators).Targets;
        Assert.Equal(7.5m, drgTargets.Single(t => t.Year == 2027).Value);
        Assert.False(drgTargets.Single(t => t.Year == 2027).IsExample);
        Assert.Equal(11m, drgTargets.Single(t => t.Year == 2026).Value);
        Assert.Empty(overview.OwnerSubGoals(goals["3.1"]));
    }

    [Fact]
    public async Task A_delmal_malvarde_is_told_apart_from_the_regionplans_for_the_same_indicator_and_year()
    {
        await using var demo = await DemoAsync();
        var editing = await demo.EditingAsync();
        var planId = Assert.Single(editing.Plans).Id;

        await demo.Store.CreateSubGoalAsync(planId, Draft(demo.Goal(editing, "2.1"), "HSN-2.1.2",
            new SubGoalIndicatorDraft("N79173", [Target(2026, 88), Target(2027, 90)])), Analyst);

        // The regionplan's målvärde for N79173 2026 is unchanged and still the only one the view "target" shows …
        var regionTargets = await demo.ScalarAsync<long>("""
            select count(*) from target t join indicator i on i.id = t.indicator_id join plan_version v on v.id = t.plan_version_id
            where v.is_current and i.area_id = '0022' and i.code = 'N79173' and t.year = 2026
            """);
        Assert.Equal(1, regionTargets);
        var overview = (await new PlanQueries(demo.DataSource).GetOverviewAsync(demo.PlanId, FollowUpPeriod.Interim(2026)))!;
        var goal = overview.GoalAreas.SelectMany(a => a.Goals).Single(g => g.Code == "2.1");
        var regionValue = goal.Indicators.Single(i => i.Code == "N79173").TargetFor(2026)!.Value;
        Assert.NotEqual(88m, regionValue);
        // … while the delmål's indicator is judged against the nämndplan's.
        var subGoal = overview.OwnerSubGoals(goal).Single(s => s.Code == "HSN-2.1.2");
        Assert.Equal(88m, Assert.Single(subGoal.Indicators).TargetFor(2026)!.Value);
        // The database allows one målvärde per plan: a second nämndplan row for the same year is refused.
        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => demo.ScalarAsync<int>("""
            insert into target_value (plan_version_id, committee_plan_id, indicator_id, year, value)
            select plan_version_id, committee_plan_id, indicator_id, year, 1 from target_value where committee_plan_id is not null and year = 2026 limit 1
            returning id
            """));
        Assert.Equal("23505", duplicate.SqlState);
    }

    [Fact]
    public async Task An_analyst_adds_edits_and_removes_a_delmal_each_audited_and_the_owner_suggestion_follows_the_delmal()
    {
        await using var demo = await DemoAsync();
        var editing = await demo.EditingAsync();
        var planId = Assert.Single(editing.Plans).Id;
        var goalId = demo.Goal(editing, "2.1");

        var id = await demo.Store.CreateSubGoalAsync(planId, Draft(goalId, "HSN-2.1.2", new SubGoalIndicatorDraft("N79173", [Target(2026, 1)])), Analyst);
        var opened = (await demo.EditingAsync()).Plans.Single().SubGoals.Single(s => s.Id == id);
        Assert.Equal(1m, Assert.Single(Assert.Single(opened.Draft.Indicators).Targets).Value);
        await demo.Store.UpdateSubGoalAsync(id, opened.RowVersion, opened.Draft with { Name = "Medicinsk bedömning inom 3 dagar", Indicators = [] }, Analyst);

        var conflict = await Assert.ThrowsAsync<EditConflictException>(() =>
            demo.Store.UpdateSubGoalAsync(id, opened.RowVersion, opened.Draft, Analyst));
        Assert.Contains("ändrats av någon annan", conflict.Message);
        Assert.Equal(0, await demo.ScalarAsync<long>("select count(*) from target_value t join indicator i on i.id = t.indicator_id where t.committee_plan_id is not null and i.area_id = '0022' and i.code = 'N79173'"));

        await demo.Store.DeleteSubGoalAsync(id, Analyst);

        var audit = await demo.AuditAsync("sub_goal");
        Assert.Equal(["create", "update", "delete"], audit.Select(a => a.Action));
        Assert.Contains("\"N79173\"", audit[0].After);
        Assert.Contains("\"Targets\"", audit[0].After);
        Assert.Contains("HSN-2.1.2", audit[2].Before);
        Assert.DoesNotContain(id, (await demo.EditingAsync()).Plans.Single().SubGoals.Select(s => s.Id));
    }

    [Fact]
    public async Task The_owner_nämnds_suggestion_of_a_mal_with_delmal_is_made_from_the_delmals_indicators()
    {
        await using var demo = await DemoAsync();
        var editing = await demo.EditingAsync();
        var planId = Assert.Single(editing.Plans).Id;
        var goalId = demo.Goal(editing, "3.1");
        var before = await SuggestionAsync(demo, "3.1");

        // A delmål whose only indicator is judged against an unreachable nämndplan målvärde makes the mål ej uppfyllt.
        await demo.Store.CreateSubGoalAsync(planId, Draft(goalId, "RS-X", new SubGoalIndicatorDraft("MEDARBETARE_PER_CHEF",
            [Target(2026, 1)])), Analyst);

        Assert.Equal(GoalAssessment.PartlyMet, before.Assessment);
        var after = await SuggestionAsync(demo, "3.1");
        // Goal 3.1 is RS's, the delmål HSN's: another nämnd's delmål does not change the owner's suggestion.
        Assert.Equal(before.Assessment, after.Assessment);
        Assert.DoesNotContain("delmål", after.Explanation);

        var hsnGoal = demo.Goal(editing, "2.2");
        var hsnBefore = await SuggestionAsync(demo, "2.2");
        await demo.Store.CreateSubGoalAsync(planId, Draft(hsnGoal, "HSN-X", new SubGoalIndicatorDraft("N79173", [Target(2026, 100), Target(2025, 100)])), Analyst);
        var hsnAfter = await SuggestionAsync(demo, "2.2");
        Assert.StartsWith("Utifrån nämndens delmål (HSN-2.2.1", hsnAfter.Explanation);
        Assert.Contains("HSN-X", hsnAfter.Explanation);
        Assert.NotEqual(hsnBefore.Explanation, hsnAfter.Explanation);
    }

    static async Task<GoalAssessmentResult> SuggestionAsync(Demo demo, string goalCode)
    {
        var plan = (await new PlanQueries(demo.DataSource).GetOverviewAsync(demo.PlanId, FollowUpPeriod.Interim(2026)))!;
        var goal = plan.GoalAreas.SelectMany(a => a.Goals).Single(g => g.Code == goalCode);
        Judgement(plan, goal, out var own, out var subGoals);
        return SubGoalSuggestion.SuggestGoal(own, subGoals, plan.Rule);
    }

    static void Judgement(PlanOverview plan, GoalOverview goal, out List<IndicatorJudgement> own, out List<SubGoalJudgement> subGoals)
    {
        own = [.. goal.Indicators.Select(i => i.Judgement(i.StandingIn(plan.Period, plan.StartYear, plan.EndYear)))];
        subGoals = [.. plan.OwnerSubGoals(goal).Select(s => new SubGoalJudgement(s.Code, s.Name,
            [.. s.Indicators.Select(i => i.Judgement(i.StandingIn(plan.Period, plan.StartYear, plan.EndYear)))]))];
    }

    [Fact]
    public async Task Bad_drafts_are_refused_in_Swedish_naming_the_field_and_nothing_is_written()
    {
        await using var demo = await DemoAsync();
        var editing = await demo.EditingAsync();
        var planId = Assert.Single(editing.Plans).Id;
        var goalId = demo.Goal(editing, "2.1");

        var unknown = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.CreateSubGoalAsync(planId,
            Draft(goalId, "HSN-Y", new SubGoalIndicatorDraft("FINNS_INTE", [])), Analyst));
        Assert.Contains(unknown.Errors, e => e.Field == "Indicators[0].IndicatorCode" && e.Message.Contains("Okänd indikator ”FINNS_INTE”"));

        var outside = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.CreateSubGoalAsync(planId,
            Draft(goalId, "HSN-Y", new SubGoalIndicatorDraft("N79173", [Target(2030, 90)])), Analyst));
        Assert.Contains(outside.Errors, e => e.Field == "Indicators[0].Targets[0].Year" && e.Message.Contains("utanför"));

        var taken = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.CreateSubGoalAsync(planId,
            Draft(goalId, "HSN-Y", new SubGoalIndicatorDraft("DRG_AVVIKELSE_RIKET", [])), Analyst));
        Assert.Contains(taken.Errors, e => e.Message.Contains("följer redan upp delmål HSN-2.2.1"));

        var code = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.CreateSubGoalAsync(planId, Draft(goalId, "HSN-2.1.1"), Analyst));
        Assert.Contains(code.Errors, e => e.Field == "Code" && e.Message.Contains("redan ett delmål med koden ”HSN-2.1.1”"));

        var badCode = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.CreateSubGoalAsync(planId, Draft(goalId, "a b"), Analyst));
        Assert.Contains(badCode.Errors, e => e.Field == "Code");

        var planYears = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.CreatePlanAsync(editing.VersionId, editing.Committees.Single(c => c.Code == "RS").Id,
            new CommitteePlanDraft("Verksamhetsplan 2024", 2024, 2026), Analyst));
        Assert.Contains(planYears.Errors, e => e.Field == "StartYear" && e.Message.Contains("utanför regionplanens år 2025–2027"));

        Assert.Equal(2, await demo.ScalarAsync<long>("select count(*) from sub_goal"));
        Assert.Empty(await demo.AuditAsync("sub_goal"));
    }

    [Fact]
    public async Task A_nämnd_user_cannot_write_a_nämndplan_not_even_its_own_and_a_decided_plan_keeps_its_delmal()
    {
        await using var demo = await DemoAsync();
        var editing = await demo.EditingAsync();
        var plan = Assert.Single(editing.Plans);
        var goalId = demo.Goal(editing, "2.1");

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.CreateSubGoalAsync(plan.Id, Draft(goalId, "HSN-Z"), Committee));
        Assert.Contains("Du har inte behörighet att ändra nämndplaner", refused.Message);
        await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.DeletePlanAsync(plan.Id, Committee));
        await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.CreatePlanAsync(editing.VersionId, plan.CommitteeId,
            new CommitteePlanDraft("Egen plan", 2025, 2027), Committee));

        await demo.Store.UpdatePlanAsync(plan.Id, plan.RowVersion,
            plan.Draft with { DecidedBy = "Hälso- och sjukvårdsnämnden", DecidedOn = new DateOnly(2024, 12, 10), DecisionSection = "§ 200 (exempel)" }, Analyst);
        var decided = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Store.CreateSubGoalAsync(plan.Id, Draft(goalId, "HSN-Z"), Analyst));
        Assert.Contains("är beslutad 2024-12-10", decided.Message);

        Assert.Equal(2, await demo.ScalarAsync<long>("select count(*) from sub_goal"));
        var audit = await demo.AuditAsync("committee_plan");
        Assert.Equal("update", Assert.Single(audit).Action);
        Assert.Contains("§ 200 (exempel)", audit[0].After);
    }

    [Fact]
    public async Task An_assignment_serves_a_mal_or_a_delmal_never_both_and_loses_the_delmal_when_it_goes()
    {
        await using var demo = await DemoAsync();
        var subGoalId = await demo.ScalarAsync<int>("select id from sub_goal where code = 'HSN-2.1.1'");
        var goalId = await demo.ScalarAsync<int>("select goal_id from sub_goal where code = 'HSN-2.1.1'");
        var versionId = (await demo.EditingAsync()).VersionId;
        var both = await Assert.ThrowsAsync<PostgresException>(() => demo.ScalarAsync<int>(
            "insert into assignment (plan_version_id, code, text, goal_id, sub_goal_id) values (@V, 'U1', 'Uppdrag', @G, @S) returning id",
            new { V = versionId, G = goalId, S = subGoalId }));
        Assert.Equal("23514", both.SqlState);

        var id = await demo.ScalarAsync<int>("insert into assignment (plan_version_id, code, text, sub_goal_id) values (@V, 'U1', 'Uppdrag', @S) returning id",
            new { V = versionId, S = subGoalId });
        await demo.Store.DeleteSubGoalAsync(subGoalId, Analyst);
        Assert.Null(await demo.ScalarAsync<int?>("select sub_goal_id from assignment where id = @Id", new { Id = id }));
    }
}
