using Dapper;
using Indicators.Core.Organisations;
using Indicators.Core.Assignments;
using Indicators.Core.Reports;
using Indicators.Data.Organisations;
using Npgsql;

namespace Indicators.Data.Assignments;

/// <summary>
/// The uppdrag pages' reads: lists per receiver and per giver with filters on overall state and deadline, one uppdrag
/// with each receiver's follow-ups per report period, and what the form chooses from. The overall state is computed
/// by <see cref="AssignmentStateRule"/> from each receiver's latest follow-up (the report period latest in time:
/// year, then the årsrapport after the delårsrapport).
/// </summary>
public sealed class AssignmentQueries(NpgsqlDataSource dataSource)
{
    const string AssignmentsSql = """
        select a.id, v.plan_id, a.plan_version_id, p.name as plan_name, v.name as version_name, a.code, a.text, a.given_by_committee_id,
               coalesce(gc.name, 'Regionfullmäktige') as given_by, a.goal_id, g.code as goal_code, g.name as goal_name,
               a.start_date, a.end_date, a.is_example, a.sort_order, a.xmin::text as row_version
        from assignment a
        join plan_version v on v.id = a.plan_version_id
        join plan p on p.id = v.plan_id
        left join committee gc on gc.id = a.given_by_committee_id
        left join goal g on g.id = a.goal_id
        where (@Id::int is null or a.id = @Id)
          and (@Id::int is not null or @Goal::int is not null or (case when @VersionId::int is null then v.is_current else a.plan_version_id = @VersionId end))
          and (not @GivenByCouncil or a.given_by_committee_id is null)
          and (@GivenBy::int is null or a.given_by_committee_id = @GivenBy)
          and (@Goal::int is null or a.goal_id = @Goal)
          and (@Receiver::int is null or exists (select 1 from assignment_receiver r where r.assignment_id = a.id and r.committee_id = @Receiver))
        order by p.name, v.name, a.end_date nulls last, a.sort_order, a.code
        """;

    const string ReceiversSql = """
        select r.assignment_id, r.committee_id, c.code, c.name, r.level
        from assignment_receiver r join committee c on c.id = r.committee_id
        where r.assignment_id = any (@Ids)
        order by r.assignment_id, r.sort_order, c.name
        """;

    const string FollowUpsSql = """
        select f.assignment_id, f.committee_id, f.report_period_id, rp.year::int as year, rp.kind, f.status, f.comment, f.expected_completion, f.is_example,
               f.updated_by, f.updated_at
        from assignment_follow_up f join report_period rp on rp.id = f.report_period_id
        where f.assignment_id = any (@Ids)
        order by rp.year desc, (rp.kind = 'annual') desc, rp.id desc
        """;

    const string IndicatorsSql = """
        select ai.assignment_id, i.id, i.code, i.name
        from assignment_indicator ai join indicator i on i.id = ai.indicator_id
        where ai.assignment_id = any (@Ids)
        order by ai.assignment_id, ai.sort_order, i.code
        """;

    /// <summary>The uppdrag that pass <paramref name="filter"/>, judged as of <paramref name="today"/>.</summary>
    public async Task<IReadOnlyList<AssignmentView>> ListAsync(AssignmentFilter filter, DateOnly today, OrganisationScope? organisations = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var all = await ReadAsync(null, filter, today, cancellationToken);
        var allowed = await AllowedPlansAsync(organisations, cancellationToken);
        return [.. all.Where(a => Passes(a, filter, today) && (allowed is null || allowed.Contains(a.PlanId)))];
    }

    /// <summary>The plans of the scope's organisations; null: every plan.</summary>
    async Task<HashSet<int>?> AllowedPlansAsync(OrganisationScope? organisations, CancellationToken cancellationToken)
    {
        if (organisations is not { IsLimited: true })
        {
            return null;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<int>(new CommandDefinition("select id from plan where area_id = any(@Organisations)",
            new { Organisations = organisations.SqlParameter }, cancellationToken: cancellationToken))];
    }

    /// <summary>One uppdrag with its receivers' follow-ups per period; null when there is no such uppdrag.</summary>
    public async Task<AssignmentView?> GetAsync(int id, DateOnly today, CancellationToken cancellationToken = default) =>
        (await ReadAsync(id, new AssignmentFilter(), today, cancellationToken)).SingleOrDefault();

    /// <summary>The nämnder and styrelser of the organisations that have plans, for the list's filters.</summary>
    public async Task<IReadOnlyList<AssignmentCommittee>> CommitteesAsync(OrganisationScope? organisations = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AssignmentCommittee>(new CommandDefinition($"""
            select c.id, c.area_id, c.code,
                   -- Two organisations' nämnder may share a name (Regionstyrelsen): the choice then says whose.
                   {CommitteeNameSql.Distinct} as name
            from committee c join area a on a.id = c.area_id
            where exists (select 1 from plan p where p.area_id = c.area_id)
              and (@Organisations::text[] is null or c.area_id = any(@Organisations))
            order by 4, c.area_id
            """, new { Organisations = organisations?.SqlParameter }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Every plan version, current ones first and the newest plan first among them (the start page's order), for the form's
    /// choice of version.
    /// </summary>
    public async Task<IReadOnlyList<AssignmentVersionOption>> VersionsAsync(OrganisationScope? organisations = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AssignmentVersionOption>(new CommandDefinition("""
            select v.id, v.plan_id, p.name as plan_name, v.name as version_name, v.is_current
            from plan_version v join plan p on p.id = v.plan_id
            where @Organisations::text[] is null or p.area_id = any(@Organisations)
            order by v.is_current desc, p.start_year desc, p.name, v.name
            """, new { Organisations = organisations?.SqlParameter }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>What the form for an uppdrag of <paramref name="versionId"/> chooses from; null when there is no such version.</summary>
    public async Task<AssignmentFormOptions?> FormOptionsAsync(int versionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var version = await connection.QuerySingleOrDefaultAsync<AssignmentVersionOption>(new CommandDefinition("""
            select v.id, v.plan_id, p.name as plan_name, v.name as version_name, v.is_current
            from plan_version v join plan p on p.id = v.plan_id where v.id = @Id
            """, new { Id = versionId }, cancellationToken: cancellationToken));
        if (version is null)
        {
            return null;
        }

        var parameters = new { Id = versionId };
        var committees = await connection.QueryAsync<AssignmentCommittee>(new CommandDefinition("""
            select c.id, c.area_id, c.code, c.name from committee c join plan p on p.area_id = c.area_id join plan_version v on v.plan_id = p.id
            where v.id = @Id order by c.name
            """, parameters, cancellationToken: cancellationToken));
        var goals = await connection.QueryAsync<AssignmentGoalOption>(new CommandDefinition("""
            select g.id, ga.code as goal_area_code, g.code, g.name from goal g join goal_area ga on ga.id = g.goal_area_id
            where ga.plan_version_id = @Id order by ga.sort_order, ga.code, g.sort_order, g.code
            """, parameters, cancellationToken: cancellationToken));
        var indicators = await connection.QueryAsync<AssignmentIndicatorLink>(new CommandDefinition("""
            select i.id, i.code, i.name from indicator i join plan p on p.area_id = i.area_id join plan_version v on v.plan_id = p.id
            where v.id = @Id order by i.name, i.code
            """, parameters, cancellationToken: cancellationToken));
        return new AssignmentFormOptions(version, committees.AsList(), goals.AsList(), indicators.AsList());
    }

    static bool Passes(AssignmentView a, AssignmentFilter filter, DateOnly today) =>
        (filter.Status is not { } status || a.State.Status == status)
        && filter.Deadline switch
        {
            AssignmentDeadline.Overdue => a.State.Overdue,
            AssignmentDeadline.EndsThisYear => a.EndDate?.Year == today.Year,
            AssignmentDeadline.EndsSoon => a.EndDate is { } end && end >= today && end <= today.AddDays(90) && !a.State.Status.IsClosed(),
            _ => true,
        };

    async Task<IReadOnlyList<AssignmentView>> ReadAsync(int? id, AssignmentFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(AssignmentsSql, new
        {
            Id = id, filter.VersionId, filter.GivenByCouncil, GivenBy = filter.GivenByCommitteeId, Receiver = filter.ReceiverCommitteeId, Goal = filter.GoalId,
        }, cancellationToken: cancellationToken))).AsList();
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = new { Ids = rows.Select(r => r.Id).ToArray() };
        var receivers = (await connection.QueryAsync<ReceiverRow>(new CommandDefinition(ReceiversSql, ids, cancellationToken: cancellationToken))).AsList();
        var followUps = (await connection.QueryAsync<FollowUpRow>(new CommandDefinition(FollowUpsSql, ids, cancellationToken: cancellationToken)))
            .ToLookup(f => (f.AssignmentId, f.CommitteeId), f => f.ToFollowUp());
        var indicators = (await connection.QueryAsync<IndicatorRow>(new CommandDefinition(IndicatorsSql, ids, cancellationToken: cancellationToken)))
            .ToLookup(i => i.AssignmentId, i => new AssignmentIndicatorLink(i.Id, i.Code, i.Name));
        var receiversOf = receivers.ToLookup(r => r.AssignmentId,
            r => new AssignmentReceiver(r.CommitteeId, r.Code, r.Name, r.Level, [.. followUps[(r.AssignmentId, r.CommitteeId)]]));
        return [.. rows.Select(r =>
        {
            var mine = receiversOf[r.Id].ToList();
            var state = AssignmentStateRule.Judge([.. mine.Select(x => new ReceiverStatus(x.Shown, x.Latest?.Status))], r.EndDate, today);
            return new AssignmentView(r.Id, r.PlanId, r.PlanVersionId, r.PlanName, r.VersionName, r.Code, r.Text, r.GivenByCommitteeId, r.GivenBy, r.GoalId,
                r.GoalCode, r.GoalName, r.StartDate, r.EndDate, r.IsExample, r.SortOrder, r.RowVersion, mine,
                [.. indicators[r.Id]], state);
        })];
    }

    sealed record Row(
        int Id, int PlanId, int PlanVersionId, string PlanName, string VersionName, string Code, string Text, int? GivenByCommitteeId, string GivenBy,
        int? GoalId, string? GoalCode, string? GoalName, DateOnly? StartDate, DateOnly? EndDate, bool IsExample, int SortOrder, string RowVersion);

    sealed record ReceiverRow(int AssignmentId, int CommitteeId, string Code, string Name, string Level);

    sealed record IndicatorRow(int AssignmentId, int Id, string Code, string Name);

    sealed record FollowUpRow(
        int AssignmentId, int CommitteeId, int ReportPeriodId, int Year, string Kind, string Status, string Comment, DateOnly? ExpectedCompletion,
        bool IsExample, string? UpdatedBy, DateTime UpdatedAt)
    {
        public AssignmentFollowUp ToFollowUp() => new(
            ReportPeriodId, Year, ReportNames.ParseKind(Kind), AssignmentStatusCodes.Parse(Status), Comment, ExpectedCompletion,
            IsExample, UpdatedBy, new DateTimeOffset(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)));
    }
}
