using Dapper;
using Indicators.Core.ActionPlans;
using Indicators.Core.Attainment;
using Indicators.Data.ActionPlans;
using Indicators.Data.Demo;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests.ActionPlans;

/// <summary>The demo's åtgärdsplan, loaded into a real database and read back, gives seed 003 §4.2.2–4.2.3's tables.</summary>
public class ActionPlanDemoTests
{
    static readonly int[] PlanYears = [2025, 2026, 2027];

    [Fact]
    public async Task HSNs_demo_action_plan_has_seed_003s_figures_SUMMA_Uppdrag_Avvikelse_and_Underskott()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        Assert.True(await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync());
        await using var connection = await dataSource.OpenConnectionAsync();
        var (versionId, hsnId) = await connection.QuerySingleAsync<(int, int)>("""
            select v.id, c.id from plan_version v join plan p on p.id = v.plan_id, committee c
            where p.area_id = '0022' and v.is_current and c.area_id = '0022' and c.code = 'HSN'
            """);

        var detail = Assert.Single(await new ActionPlanQueries(dataSource).ForCommitteeAsync(versionId, hsnId));
        var plan = detail.Plan;

        Assert.Equal("Ekonomisk handlingsplan 2025–2027", plan.Name);
        Assert.Equal("mnkr", plan.Unit);
        // §4.2.2 Ekonomisk ram, 2024 included.
        Assert.Equal(
            [(2024, 6653m, -600m, 30m), (2025, 6894m, -570m, 225m), (2026, 6999m, -345m, 250m), (2027, 7217m, -95m, 95m)],
            plan.Years.Select(y => (y.Year, y.Frame!.Value, y.StartingResult!.Value, y.RequiredEffect!.Value)));
        Assert.Equal([-570m, -345m, -95m, 0m], plan.Years.Select(y => y.ResultAfter!.Value));
        Assert.Equal([-600m, -570m, -345m, -95m, 0m], ActionPlanSums.PathToBalance(plan).Select(p => p.Result));

        // §4.2.3 Åtgärdsområden, names as written and in the seed's order.
        Assert.Equal(
            ["Hyroberonde vård", "Effektivare bemanningsplanering", "Strukturförändringar inkl utredning sjukhusstruktur", "Läkemedel",
             "Effektivare administration", "Köpt vård", "Smarta Inköp"],
            plan.Measures.Select(m => m.Name));
        Assert.Equal([150m, 100m, 175m, 75m, 15m, 95m, 80m], plan.Measures.Select(m => PlanYears.Sum(y => m.Planned.GetValueOrDefault(y))));
        Assert.Equal(PlanYears, plan.MeasureYears);
        Assert.Equal([240m, 235m, 215m], PlanYears.Select(y => ActionPlanSums.Planned(plan, y)));
        Assert.Equal(690m, ActionPlanSums.PlannedTotal(plan, PlanYears));
        Assert.Equal([225m, 250m, 95m], PlanYears.Select(y => ActionPlanSums.Required(plan, y)!.Value));
        Assert.Equal(570m, ActionPlanSums.RequiredTotal(plan, PlanYears));
        Assert.Equal([15m, -15m, 120m], PlanYears.Select(y => ActionPlanSums.Deviation(plan, y)!.Value));
        Assert.Equal(120m, ActionPlanSums.DeviationTotal(plan, PlanYears));

        // The årsrapport 2025 holds an example follow-up: 176 mnkr realised against the required 225, so Ej uppnått.
        var annualId = await connection.ExecuteScalarAsync<int>(
            "select id from report_period where plan_version_id = @VersionId and year = 2025 and kind = 'annual'", new { VersionId = versionId });
        var followedUp = Assert.Single(await new ActionPlanQueries(dataSource).ForCommitteeAsync(versionId, hsnId, annualId)).Plan;
        Assert.All(followedUp.Measures, m => Assert.True(m.IsExample && m.Comment.StartsWith("Exempel:", StringComparison.Ordinal)));
        Assert.Equal(176m, ActionPlanSums.Realised(followedUp));
        Assert.Equal(
            (AttainmentStatus.NotAchieved, "Ej uppnått: prognosen 176\u00A0mnkr är 49\u00A0mnkr under kravet 225\u00A0mnkr för 2025."),
            ActionPlanStatusRule.Judge(followedUp, 2025));
    }
}
