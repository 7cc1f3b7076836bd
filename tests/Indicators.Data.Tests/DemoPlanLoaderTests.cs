using Dapper;
using Indicators.Data.Demo;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

public class DemoPlanLoaderTests
{
    static async Task<NpgsqlDataSource> LoadedDatabase()
    {
        var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        Assert.True(await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync());
        return dataSource;
    }

    [Fact]
    public async Task The_demo_plan_is_Region_Vasternorrlands_regionplan_with_its_goal_areas_goals_and_committees()
    {
        await using var dataSource = await LoadedDatabase();
        await using var connection = await dataSource.OpenConnectionAsync();

        var plan = await connection.QuerySingleAsync<(string Name, string Area, short Start, short End, bool IsDemo)>(
            "select p.name, a.name, p.start_year, p.end_year, p.is_demo from plan p join area a on a.id = p.area_id where p.area_id = '0022'");
        Assert.Equal(("Regionplan 2025–2027", "Region Västernorrland", (short)2025, (short)2027, true), plan);
        // The adopted version; Sjukvårdspartiet's proposal beside it has its own (DemoProposalTests).
        const string adopted = """
            select v.id from plan_version v join plan p on p.id = v.plan_id where p.area_id = '0022' and v.name = 'Fastställd plan'
            """;
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>($"select count(*) from goal_area where kind = 'goal_area' and plan_version_id = ({adopted})"));
        Assert.Equal(
            ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"],
            await connection.QueryAsync<string>($"""
                select g.code from goal g join goal_area ga on ga.id = g.goal_area_id
                where ga.kind = 'goal_area' and ga.plan_version_id = ({adopted}) order by g.code
                """));
        Assert.Equal(
            ["HSN", "RS", "RUN"],
            await connection.QueryAsync<string>("select code from committee where area_id = '0022' order by code"));
    }

    [Fact]
    public async Task Every_indicator_has_a_goal_an_owner_and_targets_marked_as_example_unless_a_seed_gives_them()
    {
        await using var dataSource = await LoadedDatabase();
        await using var connection = await dataSource.OpenConnectionAsync();

        Assert.True(await connection.ExecuteScalarAsync<int>("select count(*) from indicator") >= 15);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "select count(*) from indicator i where not exists (select 1 from goal_indicator gi where gi.indicator_id = i.id) or owner_committee_id is null"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from target where provenance is null or provenance = ''"));

        // Seed figures: listade patienter per allmänspecialist 1 100 and DRG at most 7,5 % above riket, both in 2027.
        var seeded = (await connection.QueryAsync<(string Code, decimal Value, bool IsExample)>("""
            select i.code, t.value, t.is_example from target t join indicator i on i.id = t.indicator_id
            join plan_version v on v.id = t.plan_version_id
            where v.is_current and t.year = 2027 and i.code in ('LISTADE_PER_ALLMANSPECIALIST', 'DRG_AVVIKELSE_RIKET', 'HSN_RESULTAT_MOT_RAM')
            order by i.code
            """)).ToList();
        Assert.Equal([("DRG_AVVIKELSE_RIKET", 7.5m, false), ("HSN_RESULTAT_MOT_RAM", 0m, false), ("LISTADE_PER_ALLMANSPECIALIST", 1100m, false)], seeded);
        Assert.True(await connection.ExecuteScalarAsync<int>("select count(*) from target where is_example") > 0);
    }

    [Fact]
    public async Task Example_outcomes_cover_five_years_genders_and_comparison_regions_and_are_marked_as_demo()
    {
        await using var dataSource = await LoadedDatabase();
        await using var connection = await dataSource.OpenConnectionAsync();

        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from observation where not is_demo"));
        Assert.True(await connection.ExecuteScalarAsync<int>(
            "select count(distinct period_year) from observation o join indicator i on i.id = o.indicator_id where i.code = 'N79173' and o.area_id = '0022'") >= 5);
        Assert.Equal(["K", "M", "T"], await connection.QueryAsync<string>(
            "select distinct gender::text from observation o join indicator i on i.id = o.indicator_id where i.area_id = '0022' and i.code = 'N79173' order by 1"));
        var comparisonAreas = await connection.ExecuteScalarAsync<int>(
            "select count(distinct o.area_id) from observation o join indicator i on i.id = o.indicator_id where i.code = 'N79173' and o.area_id <> '0022'");
        Assert.True(comparisonAreas >= 5, $"riket and at least four other regions, got {comparisonAreas} areas");
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from observation where status = 'missing'"));
    }

    [Fact]
    public async Task The_second_delivery_revises_values_and_keeps_the_replaced_ones()
    {
        await using var dataSource = await LoadedDatabase();
        await using var connection = await dataSource.OpenConnectionAsync();

        var revised = (await connection.QueryAsync<(decimal Old, decimal New, int Revision)>("""
            select r.value, o.value, o.revision
            from observation_revision r join observation o on o.id = r.observation_id
            join indicator i on i.id = o.indicator_id
            where i.code = 'ARETS_RESULTAT' and o.period = '2024'
            """)).Single();
        Assert.Equal((-717m, -702m, 2), revised);
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("select count(*) from observation_revision"));
        Assert.Equal(
            [("Demodata: outcomes.csv", "succeeded"), ("Demodata: outcomes-revised.csv", "succeeded"), ("Demodata: outcomes-vasterbotten.csv", "succeeded")],
            await connection.QueryAsync<(string, string)>("select message, status from ingestion_run where trigger = 'demo' order by id"));
    }

    [Fact]
    public async Task Every_indicator_gets_one_demo_source_Kolada_for_KPIs_SCB_for_folkmangd_and_the_watched_folder_for_the_rest()
    {
        await using var dataSource = await LoadedDatabase();
        await using var connection = await dataSource.OpenConnectionAsync();

        // Each organisation has its own three: a source finds an indicator by code, and the two share codes.
        var sources = (await connection.QueryAsync<(string Area, string Kind, string Cron, string? Full, bool Enabled, bool IsDemo, int Indicators)>("""
            select min(i.area_id), s.kind, s.cron, s.full_refresh_cron, s.enabled, s.is_demo, count(si.indicator_id)::int
            from source s left join source_indicator si on si.source_id = s.id left join indicator i on i.id = si.indicator_id
            group by s.id having count(distinct i.area_id) = 1 order by 1, s.kind
            """)).ToList();
        // The file source feeds ten of the adopted plan's indicators and the three of Sjukvårdspartiet's proposal.
        Assert.Equal(
            [("0022", "file", "0 5 * * *", null, true, true, 13), ("0022", "kolada", "0 6 * * *", "0 3 * * 0", true, true, 9), ("0022", "pxweb", "0 7 * * 1", null, true, true, 1),
             ("0024", "file", "0 5 * * *", null, true, true, 5), ("0024", "kolada", "0 6 * * *", "0 3 * * 0", true, true, 7), ("0024", "pxweb", "0 7 * * 1", null, true, true, 1)],
            sources);
        Assert.Equal(6, await connection.ExecuteScalarAsync<int>("select count(*) from source"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            select count(*) from indicator i
            where (select count(*) from source_indicator si where si.indicator_id = i.id) <> 1
            """));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            select count(*) from source_indicator si join source s on s.id = si.source_id join indicator i on i.id = si.indicator_id
            where (s.kind = 'kolada') <> (i.kpi_id is not null)
            """));
        Assert.Equal(["FOLKMANGD", "FOLKMANGD"], await connection.QueryAsync<string>("""
            select i.code from source_indicator si join source s on s.id = si.source_id join indicator i on i.id = si.indicator_id where s.kind = 'pxweb'
            """));
        Assert.Equal(["inbox", "inbox-vasterbotten"], await connection.QueryAsync<string>("select settings ->> 'folder' from source where kind = 'file' order by 1"));
        Assert.Equal(["TAB638", "TAB638"], await connection.QueryAsync<string>("select settings ->> 'table' from source where kind = 'pxweb'"));
    }

    [Fact]
    public async Task The_demo_plan_loads_once_and_never_into_a_database_that_has_a_plan()
    {
        await using var dataSource = await LoadedDatabase();
        var loader = new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance);
        await using var connection = await dataSource.OpenConnectionAsync();
        var before = await connection.ExecuteScalarAsync<int>("select count(*) from observation");

        Assert.False(await loader.LoadIfEmptyAsync());

        // Even after someone deletes the demo plan, it does not come back by itself.
        await connection.ExecuteAsync("delete from plan");
        Assert.False(await loader.LoadIfEmptyAsync());
        Assert.Equal(before, await connection.ExecuteScalarAsync<int>("select count(*) from observation"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from plan"));
    }

    [Fact]
    public async Task Two_processes_loading_at_once_load_the_demo_plan_once()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var one = NpgsqlDataSource.Create(connectionString);
        await using var two = NpgsqlDataSource.Create(connectionString);

        var loaded = await Task.WhenAll(
            Task.Run(() => new DemoPlanLoader(one, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync()),
            Task.Run(() => new DemoPlanLoader(two, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync()));

        Assert.Single(loaded, true);
        await using var connection = await one.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("select count(*) from plan"));
    }

    [Fact]
    public void A_bad_outcome_row_is_reported_with_its_file_row_and_column()
    {
        const string csv = "indicator;period;area;gender;value;status\nN79173;2024;0022;T;71,2;ok\nN79173;2024;0022;T;sjuttio;ok\n";

        var error = Assert.Throws<FormatException>(() => DemoOutcomesCsv.Parse("outcomes.csv", csv));

        Assert.Equal("outcomes.csv rad 3, kolumn value: 'sjuttio' är inget tal.", error.Message);
    }
}
