using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;
using Indicators.Data.Demo;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>Progress on the demo plan as a controller sees it, in the current period (delår jan–aug 2026) and helår 2025.</summary>
public class DemoProgressTests
{
    [Fact]
    public async Task Every_demo_indicator_with_a_målvärde_and_two_comparable_values_from_the_base_year_gets_progress()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        var queries = new PlanQueries(dataSource);
        var planId = (await queries.ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId;

        foreach (var period in new[] { FollowUpPeriod.Interim(2026), FollowUpPeriod.WholeYear(2025) })
        {
            var overview = (await queries.GetOverviewAsync(planId, period))!;
            var progress = overview.GoalAreas.SelectMany(a => a.Goals).SelectMany(g => g.Indicators)
                .DistinctBy(i => i.Code)
                .ToDictionary(i => i.Code, i => i.StandingIn(overview.Period, overview.StartYear, overview.EndYear).Progress);
            var all = string.Join("\n", progress.Select(p => $"{p.Key}: {p.Value.Explanation}"));

            Assert.True(20 == progress.Count, all);
            // Fetma is surveyed every other year: its latest value is the base year's (2024), so nothing since the plan began.
            Assert.True(
                new[] { "FETMA_ANDEL" }.SequenceEqual(progress.Where(p => p.Value.Category == ProgressCategory.NotAssessable).Select(p => p.Key)),
                $"{period.SwedishName}:\n{all}");

            // Soliditet fell back below its målvärde: no longer "I fas" (kvot +20,74 under the 2023 release).
            Assert.Equal(ProgressCategory.Deterioration, progress["SOLIDITET"].Category);
            foreach (var economy in new[] { "ARETS_RESULTAT", "HSN_RESULTAT_MOT_RAM", "N63016" })
            {
                Assert.True(ProgressMethod.LinearPath == progress[economy].Method, $"{economy}: {progress[economy].Explanation}");
            }

            // Values in the indicator's own decimals (mnkr without decimals), not a fixed one decimal.
            Assert.Contains("2024 −600\u00A0mnkr → 2025 −362\u00A0mnkr, målvärde 0\u00A0mnkr 2027", progress["HSN_RESULTAT_MOT_RAM"].Explanation, StringComparison.Ordinal);

            foreach (var monthly in new[] { "LISTADE_PER_ALLMANSPECIALIST", "HYRPERSONAL_ANDEL", "SJUKFRANVARO" })
            {
                Assert.True(ComparableBasis.Rolling12Months == progress[monthly].Basis, $"{monthly}: {progress[monthly].Explanation}");
                Assert.Equal(period.Year, progress[monthly].CurrentYear);
            }
        }
    }
}
