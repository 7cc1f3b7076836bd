using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>The schema itself refuses data that breaks the domain's rules, whatever code writes it.</summary>
public class ConstraintTests : IAsyncLifetime
{
    NpgsqlDataSource dataSource = default!;

    const string Fixture = """
        insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region'), ('0000', 'Riket', 'Riket', 'country') on conflict (id) do nothing;
        insert into committee (area_id, code, name) values ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden');
        insert into plan (area_id, name, start_year, end_year) values ('0022', 'Regionplan 2025–2027', 2025, 2027);
        insert into plan_version (plan_id, name, kind, is_current) select id, 'Fastställd', 'adopted', true from plan;
        insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
            values ('0022', 'N79173', 'Medicinsk bedömning inom 3 dagar', '%', 'higher', 'year', '0022');
        insert into target (plan_version_id, indicator_id, year, value) select (select id from plan_version), (select id from indicator), 2025, 80;
        insert into observation (indicator_id, period, area_id, gender, value) select id, '2024', '0022', 'T', 71.2 from indicator;
        insert into audit_log (user_name, action, entity) values ('test', 'create', 'plan');
        """;

    public async Task InitializeAsync()
    {
        dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(Fixture);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Theory]
    [InlineData("a second observation for the same indicator, period, area and gender",
        "insert into observation (indicator_id, period, area_id, gender, value) select id, '2024', '0022', 'T', 70 from indicator", "23505")]
    [InlineData("a gender other than T, K or M",
        "insert into observation (indicator_id, period, area_id, gender, value) select id, '2023', '0022', 'X', 70 from indicator", "23514")]
    [InlineData("a period that is not in canonical form",
        "insert into observation (indicator_id, period, area_id, gender, value) select id, '2023-T4', '0022', 'T', 70 from indicator", "23514")]
    [InlineData("an ok observation without a value",
        "insert into observation (indicator_id, period, area_id, gender, value, status) select id, '2023', '0022', 'T', null, 'ok' from indicator", "23514")]
    [InlineData("a missing observation with a value",
        "insert into observation (indicator_id, period, area_id, gender, value, status) select id, '2023', '0022', 'T', 5, 'missing' from indicator", "23514")]
    [InlineData("an observation for an unknown area",
        "insert into observation (indicator_id, period, area_id, gender, value) select id, '2023', '9999', 'T', 70 from indicator", "23503")]
    [InlineData("an observation for an unknown indicator",
        "insert into observation (indicator_id, period, area_id, gender, value) values (987654, '2023', '0022', 'T', 70)", "23503")]
    [InlineData("a target year before the plan's period",
        "insert into target (plan_version_id, indicator_id, year, value) select (select id from plan_version), (select id from indicator), 2024, 75", "23514")]
    [InlineData("a target year after the plan's period",
        "insert into target (plan_version_id, indicator_id, year, value) select (select id from plan_version), (select id from indicator), 2028, 95", "23514")]
    [InlineData("moving a target outside the plan's period",
        "update target set year = 2030", "23514")]
    [InlineData("shrinking a plan's period past its targets",
        "update plan set start_year = 2026", "23514")]
    [InlineData("a second target for the same indicator, year and gender",
        "insert into target (plan_version_id, indicator_id, year, value) select (select id from plan_version), (select id from indicator), 2025, 81", "23505")]
    [InlineData("a target gender other than T, K or M",
        "insert into target (plan_version_id, indicator_id, year, gender, value) select (select id from plan_version), (select id from indicator), 2026, 'X', 81", "23514")]
    [InlineData("a band whose minimum exceeds its maximum",
        "insert into target (plan_version_id, indicator_id, year, band_min, band_max) select (select id from plan_version), (select id from indicator), 2026, 10, 5", "23514")]
    [InlineData("a target with neither value nor band",
        "insert into target (plan_version_id, indicator_id, year) select (select id from plan_version), (select id from indicator), 2026", "23514")]
    [InlineData("a plan that ends before it starts",
        "insert into plan (area_id, name, start_year, end_year) values ('0022', 'Baklänges', 2027, 2025)", "23514")]
    [InlineData("an indicator with an unknown direction",
        "insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id) values ('0022', 'X1', 'X', '%', 'sideways', 'year', '0022')", "23514")]
    [InlineData("an indicator owned by an unknown committee",
        "insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, owner_committee_id) values ('0022', 'X2', 'X', '%', 'higher', 'year', '0022', 987654)", "23503")]
    [InlineData("a tolerance without its kind",
        "update indicator set tolerance = 5", "23514")]
    [InlineData("a second current version of a plan",
        "insert into plan_version (plan_id, name, kind, is_current) select id, 'Ny', 'draft', true from plan", "23505")]
    [InlineData("a Nämnd role without its committee",
        "with u as (insert into app_user (user_name, display_name) values ('anna', 'Anna') returning id) insert into user_role (user_id, role) select id, 'Namnd' from u", "23514")]
    [InlineData("changing the audit log",
        "update audit_log set user_name = 'someone else'", "42501")]
    [InlineData("deleting from the audit log",
        "delete from audit_log", "42501")]
    [InlineData("emptying the audit log",
        "truncate audit_log", "42501")]
    [InlineData("a run that finished without a final status",
        "insert into ingestion_run (trigger, status, finished_at) values ('manual', 'running', now())", "23514")]
    public async Task The_schema_rejects(string what, string sql, string sqlState)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql, transaction: transaction));

        Assert.True(error.SqlState == sqlState, $"{what}: expected SQLSTATE {sqlState}, got {error.SqlState} ({error.MessageText})");
    }

    [Fact]
    public async Task A_target_outside_the_plan_says_so_in_Swedish()
    {
        await using var connection = await dataSource.OpenConnectionAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "insert into target (plan_version_id, indicator_id, year, value) select (select id from plan_version), (select id from indicator), 2030, 95"));

        Assert.Contains("2030 ligger utanför planens period 2025–2027", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_plan_over_another_period_fits_the_same_model()
    {
        // Region Västerbotten's financial targets (seed 001 §3.3), beside the Västernorrland plan.
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            insert into area (id, name, short_name, kind) values ('0024', 'Region Västerbotten', 'Västerbotten', 'region') on conflict (id) do nothing;
            insert into plan (area_id, name, start_year, end_year) values ('0024', 'Regionplan 2024–2027', 2024, 2027);
            insert into plan_version (plan_id, name, kind, is_current) select id, 'Budget 2025', 'adopted', true from plan where area_id = '0024';
            insert into goal_area (plan_version_id, code, name, kind) select v.id, 'E', 'God ekonomisk hushållning', 'prerequisite'
                from plan_version v join plan p on p.id = v.plan_id where p.area_id = '0024';
            insert into goal (goal_area_id, code, name) select id, 'E.1', 'Finansiella mål' from goal_area where name = 'God ekonomisk hushållning';
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
                values ('0024', 'N63016', 'Resultat i % av skatteintäkter och generella statsbidrag', '%', 'higher', 'year', '0024'),
                       ('0024', 'LANESKULD', 'Räntebärande låneskuld i % av skatteintäkter och generella statsbidrag', '%', 'lower', 'year', '0024');
            insert into goal_indicator (goal_id, indicator_id) select g.id, i.id from goal g, indicator i where g.code = 'E.1' and i.area_id = '0024';
            insert into target (plan_version_id, indicator_id, year, value, provenance)
                select v.id, i.id, 2025, case i.code when 'N63016' then 3 else 22 end, 'Regionplan 2024–2027 §3.3'
                from plan_version v join plan p on p.id = v.plan_id, indicator i where p.area_id = '0024' and i.area_id = '0024';
            insert into target (plan_version_id, indicator_id, year, value)
                select v.id, i.id, 2024, 2 from plan_version v join plan p on p.id = v.plan_id, indicator i where p.area_id = '0024' and i.code = 'N63016' and i.area_id = '0024';
            """);

        Assert.Equal(3, await connection.ExecuteScalarAsync<int>(
            "select count(*) from target t join indicator i on i.id = t.indicator_id where i.area_id = '0024'"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("select count(*) from plan"));
    }
}
