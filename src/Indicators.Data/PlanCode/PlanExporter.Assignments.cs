using Dapper;
using Indicators.Core.Assignments;
using Npgsql;

namespace Indicators.Data.PlanCode;

public sealed partial class PlanExporter
{
    /// <summary>The indicators the plan's uppdrag follow, so that every uppdrag's indicator is in the document.</summary>
    const string AssignmentIndicatorIds = """
        select ai.indicator_id from assignment_indicator ai join assignment a on a.id = ai.assignment_id
            join plan_version v on v.id = a.plan_version_id where v.plan_id = @PlanId
        """;

    /// <summary>The nämnder that give or receive the plan's uppdrag.</summary>
    const string AssignmentCommitteeIds = """
        select a.given_by_committee_id from assignment a join plan_version v on v.id = a.plan_version_id where v.plan_id = @PlanId
        union
        select r.committee_id from assignment_receiver r join assignment a on a.id = r.assignment_id
            join plan_version v on v.id = a.plan_version_id where v.plan_id = @PlanId
        """;

    /// <summary>Every version's uppdrag in their order (sort order, then code), by version id.</summary>
    static async Task<ILookup<int, AssignmentPart>> AssignmentsAsync(NpgsqlConnection connection, object args, CancellationToken cancellationToken)
    {
        const string sql = """
            select a.id, a.plan_version_id as version_id, a.code, a.text, c.code as given_by, g.code as goal, a.start_date, a.end_date, a.is_example
            from assignment a join plan_version v on v.id = a.plan_version_id
            left join committee c on c.id = a.given_by_committee_id
            left join goal g on g.id = a.goal_id
            where v.plan_id = @PlanId
            order by a.plan_version_id, a.sort_order, a.code
            """;
        const string receiversSql = """
            select r.assignment_id, c.code, r.level from assignment_receiver r join committee c on c.id = r.committee_id
            join assignment a on a.id = r.assignment_id join plan_version v on v.id = a.plan_version_id
            where v.plan_id = @PlanId order by r.assignment_id, r.sort_order, c.code
            """;
        const string indicatorsSql = """
            select ai.assignment_id, i.code from assignment_indicator ai join indicator i on i.id = ai.indicator_id
            join assignment a on a.id = ai.assignment_id join plan_version v on v.id = a.plan_version_id
            where v.plan_id = @PlanId order by ai.assignment_id, ai.sort_order, i.code
            """;
        var rows = await connection.QueryAsync<AssignmentRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        var receivers = (await connection.QueryAsync<(int AssignmentId, string Code, string Level)>(new CommandDefinition(receiversSql, args, cancellationToken: cancellationToken)))
            .ToLookup(r => r.AssignmentId, r => new ReceiverPart(r.Code, r.Level));
        var indicators = (await connection.QueryAsync<(int AssignmentId, string Code)>(new CommandDefinition(indicatorsSql, args, cancellationToken: cancellationToken)))
            .ToLookup(i => i.AssignmentId, i => i.Code);
        return rows.ToLookup(r => r.VersionId, r => new AssignmentPart(
            r.Code, r.Text, r.GivenBy, r.Goal, r.StartDate, r.EndDate, [.. receivers[r.Id]], [.. indicators[r.Id]], r.IsExample));
    }

    static void WriteAssignments(YamlWriter w, VersionPart v)
    {
        if (v.Assignments is not { } assignments)
        {
            return;
        }

        w.Items("assignments", assignments, a =>
        {
            w.Scalar("code", a.Code);
            w.Scalar("text", a.Text);
            w.Scalar("given_by", a.GivenBy);
            w.Scalar("goal", a.Goal);
            w.Scalar("start", a.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.Scalar("end", a.End?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.Items("receivers", a.Receivers, r =>
            {
                w.Scalar("committee", r.Committee);
                if (r.Level != ReceiverLevels.Committee)
                {
                    w.Scalar("level", r.Level);
                }
            });
            w.FlowList("indicators", a.Indicators);
            if (a.Example)
            {
                w.Bool("example", true);
            }
        });
    }

    sealed record AssignmentRow(
        int Id, int VersionId, string Code, string Text, string? GivenBy, string? Goal, DateOnly? StartDate, DateOnly? EndDate, bool IsExample);
}
