using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Plans;
using Indicators.Data.Reports;
using Npgsql;

namespace Indicators.TestSupport;

/// <summary>
/// The Hälso- och sjukvårdsnämnden deciding its Delårsrapport 2026 in a database where the web app loaded the demo (its demo
/// user "hsn" acts, as the store checks): every goal assessed as suggested except one, with a motivation, then submitted
/// and finalised (by the demo Granskare) as asked. Returns the ids the pages are addressed by.
/// </summary>
public static class DemoDecisions
{
    public const string Motivation = "Väntetiderna har ökat; målet nås inte i år.";

    public sealed record Ids(int Interim, int Hsn, int Goal, int Area);

    public static async Task<Ids> IdsAsync(string connectionString, string goalCode)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var interim = await connection.ExecuteScalarAsync<int>("select id from report_period where kind = 'interim' and year = 2026");
        var hsn = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'HSN'");
        var (goal, area) = await connection.QuerySingleAsync<(int, int)>("""
            select g.id, g.goal_area_id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            where v.is_current and g.code = @Code
            """, new { Code = goalCode });
        return new Ids(interim, hsn, goal, area);
    }

    public static async Task<Ids> AssessAsync(string connectionString, string goalCode, GoalAssessment assessment, bool submit = true, bool finalise = true)
    {
        var ids = await IdsAsync(connectionString, goalCode);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var queries = new ReportQueries(dataSource, new PlanQueries(dataSource));
        var editors = ReportEditors.Create(dataSource, queries);
        var actor = new Actor("hsn", "127.0.0.1");
        foreach (var goal in (await queries.GetCommitteeReportAsync(ids.Interim, ids.Hsn))!.Document.Goals)
        {
            var assessed = goal.GoalId == ids.Goal ? assessment : goal.Suggested;
            var texts = goal.Texts with { Assessed = assessed, Motivation = assessed == goal.Suggested ? "" : Motivation };
            if (!(await editors.Assessments.SaveAsync(ids.Interim, ids.Hsn, goal.GoalId, goal.Texts, texts, goal.Suggested, actor)).Saved)
            {
                throw new InvalidOperationException($"Mål {goal.Code} was not saved.");
            }
        }

        if (submit)
        {
            await editors.Submission.SubmitAsync(ids.Interim, ids.Hsn, (await queries.GetCommitteeReportAsync(ids.Interim, ids.Hsn))!.State.Version, actor);
        }

        if (submit && finalise)
        {
            // Four eyes: the demo Granskare of HSN finalises what the nämnd submitted.
            await editors.Submission.FinaliseAsync(ids.Interim, ids.Hsn, (await queries.GetCommitteeReportAsync(ids.Interim, ids.Hsn))!.State.Version,
                new ReportDecisionInput("Hälso- och sjukvårdsnämnden", new DateOnly(2026, 9, 24), "87", null), new Actor("granskare", "127.0.0.1"));
        }

        return ids;
    }

    /// <summary>Submits the nämnd's report as it stands (every goal assessed).</summary>
    public static async Task SubmitAsync(string connectionString, Ids ids)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var queries = new ReportQueries(dataSource, new PlanQueries(dataSource));
        await new ReportSubmission(dataSource, queries).SubmitAsync(ids.Interim, ids.Hsn,
            (await queries.GetCommitteeReportAsync(ids.Interim, ids.Hsn))!.State.Version, new Actor("hsn", null));
    }

    /// <summary>
    /// Every nämnd's report in the period assessed as suggested and submitted by the demo analyst, then finalised by
    /// <paramref name="reviewer"/> (a Granskare of every nämnd), so the region's report waits only for its own decision.
    /// </summary>
    public static async Task FinaliseEveryNamndAsync(string connectionString, int periodId, string reviewer)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var queries = new ReportQueries(dataSource, new PlanQueries(dataSource));
        var editors = ReportEditors.Create(dataSource, queries);
        var analyst = new Actor("analytiker", "127.0.0.1");
        foreach (var committee in (await queries.GetPeriodAsync(periodId))!.Committees)
        {
            foreach (var goal in (await queries.GetCommitteeReportAsync(periodId, committee.CommitteeId))!.Document.Goals)
            {
                var texts = goal.Texts with { Assessed = goal.Suggested, Motivation = "" };
                if (!(await editors.Assessments.SaveAsync(periodId, committee.CommitteeId, goal.GoalId, goal.Texts, texts, goal.Suggested, analyst)).Saved)
                {
                    throw new InvalidOperationException($"Mål {goal.Code} was not saved.");
                }
            }

            await editors.Submission.SubmitAsync(periodId, committee.CommitteeId, (await queries.GetCommitteeReportAsync(periodId, committee.CommitteeId))!.State.Version, analyst);
            await editors.Submission.FinaliseAsync(periodId, committee.CommitteeId, (await queries.GetCommitteeReportAsync(periodId, committee.CommitteeId))!.State.Version,
                new ReportDecisionInput(committee.CommitteeName, new DateOnly(2026, 9, 24), "12", null), new Actor(reviewer, "127.0.0.1"));
        }
    }
}
