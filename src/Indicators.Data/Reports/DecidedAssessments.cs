using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;
using Indicators.Core.Reports;
using Npgsql;

namespace Indicators.Data.Reports;

/// <summary>
/// A nämnd's own assessment of a goal as decided in a report it has sent for review or finalised: what it said, in which
/// report, in what state, and the motivation (required where it differs from the suggestion it saw).
/// </summary>
public sealed record DecidedAssessment(
    int GoalId,
    GoalAssessment Assessment,
    string Motivation,
    int ReportPeriodId,
    ReportKind Kind,
    int Year,
    int CommitteeId,
    string CommitteeName,
    ReportState State,
    DateTimeOffset? At)
{
    /// <summary>"Delårsrapport 2026 (jan–aug)".</summary>
    public string ReportTitle => Kind.Title(Year);

    /// <summary>The goal in the nämnd's report (relative, as the pages' links are).</summary>
    public string ReportAddress => $"rapporter/{ReportPeriodId}/namnd/{CommitteeId}#goal-{GoalId}";
}

/// <summary>
/// Reads the decided assessments the dashboard shows beside its suggestions. Only reports sent for review (under review)
/// or finalised count: an open report is a draft the nämnd is still writing, and a draft is never shown as a decision.
/// Every role may read every report (see ReportAccess), so whoever reads the dashboard may see what was decided.
/// </summary>
public sealed class DecidedAssessmentQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// For each of <paramref name="goalIds"/> its latest decided assessment in a report up to <paramref name="upTo"/>
    /// (a later report is not shown when an earlier period is looked at): the newest year first, an årsrapport after
    /// that year's delårsrapport. One query for all the goals.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, DecidedAssessment>> LatestAsync(
        IReadOnlyCollection<int> goalIds, FollowUpPeriod upTo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(goalIds);
        if (goalIds.Count == 0)
        {
            return new Dictionary<int, DecidedAssessment>();
        }

        const string sql = """
            select distinct on (a.goal_id)
                   a.goal_id, a.assessed, a.motivation, rp.id as ReportPeriodId, rp.kind,
                   rp.year::int, cr.committee_id, c.name as CommitteeName, cr.state,
                   coalesce(cr.finalised_at, cr.submitted_at) as At
            from goal_assessment a
            join committee_report cr on cr.report_period_id = a.report_period_id and cr.committee_id = a.committee_id
            join report_period rp on rp.id = a.report_period_id
            join committee c on c.id = cr.committee_id
            where a.goal_id = any (@GoalIds) and a.assessed is not null and cr.state in ('under_review', 'finalised')
              and (rp.year < @Year or (rp.year = @Year and (rp.kind = 'interim' or not @Interim)))
            order by a.goal_id, rp.year desc, rp.kind = 'annual' desc
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql,
            new { GoalIds = goalIds.ToArray(), Year = (short)upTo.Year, Interim = upTo.IsInterim }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.GoalId, r => r.ToDecided());
    }

    sealed record Row(int GoalId, string Assessed, string Motivation, int ReportPeriodId, string Kind, int Year, int CommitteeId, string CommitteeName,
        string State, DateTime? At)
    {
        public DecidedAssessment ToDecided() => new(GoalId, GoalAssessmentCodes.Parse(Assessed), Motivation, ReportPeriodId, ReportNames.ParseKind(Kind),
            Year, CommitteeId, CommitteeName, ReportNames.ParseState(State), DbTime.Utc(At));
    }
}
