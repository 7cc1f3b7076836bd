using Dapper;
using Indicators.Core.Organisations;
using Indicators.Core.ActionPlans;
using Npgsql;

namespace Indicators.Data.ActionPlans;

/// <summary>
/// An action plan as stored: the Core <see cref="ActionPlan"/> its sums are computed from, and what a page, an editor or a
/// report needs beside it (ids, the plan version's years, the nämnd, row versions). <see cref="Measures"/> lists the
/// åtgärder in the order of <c>Plan.Measures</c>, each with its id.
/// </summary>
public sealed record ActionPlanDetail(
    int Id,
    int PlanVersionId,
    string PlanName,
    string VersionName,
    int PlanStartYear,
    int PlanEndYear,
    int CommitteeId,
    string CommitteeCode,
    string CommitteeName,
    string? Description,
    bool IsExample,
    int SortOrder,
    string RowVersion,
    ActionPlan Plan,
    IReadOnlyList<ActionMeasureDetail> Measures)
{
    /// <summary>The years the plan may name (the year before the plan's first through its last).</summary>
    public ActionPlanYears AllowedYears => new(PlanStartYear, PlanEndYear);
}

/// <summary>An åtgärd as stored: its id, row version and description beside the Core <see cref="ActionMeasure"/>.</summary>
public sealed record ActionMeasureDetail(int Id, string RowVersion, string? Description, int SortOrder, ActionMeasure Measure);

/// <summary>A line of the list of åtgärdsplaner: which nämnd, which plan version, and the plan's size.</summary>
public sealed record ActionPlanListItem(
    int Id, int PlanVersionId, string PlanName, string VersionName, bool IsCurrentVersion, int CommitteeId, string CommitteeCode,
    string CommitteeName, string Name, string Unit, int MeasureCount);

/// <summary>A plan version and a nämnd of its organisation: where a new action plan can be made.</summary>
public sealed record ActionPlanPlace(int VersionId, string PlanName, string VersionName, int CommitteeId, string CommitteeName);

/// <summary>
/// Reads åtgärdsplaner. Read-only: the follow-up columns (realised, forecast, comment) come from
/// action_measure_follow_up rows of the report period asked for, which the nämnd's report writes.
/// </summary>
public sealed class ActionPlanQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Every action plan, by plan, version (current first), nämnd and the plans' own order.</summary>
    public async Task<IReadOnlyList<ActionPlanListItem>> ListAsync(OrganisationScope? organisations = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select a.id, a.plan_version_id, p.name as plan_name, v.name as version_name, v.is_current as is_current_version,
                   c.id as committee_id, c.code as committee_code, c.name as committee_name, a.name, a.unit,
                   (select count(*)::int from action_measure m where m.action_plan_id = a.id) as measure_count
            from action_plan a
            join plan_version v on v.id = a.plan_version_id
            join plan p on p.id = v.plan_id
            join committee c on c.id = a.committee_id
            where @Organisations::text[] is null or p.area_id = any(@Organisations)
            order by p.start_year desc, p.name, v.is_current desc, v.name, c.name, a.sort_order, a.name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ActionPlanListItem>(new CommandDefinition(sql, new { Organisations = organisations?.SqlParameter },
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Where a new action plan can go: each plan version with each nämnd of the plan's organisation.</summary>
    public async Task<IReadOnlyList<ActionPlanPlace>> PlacesAsync(OrganisationScope? organisations = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select v.id as version_id, p.name as plan_name, v.name as version_name, c.id as committee_id, c.name as committee_name
            from plan_version v
            join plan p on p.id = v.plan_id
            join committee c on c.area_id = p.area_id
            where @Organisations::text[] is null or p.area_id = any(@Organisations)
            order by p.start_year desc, p.name, v.is_current desc, v.name, c.name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ActionPlanPlace>(new CommandDefinition(sql, new { Organisations = organisations?.SqlParameter },
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>One action plan, with the follow-up of <paramref name="reportPeriodId"/> when one is given; null when it does not exist.</summary>
    public async Task<ActionPlanDetail?> GetAsync(int actionPlanId, int? reportPeriodId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await LoadAsync(connection, null, "a.id = @Id", new { Id = actionPlanId }, reportPeriodId, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// The action plan(s) of a nämnd in a plan version, in their order, with the follow-up of <paramref name="reportPeriodId"/>
    /// (each åtgärd's realised effect, forecast and comment) when one is given.
    /// </summary>
    public async Task<IReadOnlyList<ActionPlanDetail>> ForCommitteeAsync(
        int planVersionId, int committeeId, int? reportPeriodId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ForCommitteeAsync(connection, null, planVersionId, committeeId, reportPeriodId, cancellationToken);
    }

    /// <summary>As the other overload, inside a connection and transaction the caller holds (a report freezing what it shows).</summary>
    public static Task<IReadOnlyList<ActionPlanDetail>> ForCommitteeAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, int planVersionId, int committeeId, int? reportPeriodId,
        CancellationToken cancellationToken = default) =>
        LoadAsync(connection, transaction, "a.plan_version_id = @VersionId and a.committee_id = @CommitteeId",
            new { VersionId = planVersionId, CommitteeId = committeeId }, reportPeriodId, cancellationToken);

    /// <summary>
    /// The action plans of a plan version, of one nämnd or (null) every nämnd, with the follow-up of a report period: what
    /// a report shows (<see cref="ActionPlanReportQueries"/>).
    /// </summary>
    internal static Task<IReadOnlyList<ActionPlanDetail>> ForReportAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, int planVersionId, int? committeeId, int reportPeriodId,
        CancellationToken cancellationToken) =>
        LoadAsync(connection, transaction, "a.plan_version_id = @VersionId and (@CommitteeId::int is null or a.committee_id = @CommitteeId)",
            new { VersionId = planVersionId, CommitteeId = committeeId }, reportPeriodId, cancellationToken);

    /// <summary>Every action plan of a plan version, as plan export writes them.</summary>
    internal static Task<IReadOnlyList<ActionPlanDetail>> ForVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, int planVersionId, CancellationToken cancellationToken = default) =>
        LoadAsync(connection, transaction, "a.plan_version_id = @VersionId", new { VersionId = planVersionId }, null, cancellationToken);

    static async Task<IReadOnlyList<ActionPlanDetail>> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, object filter, int? reportPeriodId, CancellationToken cancellationToken)
    {
        // The filter is one of this class's constant conditions; its values are parameters.
        var sql = $"""
            select a.id, a.plan_version_id, p.name as plan_name, v.name as version_name, p.start_year::int as plan_start_year,
                   p.end_year::int as plan_end_year, c.id as committee_id, c.code as committee_code, c.name as committee_name,
                   a.name, a.description, a.unit, a.is_example, a.sort_order, a.xmin::text as row_version
            from action_plan a
            join plan_version v on v.id = a.plan_version_id
            join plan p on p.id = v.plan_id
            join committee c on c.id = a.committee_id
            where {where}
            order by a.sort_order, a.name;
            """;
        var plans = (await connection.QueryAsync<PlanRow>(new CommandDefinition(sql, filter, transaction, cancellationToken: cancellationToken))).AsList();
        if (plans.Count == 0)
        {
            return [];
        }

        var ids = plans.Select(p => p.Id).ToArray();
        const string partsSql = """
            select action_plan_id, year::int as year, frame, starting_result, required_effect
            from action_plan_year where action_plan_id = any (@Ids) order by year;
            select m.id, m.action_plan_id, m.name, m.description, m.sort_order, m.xmin::text as row_version,
                   f.realised, f.forecast, coalesce(f.comment, '') as comment, coalesce(f.is_example, false) as is_example
            from action_measure m
            left join action_measure_follow_up f on f.measure_id = m.id and f.report_period_id = @PeriodId
            where m.action_plan_id = any (@Ids)
            order by m.sort_order, m.name, m.id;
            select e.measure_id, e.year::int as year, e.planned
            from action_measure_effect e join action_measure m on m.id = e.measure_id
            where m.action_plan_id = any (@Ids);
            """;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            partsSql, new { Ids = ids, PeriodId = reportPeriodId }, transaction, cancellationToken: cancellationToken));
        var years = (await results.ReadAsync<YearRow>()).ToLookup(y => y.ActionPlanId);
        var measures = (await results.ReadAsync<MeasureRow>()).ToLookup(m => m.ActionPlanId);
        var effects = (await results.ReadAsync<EffectRow>()).ToLookup(e => e.MeasureId);

        return [.. plans.Select(p =>
        {
            var details = measures[p.Id].Select(m => new ActionMeasureDetail(m.Id, m.RowVersion, m.Description, m.SortOrder, new ActionMeasure(
                m.Name, effects[m.Id].ToDictionary(e => e.Year, e => e.Planned), m.Realised, m.Forecast, m.Comment, m.IsExample))).ToList();
            var plan = new ActionPlan(p.Name, p.Unit,
                [.. years[p.Id].Select(y => new ActionPlanYear(y.Year, y.Frame, y.StartingResult, y.RequiredEffect))],
                [.. details.Select(d => d.Measure)]);
            return new ActionPlanDetail(p.Id, p.PlanVersionId, p.PlanName, p.VersionName, p.PlanStartYear, p.PlanEndYear, p.CommitteeId,
                p.CommitteeCode, p.CommitteeName, p.Description, p.IsExample, p.SortOrder, p.RowVersion, plan, details);
        })];
    }

    sealed record PlanRow(
        int Id, int PlanVersionId, string PlanName, string VersionName, int PlanStartYear, int PlanEndYear, int CommitteeId, string CommitteeCode,
        string CommitteeName, string Name, string? Description, string Unit, bool IsExample, int SortOrder, string RowVersion);

    sealed record YearRow(int ActionPlanId, int Year, decimal? Frame, decimal? StartingResult, decimal? RequiredEffect);

    sealed record MeasureRow(
        int Id, int ActionPlanId, string Name, string? Description, int SortOrder, string RowVersion, decimal? Realised, decimal? Forecast,
        string Comment, bool IsExample);

    sealed record EffectRow(int MeasureId, int Year, decimal Planned);
}
