using Dapper;
using Indicators.Core.Assignments;
using Indicators.Data.Assignments;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.TestSupport;

/// <summary>
/// Uppdrag for the follow-up tests, created through the audited <see cref="AssignmentEditor"/> by an analyst of their
/// own (`uppdrag.analytiker`, created on first use): an uppdrag in a report period's plan version, given by fullmäktige (no giving committee) or a
/// committee, to the receivers named by committee code (of Region Västernorrland, 0022), starting on the period year's
/// first day.
/// </summary>
public static class TestAssignmentRows
{
    const string AnalystName = "uppdrag.analytiker";
    static readonly Actor Analyst = new(AnalystName, "127.0.0.1");

    /// <summary>Creates the uppdrag and its receivers; returns its id. <paramref name="goalCode"/> is a mål of the version.</summary>
    public static async Task<int> InsertAsync(
        NpgsqlDataSource dataSource, int periodId, string code, string text, IReadOnlyList<string> receiverCodes,
        string? givenByCode = null, DateOnly? endDate = null, string? goalCode = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(receiverCodes);
        await using var connection = await dataSource.OpenConnectionAsync();
        if (!await connection.ExecuteScalarAsync<bool>("select exists (select 1 from app_user where user_name = @AnalystName)", new { AnalystName }))
        {
            await TestUsers.CreateAsync(dataSource, AnalystName, "Analytiker", null);
        }

        var (versionId, year) = await connection.QuerySingleAsync<(int, int)>(
            "select plan_version_id, year::int from report_period where id = @PeriodId", new { PeriodId = periodId });
        var committees = (await connection.QueryAsync<(string Code, int Id)>("select code, id from committee where area_id = '0022'"))
            .ToDictionary(c => c.Code, c => c.Id);
        var goalId = goalCode is null ? null : await connection.ExecuteScalarAsync<int?>("""
            select g.id from goal g join goal_area ga on ga.id = g.goal_area_id
            where ga.plan_version_id = @VersionId and g.code = @GoalCode
            """, new { VersionId = versionId, GoalCode = goalCode });
        var draft = new AssignmentDraft(
            code, text, givenByCode is null ? null : committees[givenByCode], goalId, new DateOnly(year, 1, 1), endDate,
            receiverCodes.Select(r => new AssignmentReceiverDraft(committees[r], ReceiverLevels.Committee)).ToList(), []);
        return await new AssignmentEditor(dataSource).CreateAsync(versionId, draft, Analyst);
    }
}
