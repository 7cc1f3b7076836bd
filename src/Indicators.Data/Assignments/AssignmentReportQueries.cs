using System.Text.Json;
using Dapper;
using Indicators.Core.Assignments;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;
using Indicators.Data.Reports;
using Npgsql;

namespace Indicators.Data.Assignments;

/// <summary>
/// Reads the uppdrag section of a report (<see cref="ReportDocument.Assignments"/>). A nämnd's report lists the uppdrag it
/// receives in the period's plan version with its own follow-up; the region's report fullmäktige's riktade uppdrag with every
/// receiver's. An uppdrag is in a period's report when it has started by the period's end and either ends in the
/// report's year or later, or the receiver has not closed it in an earlier report (so an overdue uppdrag keeps appearing
/// until it is reported done, cancelled or not done).
/// </summary>
public sealed class AssignmentReportQueries(NpgsqlDataSource dataSource)
{
    const string Sql = """
        with period as (
            select rp.id, rp.plan_version_id, rp.year::int as year, rp.kind,
                   case when rp.kind = 'interim' then make_date(rp.year::int, 8, 31) else make_date(rp.year::int, 12, 31) end as ends
            from report_period rp where rp.id = @PeriodId
        ),
        pairs as (
            select a.id as assignment_id, ar.committee_id
            from period p
            join assignment a on a.plan_version_id = p.plan_version_id
            join assignment_receiver ar on ar.assignment_id = a.id
            where (a.start_date is null or a.start_date <= p.ends)
              and (a.end_date is null or a.end_date >= make_date(p.year, 1, 1)
                   or not exists (
                       select 1 from assignment_follow_up f join report_period e on e.id = f.report_period_id
                       where f.assignment_id = a.id and f.committee_id = ar.committee_id
                         and (e.year < p.year or (e.year = p.year and e.kind = 'interim' and p.kind = 'annual'))
                         and f.status in ('done', 'partly_done', 'not_done', 'cancelled')))
        )
        select a.id as AssignmentId, a.code, a.text, a.given_by_committee_id as GivenById, gb.name as GivenByName,
               g.code as GoalCode, g.name as GoalName, a.start_date as StartDate, a.end_date as EndDate, a.is_example as IsExample,
               ar.committee_id as CommitteeId, c.name as CommitteeName, ar.level, f.status, coalesce(f.comment, '') as Comment,
               f.expected_completion as ExpectedCompletion, coalesce(f.is_example, false) as FollowUpIsExample,
               coalesce(f.version, 0) as Version, user_display_name(f.updated_by) as UpdatedBy, f.updated_at as UpdatedAt
        from period p
        join assignment a on a.plan_version_id = p.plan_version_id
        join assignment_receiver ar on ar.assignment_id = a.id
        join committee c on c.id = ar.committee_id
        left join committee gb on gb.id = a.given_by_committee_id
        left join goal g on g.id = a.goal_id
        left join assignment_follow_up f on f.assignment_id = a.id and f.committee_id = ar.committee_id and f.report_period_id = p.id
        where (@AssignmentId::int is null or a.id = @AssignmentId)
          and ((@CommitteeId::int is null and a.given_by_committee_id is null and exists (select 1 from pairs x where x.assignment_id = a.id))
               or (ar.committee_id = @CommitteeId and exists (select 1 from pairs x where x.assignment_id = a.id and x.committee_id = ar.committee_id)))
        order by a.sort_order, a.code, a.id, ar.sort_order, c.name, c.id
        """;

    /// <summary>
    /// The section as it reads now: the nämnd's (<paramref name="committeeId"/>) or with none the region's; the states
    /// judged as of <paramref name="today"/>. <paramref name="assignmentId"/> narrows it to one uppdrag.
    /// </summary>
    internal static async Task<IReadOnlyList<ReportAssignment>> ReadAsync(
        NpgsqlConnection connection, int periodId, int? committeeId, DateOnly today, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null, int? assignmentId = null)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql,
            new { PeriodId = periodId, CommitteeId = committeeId, AssignmentId = assignmentId }, transaction, cancellationToken: cancellationToken));
        return [.. rows.GroupBy(r => r.AssignmentId).Select(group =>
        {
            var first = group.First();
            var assignment = new ReportAssignment(first.AssignmentId, first.Code, first.Text, first.GivenByName ?? ReportAssignments.Fullmaktige,
                first.GivenById is null, first.GoalCode, first.GoalName, first.StartDate, first.EndDate, first.IsExample, [],
                AssignmentStateRule.Judge([], null, today));
            return ReportAssignments.Judged(assignment, [.. group.Select(r => r.ToFollowUp())], today);
        })];
    }

    /// <summary>
    /// Fullmäktige's riktade uppdrag in a period with every receiver's follow-up as the region's report shows them: from a
    /// submitted or finalised nämnd's stored report, the others as they read now (the region page's section, without
    /// building the whole region report).
    /// </summary>
    public async Task<IReadOnlyList<ReportAssignment>> GetRegionAsync(int periodId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var today = SwedishFormat.Date(DateTimeOffset.UtcNow);
        var live = await ReadAsync(connection, periodId, null, today, cancellationToken);
        if (live.Count == 0)
        {
            return live;
        }

        const string storedSql = """
            select committee_id as CommitteeId,
                   (case when state = 'finalised' then snapshot else submitted_snapshot end) -> 'Assignments' as Json
            from committee_report
            where report_period_id = @PeriodId and state in ('under_review', 'finalised')
            """;
        var stored = await connection.QueryAsync<(int CommitteeId, string? Json)>(new CommandDefinition(storedSql, new { PeriodId = periodId }, cancellationToken: cancellationToken));
        var committees = stored.Where(s => s.Json is not null)
            .Select(s => (s.CommitteeId, (IReadOnlyList<ReportAssignment>)(JsonSerializer.Deserialize<List<ReportAssignment>>(s.Json!, ReportQueries.SnapshotJson) ?? [])))
            .ToList();
        return ReportAssignments.ComposeRegion(live, committees, today);
    }

    sealed record Row(
        int AssignmentId, string Code, string Text, int? GivenById, string? GivenByName, string? GoalCode, string? GoalName,
        DateOnly? StartDate, DateOnly? EndDate, bool IsExample, int CommitteeId, string CommitteeName, string Level, string? Status,
        string Comment, DateOnly? ExpectedCompletion, bool FollowUpIsExample, int Version, string? UpdatedBy, DateTime? UpdatedAt)
    {
        public ReportAssignmentFollowUp ToFollowUp() => new(CommitteeId, CommitteeName, Level == "administration",
            Status is null ? null : AssignmentStatusCodes.Parse(Status), Comment, ExpectedCompletion, FollowUpIsExample,
            Version, UpdatedBy, Version == 0 ? null : DbTime.Utc(UpdatedAt));
    }
}
