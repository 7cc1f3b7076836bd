using Dapper;
using Npgsql;

namespace Indicators.TestSupport;

/// <summary>
/// Uppdrag rows written with plain SQL for the follow-up tests, until the uppdrag writer (another part of issue 20) is
/// there to create them: an uppdrag in a report period's plan version, given by fullmäktige (no giving committee) or a
/// committee, to the receivers named by committee code (of Region Västernorrland, 0022).
/// </summary>
public static class TestAssignmentRows
{
    /// <summary>Inserts the uppdrag and its receivers; returns its id. <paramref name="goalCode"/> is a mål of the version.</summary>
    public static async Task<int> InsertAsync(
        NpgsqlDataSource dataSource, int periodId, string code, string text, IReadOnlyList<string> receiverCodes,
        string? givenByCode = null, DateOnly? endDate = null, string? goalCode = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(receiverCodes);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var id = await connection.ExecuteScalarAsync<int>("""
            insert into assignment (plan_version_id, code, text, given_by_committee_id, goal_id, start_date, end_date)
            select rp.plan_version_id, @Code, @Text,
                   (select id from committee where area_id = '0022' and code = @GivenBy),
                   (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id
                    where ga.plan_version_id = rp.plan_version_id and g.code = @GoalCode),
                   make_date(rp.year::int, 1, 1), @EndDate
            from report_period rp where rp.id = @PeriodId
            returning id
            """, new { PeriodId = periodId, Code = code, Text = text, GivenBy = givenByCode, GoalCode = goalCode, EndDate = endDate?.ToDateTime(TimeOnly.MinValue) },
            transaction);
        var order = 0;
        foreach (var receiver in receiverCodes)
        {
            await connection.ExecuteAsync("""
                insert into assignment_receiver (assignment_id, committee_id, sort_order)
                select @Id, id, @Order from committee where area_id = '0022' and code = @Code
                """, new { Id = id, Code = receiver, Order = order++ }, transaction);
        }

        await transaction.CommitAsync();
        return id;
    }
}
