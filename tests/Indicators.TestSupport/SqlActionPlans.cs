using Dapper;
using Npgsql;

namespace Indicators.TestSupport;

/// <summary>
/// Åtgärdsplaner put straight into the database for the report tests, by plain SQL (the åtgärdsplan editors are not
/// what these tests are about): seed 003's HSN plan (§4.2.2–4.2.3) under a name of its own, so it never clashes with the
/// demo's plan. Returns the plan's id and its åtgärder's ids by name.
/// </summary>
public static class SqlActionPlans
{
    public const string Name = "Testplan ekonomi i balans";

    public static readonly IReadOnlyList<(string Name, decimal Y2025, decimal? Y2026, decimal? Y2027)> Seed003Measures =
    [
        ("Hyroberonde vård", 70, 50, 30),
        ("Effektivare bemanningsplanering", 20, 40, 40),
        ("Strukturförändringar inkl utredning sjukhusstruktur", 25, 65, 85),
        ("Läkemedel", 25, 25, 25),
        ("Effektivare administration", 15, null, null),
        ("Köpt vård", 50, 30, 15),
        ("Smarta Inköp", 35, 25, 20),
    ];

    /// <summary>Seed 003's plan for the nämnd in the plan version that the report period belongs to.</summary>
    public static async Task<(int PlanId, IReadOnlyDictionary<string, int> Measures)> CreateSeed003Async(NpgsqlDataSource dataSource, int periodId, int committeeId)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        var planId = await connection.ExecuteScalarAsync<int>("""
            insert into action_plan (plan_version_id, committee_id, name)
            select plan_version_id, @CommitteeId, @Name from report_period where id = @PeriodId
            returning id
            """, new { PeriodId = periodId, CommitteeId = committeeId, Name });
        await connection.ExecuteAsync("""
            insert into action_plan_year (action_plan_id, year, frame, starting_result, required_effect)
            values (@PlanId, 2024, 6653, -600, 30), (@PlanId, 2025, 6894, -570, 225), (@PlanId, 2026, 6999, -345, 250), (@PlanId, 2027, 7217, -95, 95)
            """, new { PlanId = planId });
        var measures = new Dictionary<string, int>();
        var order = 0;
        foreach (var (name, y2025, y2026, y2027) in Seed003Measures)
        {
            var id = await connection.ExecuteScalarAsync<int>(
                "insert into action_measure (action_plan_id, name, sort_order) values (@PlanId, @Name, @Order) returning id",
                new { PlanId = planId, Name = name, Order = order++ });
            foreach (var (year, planned) in new[] { (2025, (decimal?)y2025), (2026, y2026), (2027, y2027) })
            {
                if (planned is { } amount)
                {
                    await connection.ExecuteAsync("insert into action_measure_effect (measure_id, year, planned) values (@Id, @Year, @Planned)",
                        new { Id = id, Year = (short)year, Planned = amount });
                }
            }

            measures[name] = id;
        }

        return (planId, measures);
    }
}
