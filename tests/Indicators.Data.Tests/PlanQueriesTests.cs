using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;
using Indicators.Core.Plans;
using Indicators.Data.Demo;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

public class PlanQueriesTests
{
    [Fact]
    public async Task The_overview_lists_goal_areas_goals_indicators_and_their_targets_per_year()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        var queries = new PlanQueries(dataSource);

        var plan = (await queries.ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland");
        var overview = await queries.GetOverviewAsync(plan.PlanId);

        Assert.NotNull(overview);
        Assert.Equal([2025, 2026, 2027], overview.Years);
        Assert.Equal(["1", "2", "3", "E"], overview.GoalAreas.Select(a => a.Code));
        Assert.True(overview.GoalAreas.Single(a => a.Code == "E").IsPrerequisite);
        var goal21 = overview.GoalAreas.SelectMany(a => a.Goals).Single(g => g.Code == "2.1");
        Assert.Equal("Hälso- och sjukvårdsnämnden", goal21.OwnerCommittee);
        var listade = goal21.Indicators.Single(i => i.Code == "LISTADE_PER_ALLMANSPECIALIST");
        Assert.Equal(Direction.LowerIsBetter, listade.Direction);
        Assert.Equal([1300m, 1200m, 1100m], overview.Years.Select(y => listade.TargetFor(y)?.Value));
        Assert.Null(await queries.GetOverviewAsync(987654));
    }

    [Fact]
    public async Task The_demo_plan_is_current_to_August_2026_and_its_year_2025_shows_every_kind_of_status()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        var queries = new PlanQueries(dataSource);
        var planId = (await queries.ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId;

        var current = await queries.GetOverviewAsync(planId);
        var year2025 = await queries.GetOverviewAsync(planId, FollowUpPeriod.WholeYear(2025));

        Assert.Equal(FollowUpPeriod.Interim(2026), current!.Period);
        var statuses = year2025!.GoalAreas.SelectMany(a => a.Goals).SelectMany(g => g.Indicators)
            .ToDictionary(i => i.Code, i => i.StandingIn(year2025.Period, year2025.StartYear, year2025.EndYear).Status.Status);
        Assert.Equal(AttainmentStatus.Achieved, statuses["U72552"]);
        Assert.Equal(AttainmentStatus.PartlyAchieved, statuses["LISTADE_PER_ALLMANSPECIALIST"]);
        Assert.Equal(AttainmentStatus.PartlyAchieved, statuses["ARETS_RESULTAT"]);
        Assert.Equal(AttainmentStatus.NotAchieved, statuses["N79221"]);
        Assert.Equal(AttainmentStatus.NotAssessable, statuses["FOLKMANGD"]);
        var counts = statuses.Values.CountBy(s => s).ToDictionary();
        Assert.True(counts[AttainmentStatus.Achieved] >= 4 && counts[AttainmentStatus.PartlyAchieved] >= 4 && counts[AttainmentStatus.NotAchieved] >= 3,
            string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
    }
}
