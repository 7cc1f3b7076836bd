using Dapper;
using Npgsql;

namespace Indicators.TestSupport;

/// <summary>
/// A second organisation beside the demo's Region Västernorrland: Region Västerbotten (0024) with a plan of its own
/// (besides the demo's Regionplan 2024–2027 of seed 001), one mål owned by its own nämnd coded <c>HSN</c> as well, and
/// an open Delårsrapport 2026. What a Västernorrland HSN
/// user must read but never change.
/// </summary>
public sealed record SecondOrganisation(int CommitteeId, int PeriodId, int GoalId)
{
    public const string AreaId = "0024";

    public static async Task<SecondOrganisation> CreateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("""
            insert into area (id, name, short_name, kind) values ('0024', 'Region Västerbotten', 'Västerbotten', 'region') on conflict (id) do nothing
            """, transaction: transaction);
        // The demo has Region Västerbotten's HSN already (seed 001): it takes the name the tests look for.
        var committee = await connection.ExecuteScalarAsync<int>("""
            insert into committee (area_id, code, name) values ('0024', 'HSN', 'Hälso- och sjukvårdsnämnden i Västerbotten')
            on conflict (area_id, code) do update set name = excluded.name
            returning id
            """, transaction: transaction);
        var plan = await connection.ExecuteScalarAsync<int>(
            "insert into plan (area_id, name, start_year, end_year) values ('0024', 'Regionplan Västerbotten 2025–2027', 2025, 2027) returning id", transaction: transaction);
        var version = await connection.ExecuteScalarAsync<int>(
            "insert into plan_version (plan_id, name, kind, is_current) values (@Plan, 'Fastställd plan', 'adopted', true) returning id", new { Plan = plan }, transaction);
        var area = await connection.ExecuteScalarAsync<int>(
            "insert into goal_area (plan_version_id, code, name) values (@Version, '1', 'God och jämlik hälsa') returning id", new { Version = version }, transaction);
        var goal = await connection.ExecuteScalarAsync<int>(
            "insert into goal (goal_area_id, code, name, owner_committee_id) values (@Area, '1.1', 'Vård i rätt tid', @Committee) returning id",
            new { Area = area, Committee = committee }, transaction);
        var period = await connection.ExecuteScalarAsync<int>(
            "insert into report_period (plan_version_id, year, kind, created_by) values (@Version, 2026, 'interim', 'test') returning id", new { Version = version }, transaction);
        await connection.ExecuteAsync(
            "insert into committee_report (report_period_id, committee_id) values (@Period, @Committee)", new { Period = period, Committee = committee }, transaction);
        await transaction.CommitAsync();
        return new SecondOrganisation(committee, period, goal);
    }
}
