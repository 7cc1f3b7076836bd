using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;
using Indicators.Data.Demo;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace Indicators.Data.Tests;

/// <summary>The goal suggestion on the demo plan as a controller sees it in Delår jan–aug 2026 (issue 16).</summary>
public class GoalSuggestionDemoTests(ITestOutputHelper output)
{
    [Fact]
    public async Task In_the_demo_interim_report_2026_the_suggestions_tell_goals_apart_and_goal_2_1_without_any_achieved_indicator_is_not_met()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        var queries = new PlanQueries(dataSource);
        var planId = (await queries.ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId;
        var plan = (await queries.GetOverviewAsync(planId, FollowUpPeriod.Interim(2026)))!;

        var goals = plan.GoalAreas.SelectMany(a => a.Goals)
            .ToDictionary(g => g.Code, g => GoalAssessmentRule.Suggest(g.Indicators.Select(i => i.Judgement(i.StandingIn(plan.Period, plan.StartYear, plan.EndYear))), plan.Rule));
        var areas = plan.GoalAreas.ToDictionary(a => a.Code,
            a => GoalAssessmentRule.SuggestForArea(a.Goals.Select(g => g.Indicators.Select(i => i.Judgement(i.StandingIn(plan.Period, plan.StartYear, plan.EndYear)))), plan.Rule));
        var shown = string.Join("\n", goals.Select(g => $"mål {g.Key}: {g.Value.Explanation}")
            .Concat(areas.Select(a => $"målområde {a.Key}: {a.Value.Assessment.SwedishName()}")));

        output.WriteLine(shown);
        Assert.True(goals["2.1"].Assessment == GoalAssessment.NotMet, shown);
        Assert.True(goals.Values.Select(g => g.Assessment).Distinct().Count() >= 2, shown);
        Assert.True(areas.Values.Select(a => a.Assessment).Distinct().Count() >= 2, shown);
    }
}
