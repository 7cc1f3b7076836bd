using Dapper;
using Npgsql;

namespace Indicators.TestSupport;

/// <summary>
/// Two organisations in one migrated database (issue 21): Region Västernorrland (0022) with a plan, a målområde, a mål,
/// its Regionstyrelse, an indicator, a Delårsrapport 2026 and an uppdrag; and Region Västerbotten (0024,
/// <see cref="SecondOrganisation"/>) with its own plan, nämnd, mål, indicator and report period. The ids of each.
/// </summary>
public sealed record TwoOrganisations(
    string ConnectionString,
    int NorrPlan, int NorrVersion, int NorrGoalArea, int NorrGoal, int NorrCommittee, int NorrIndicator, int NorrPeriod, int NorrAssignment,
    int BottenPlan, int BottenVersion, int BottenCommittee, int BottenGoal, int BottenIndicator, int BottenPeriod)
{
    public const string NorrPlanName = "Regionplan Västernorrland 2025–2027";

    public const string BottenPlanName = "Regionplan Västerbotten 2025–2027";

    public static async Task<TwoOrganisations> CreateAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into committee (area_id, code, name) values ('0022', 'RS', 'Regionstyrelsen i Västernorrland');
            insert into plan (area_id, name, start_year, end_year) values ('0022', 'Regionplan Västernorrland 2025–2027', 2025, 2027);
            insert into plan_version (plan_id, name, kind, is_current) values (1, 'Fastställd plan', 'adopted', true);
            insert into goal_area (plan_version_id, code, name) values (1, '1', 'Ett attraktivt Västernorrland');
            insert into goal (goal_area_id, code, name, owner_committee_id) values (1, '1.1', 'Vi agerar som en sammanhållande kraft', 1);
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
                values ('0022', 'VN-1', 'Väntetid i Västernorrland', 'dagar', 'lower', 'year', '0022');
            insert into report_period (plan_version_id, year, kind, created_by) values (1, 2026, 'interim', 'test');
            insert into committee_report (report_period_id, committee_id) values (1, 1);
            insert into assignment (plan_version_id, code, text) values (1, 'RF-1', 'Minska hyrberoendet');
            insert into assignment_receiver (assignment_id, committee_id) values (1, 1);
            """);
        var botten = await SecondOrganisation.CreateAsync(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        var indicator = await connection.ExecuteScalarAsync<int>("""
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
            values ('0024', 'VB-1', 'Väntetid i Västerbotten', 'dagar', 'lower', 'year', '0024') returning id
            """);
        var (plan, version) = await connection.QuerySingleAsync<(int, int)>(
            "select p.id, v.id from plan p join plan_version v on v.plan_id = p.id where p.area_id = '0024'");
        return new TwoOrganisations(connectionString, 1, 1, 1, 1, 1, 1, 1, 1, plan, version, botten.CommitteeId, botten.GoalId, indicator, botten.PeriodId);
    }

    /// <summary>Limits an existing account to one organisation, as an administrator would.</summary>
    public Task LimitAsync(string userName, string areaId) =>
        TestPostgres.ExecuteAsync(ConnectionString, $"insert into user_organisation (user_id, area_id) select id, '{areaId}' from app_user where user_name = '{userName}'");
}
