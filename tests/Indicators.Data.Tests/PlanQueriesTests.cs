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

        var plan = Assert.Single(await queries.ListPlansAsync());
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
}
