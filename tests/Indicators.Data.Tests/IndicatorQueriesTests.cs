using Dapper;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Data.Demo;
using Indicators.Data.Indicators;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

public class IndicatorQueriesTests
{
    static async Task<NpgsqlDataSource> DemoAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        return dataSource;
    }

    static async Task<int> IdOfAsync(NpgsqlDataSource dataSource, string code)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("select id from indicator where area_id = '0022' and code = @Code", new { Code = code });
    }

    [Fact]
    public async Task A_gender_split_indicator_comes_with_its_plan_targets_outcomes_in_every_gender_peers_and_sources()
    {
        await using var dataSource = await DemoAsync();
        var id = await IdOfAsync(dataSource, "N79173");

        var page = await new IndicatorQueries(dataSource).GetPageAsync(id, null);

        Assert.NotNull(page);
        Assert.Equal("N79173", page.Indicator.KpiId);
        Assert.True(page.Indicator.GenderSplit);
        Assert.Equal("Hälso- och sjukvårdsnämnden", page.Indicator.OwnerCommittee);
        Assert.NotNull(page.Plan);
        Assert.Equal((2025, 2027), (page.Plan.StartYear, page.Plan.EndYear));
        Assert.Equal([80m, 85m, 90m], page.Plan.Years.Select(y => page.Plan.TargetFor(y)?.Value));
        Assert.Equal("0022", page.AreaId);

        await using var connection = await dataSource.OpenConnectionAsync();
        var stored = (await connection.QueryAsync<(string Period, string Gender, decimal? Value)>(
            "select period, gender, value from observation where indicator_id = @Id and area_id = '0022'", new { Id = id })).ToList();
        Assert.Equal(stored.Count, page.Observations.Count);
        Assert.All(stored, s => Assert.Equal(s.Value,
            page.Observations.Single(o => o.Period.Code == s.Period && o.Gender.ToCode() == s.Gender).Value));
        Assert.Contains(page.Observations, o => o.Gender == Gender.K);
        Assert.Contains(page.Observations, o => o.Gender == Gender.M);

        // The demo's second delivery revised 2023: the earlier value is kept beside the new one.
        var revision = Assert.Single(page.Revisions);
        Assert.Equal(Period.OfYear(2023), revision.Period);
        Assert.NotEqual(revision.Value, page.Observations.Single(o => o.Period == revision.Period && o.Gender == Gender.T).Value);
        Assert.Equal(2, page.Observations.Single(o => o.Period == revision.Period && o.Gender == Gender.T).Revision);

        // Peers: riket and the regions with a value in the newest period the shown area has one.
        Assert.NotNull(page.PeerPeriod);
        var newestOwn = page.Observations.Where(o => o.Gender == Gender.T && o.Value is not null).Max(o => o.Period);
        Assert.Equal(newestOwn, page.PeerPeriod);
        Assert.Contains(page.Peers, p => p.IsCountry && p.AreaId == "0000");
        Assert.Contains(page.Peers, p => p.AreaId == "0022" && p.Value is not null);
        Assert.True(page.Peers.Count(p => !p.IsCountry) >= 2);

        var source = Assert.Single(page.Sources);
        Assert.Equal("kolada", source.Kind);
    }

    [Fact]
    public async Task Every_indicator_is_judged_in_the_overviews_default_period_with_the_same_result_as_the_overview_page()
    {
        await using var dataSource = await DemoAsync();
        var planId = (await new Plans.PlanQueries(dataSource).ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId;
        var overview = await new Plans.PlanQueries(dataSource).GetOverviewAsync(planId);
        Assert.NotNull(overview);
        var queries = new IndicatorQueries(dataSource);

        foreach (var expected in overview.Indicators)
        {
            var page = await queries.GetPageAsync(expected.Id, planId);
            Assert.NotNull(page);
            Assert.Equal(overview.Period, page.DefaultPeriod(null));
            var mine = page.ToOverview().StandingIn(overview.Period, overview.StartYear, overview.EndYear);
            var theirs = expected.StandingIn(overview.Period, overview.StartYear, overview.EndYear);
            Assert.Equal(theirs.Status.Explanation, mine.Status.Explanation);
            Assert.Equal(theirs.Progress.Category, mine.Progress.Category);
            Assert.Equal(theirs.Outcome, mine.Outcome);
        }
    }

    [Fact]
    public async Task Every_indicators_page_data_survives_the_JSON_round_trip_of_the_pages_persisted_state_and_is_judged_the_same()
    {
        await using var dataSource = await DemoAsync();
        var plans = new Plans.PlanQueries(dataSource);
        var planId = (await plans.ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId;
        var overview = (await plans.GetOverviewAsync(planId))!;
        var queries = new IndicatorQueries(dataSource);
        var web = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);

        foreach (var indicator in overview.Indicators)
        {
            var page = (await queries.GetPageAsync(indicator.Id, planId))!;
            var json = System.Text.Json.JsonSerializer.Serialize(page, web);
            var back = System.Text.Json.JsonSerializer.Deserialize<IndicatorPageData>(json, web)!;

            Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back, web));
            Assert.Equal(page.Observations, back.Observations);
            Assert.Equal(page.Indicator.Tolerance, back.Indicator.Tolerance);
            var before = page.ToOverview().StandingIn(overview.Period, overview.StartYear, overview.EndYear);
            var after = back.ToOverview().StandingIn(overview.Period, overview.StartYear, overview.EndYear);
            Assert.Equal((before.Outcome, before.Status.Explanation, before.Progress.Category), (after.Outcome, after.Status.Explanation, after.Progress.Category));
        }
    }

    [Fact]
    public async Task A_monthly_file_indicator_has_no_peers_and_its_values_say_they_are_demo_data()
    {
        await using var dataSource = await DemoAsync();
        var id = await IdOfAsync(dataSource, "HYRPERSONAL_ANDEL");

        var page = await new IndicatorQueries(dataSource).GetPageAsync(id, null);

        Assert.NotNull(page);
        Assert.Equal("month", page.Indicator.Frequency);
        Assert.All(page.Observations, o => Assert.Equal(PeriodKind.Month, o.Period.Kind));
        Assert.All(page.Observations, o => Assert.True(o.IsDemo && o.SourceName is null && o.RunAt is not null));
        Assert.Empty(page.Peers);
        Assert.Null(page.PeerPeriod);
        Assert.Equal("file", Assert.Single(page.Sources).Kind);
    }

    [Fact]
    public async Task An_indicator_without_a_plan_still_has_a_page_and_an_unknown_id_has_none()
    {
        await using var dataSource = await DemoAsync();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
                values ('0022', 'FRISTAENDE', 'Fristående indikator', 'antal', 'higher', 'year', '0022')
                """);
        }

        var id = await IdOfAsync(dataSource, "FRISTAENDE");
        var queries = new IndicatorQueries(dataSource);

        var page = await queries.GetPageAsync(id, null);
        Assert.NotNull(page);
        Assert.Null(page.Plan);
        Assert.Equal("Region Västernorrland", page.AreaName);
        Assert.Empty(page.Observations);
        Assert.Null(await queries.GetPageAsync(987654, null));
    }
}
