using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Indicators.Core.Organisations;
using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Core.Plans;
using Indicators.Core.Reports;
using Indicators.Data.ActionPlans;
using Indicators.Data.Assignments;
using Indicators.Data.Plans;
using Npgsql;

namespace Indicators.Data.Reports;

/// <summary>
/// Reads report periods and builds reports: a finalised nämnd's report from its snapshot and one under review from the
/// figures it was submitted with (never from today's data, which is only compared with them), open ones from today's data
/// through the same rules as the dashboard.
/// </summary>
public sealed class ReportQueries(NpgsqlDataSource dataSource, PlanQueries plans)
{
    /// <summary>How snapshots are stored: enums by name, so a snapshot still reads after an enum gains a member.</summary>
    internal static readonly JsonSerializerOptions SnapshotJson = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// Each nämnd owning goals or receiving an uppdrag in a period's plan version gets its report, also when it came to
    /// own or receive one after the period was created. Idempotent; run before periods are read and when one is created.
    /// </summary>
    internal const string EnsureCommitteeReportsSql = """
        insert into committee_report (report_period_id, committee_id)
        select distinct rp.id, g.owner_committee_id
        from report_period rp
        join goal_area ga on ga.plan_version_id = rp.plan_version_id
        join goal g on g.goal_area_id = ga.id
        where g.owner_committee_id is not null and (@PeriodId::int is null or rp.id = @PeriodId)
        union -- a nämnd receiving an uppdrag follows it up in its report, goals or not
        select rp.id, ar.committee_id
        from report_period rp
        join assignment a on a.plan_version_id = rp.plan_version_id
        join assignment_receiver ar on ar.assignment_id = a.id
        where @PeriodId::int is null or rp.id = @PeriodId
        union -- a nämnd with an åtgärdsplan follows it up in its report, goals or not
        select rp.id, ap.committee_id from report_period rp join action_plan ap on ap.plan_version_id = rp.plan_version_id
        where @PeriodId::int is null or rp.id = @PeriodId
        on conflict do nothing
        """;

    /// <summary>Every report period, newest first; with <paramref name="committeeId"/> only those that nämnd reports in.</summary>
    public async Task<IReadOnlyList<ReportPeriodSummary>> ListPeriodsAsync(int? committeeId = null, OrganisationScope? organisations = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select rp.id, p.id as PlanId, p.name as PlanName, v.id as PlanVersionId, v.name as VersionName,
                   rp.year::int, rp.kind, rp.created_at
            from report_period rp
            join plan_version v on v.id = rp.plan_version_id
            join plan p on p.id = v.plan_id
            where (@CommitteeId::int is null
               or exists (select 1 from committee_report cr where cr.report_period_id = rp.id and cr.committee_id = @CommitteeId))
              and (@Organisations::text[] is null or p.area_id = any(@Organisations))
            order by rp.year desc, rp.kind = 'annual' desc, p.name, v.name, rp.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(EnsureCommitteeReportsSql, new { PeriodId = (int?)null }, cancellationToken: cancellationToken));
        var periods = (await connection.QueryAsync<PeriodRow>(new CommandDefinition(sql, new { CommitteeId = committeeId, Organisations = organisations?.SqlParameter },
            cancellationToken: cancellationToken))).AsList();
        var states = await ReadStatesAsync(connection, [.. periods.Select(p => p.Id)], null, cancellationToken);
        return [.. periods.Select(p => p.ToSummary(states[p.Id]))];
    }

    public async Task<ReportPeriodSummary?> GetPeriodAsync(int periodId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var period = await ReadPeriodAsync(connection, periodId, cancellationToken);
        if (period is null)
        {
            return null;
        }

        var states = await ReadStatesAsync(connection, [periodId], null, cancellationToken);
        return new ReportPeriodSummary(period.Id, period.PlanId, period.PlanName, period.PlanVersionId, period.VersionName, period.Year,
            period.Kind, period.CreatedAt, [.. states[periodId]]);
    }

    /// <summary>A nämnd's report; null when the period or the nämnd's report in it does not exist.</summary>
    public async Task<CommitteeReportView?> GetCommitteeReportAsync(int periodId, int committeeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var period = await ReadPeriodAsync(connection, periodId, cancellationToken);
        if (period is null)
        {
            return null;
        }

        var state = (await ReadStatesAsync(connection, [periodId], committeeId, cancellationToken))[periodId].SingleOrDefault();
        if (state is null)
        {
            return null;
        }

        if (state.State == ReportState.Finalised)
        {
            var frozen = await ReadSnapshotAsync(connection, periodId, committeeId, cancellationToken);
            var now = await BuildLiveAsync(connection, period, committeeId, state, cancellationToken);
            return new CommitteeReportView(frozen, state, ReportRevision.Compare(frozen, now));
        }

        if (state.State == ReportState.UnderReview && await SubmittedSnapshot.ReadAsync(connection, periodId, committeeId, cancellationToken) is { } submitted)
        {
            var now = await BuildLiveAsync(connection, period, committeeId, state, cancellationToken);
            return new CommitteeReportView(SubmittedSnapshot.WithTextsOf(submitted, now), state, ReportRevision.Compare(submitted, now));
        }

        return new CommitteeReportView(await BuildLiveAsync(connection, period, committeeId, state, cancellationToken), state, null);
    }

    /// <summary>The whole region's report: finalised and submitted nämnder's goals from their snapshots, the rest as they read now.</summary>
    public async Task<ReportDocument?> GetRegionReportAsync(int periodId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var period = await ReadPeriodAsync(connection, periodId, cancellationToken);
        if (period is null)
        {
            return null;
        }

        var states = (await ReadStatesAsync(connection, [periodId], null, cancellationToken))[periodId].ToList();
        var regionDecision = await ReportReview.ReadRegionDecisionAsync(connection, periodId, cancellationToken);
        // The plan and its outcomes are read once; each nämnd's part is built from them.
        var data = await ReadLiveDataAsync(connection, period, cancellationToken);
        var region = await BuildLiveAsync(connection, period, null, null, cancellationToken, data);
        region = region with { Header = ReportReview.RegionHeader(region.Header, states, regionDecision) };
        var committees = new List<ReportDocument>();
        foreach (var state in states)
        {
            committees.Add(state.State == ReportState.Finalised
                ? await ReadSnapshotAsync(connection, periodId, state.CommitteeId, cancellationToken)
                : await SubmittedSnapshot.ReadAsync(connection, periodId, state.CommitteeId, cancellationToken)
                    ?? await BuildLiveAsync(connection, period, state.CommitteeId, state, cancellationToken, data));
        }

        return ReportBuilder.ComposeRegion(region, committees) with { ActionPlans = [.. committees.SelectMany(c => c.ActionPlans)] };
    }

    /// <summary>
    /// A report as today's data and texts give it: the nämnd's (or with no <paramref name="committeeId"/> the region's,
    /// with every nämnd's goal texts); an årsrapport gets the same year's delårsrapport to compare with. The plan and its
    /// outcomes (<paramref name="data"/>) are read when not given.
    /// </summary>
    internal async Task<ReportDocument> BuildLiveAsync(
        NpgsqlConnection connection, PeriodDetails period, int? committeeId, CommitteeReportState? state, CancellationToken cancellationToken,
        LiveData? data = null)
    {
        data ??= await ReadLiveDataAsync(connection, period, cancellationToken);
        var header = new ReportHeader(period.Id, period.PlanId, period.PlanName, period.VersionName, period.AreaName, period.Year, period.Kind,
            committeeId, state?.CommitteeName ?? period.AreaName, state?.State ?? ReportState.Open, state?.FinalisedAt, state?.FinalisedBy,
            DateTimeOffset.UtcNow);

        ReportDocument? interim = null;
        if (period.Kind == ReportKind.Annual)
        {
            interim = await InterimOfAsync(connection, period, committeeId, data, cancellationToken);
        }

        var inputs = new ReportInputs(
            data.GenderOutcomes,
            await ReadGoalTextsAsync(connection, period.Id, committeeId, cancellationToken),
            committeeId is { } id ? await ReadCommentsAsync(connection, period.Id, id, cancellationToken) : new Dictionary<int, IndicatorComment>(),
            interim);
        var document = ReportBuilder.Build(header, data.Overview with { Period = period.Kind.Period(period.Year) }, inputs) with
        {
            Assignments = await AssignmentReportQueries.ReadAsync(connection, period.Id, committeeId, SwedishFormat.Date(header.DataReadAt), cancellationToken),
        };
        return committeeId is { } committee
            ? document with { ActionPlans = await ActionPlanReportQueries.ReadAsync(connection, period.Id, period.PlanVersionId, period.Year, committee, cancellationToken) }
            : document;
    }

    /// <summary>
    /// The plan version with every outcome of its indicators (the period only picks what is judged, so one read serves
    /// the delårsrapport and the årsrapport alike) and the K/M outcomes of its gender-split indicators.
    /// </summary>
    internal async Task<LiveData> ReadLiveDataAsync(NpgsqlConnection connection, PeriodDetails period, CancellationToken cancellationToken)
    {
        var overview = await plans.GetVersionOverviewAsync(period.PlanId, period.PlanVersionId, period.Kind.Period(period.Year), cancellationToken)
            ?? throw new InvalidOperationException($"Plan version {period.PlanVersionId} of report period {period.Id} is gone.");
        return new LiveData(overview, await ReadGenderOutcomesAsync(connection, period.AreaId, overview, cancellationToken));
    }

    /// <summary>
    /// The delårsrapport an årsrapport compares with: the same plan version and year; the nämnd's frozen snapshot when
    /// it is finalised, the figures it was submitted with under review, otherwise built from today's data (with only data up to august, as the forecast rule reads it).
    /// Without a delårsrapport period the forecast is still computed, so the comparison is always there.
    /// </summary>
    async Task<ReportDocument> InterimOfAsync(NpgsqlConnection connection, PeriodDetails annual, int? committeeId, LiveData data, CancellationToken cancellationToken)
    {
        const string sql = """
            select id from report_period where plan_version_id = @PlanVersionId and year = @Year and kind = 'interim'
            """;
        var interimId = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(sql, new { annual.PlanVersionId, Year = (short)annual.Year }, cancellationToken: cancellationToken));
        var interim = annual with { Id = interimId ?? 0, Kind = ReportKind.Interim };
        CommitteeReportState? state = null;
        if (interimId is { } id && committeeId is { } committee)
        {
            state = (await ReadStatesAsync(connection, [id], committee, cancellationToken))[id].SingleOrDefault();
            if (state?.State == ReportState.Finalised)
            {
                return await ReadSnapshotAsync(connection, id, committee, cancellationToken);
            }

            if (await SubmittedSnapshot.ReadAsync(connection, id, committee, cancellationToken) is { } submitted)
            {
                return submitted;
            }
        }

        return await BuildLiveAsync(connection, interim, committeeId, state, cancellationToken, data);
    }

    internal static async Task<PeriodDetails?> ReadPeriodAsync(NpgsqlConnection connection, int periodId, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        const string sql = """
            select rp.id, p.id as PlanId, p.name as PlanName, v.id as PlanVersionId, v.name as VersionName,
                   rp.year::int, rp.kind, rp.created_at, a.id as AreaId, a.name as AreaName,
                   p.start_year::int, p.end_year::int
            from report_period rp
            join plan_version v on v.id = rp.plan_version_id
            join plan p on p.id = v.plan_id
            join area a on a.id = p.area_id
            where rp.id = @PeriodId
            """;
        await connection.ExecuteAsync(new CommandDefinition(EnsureCommitteeReportsSql, new { PeriodId = periodId }, transaction, cancellationToken: cancellationToken));
        var row = await connection.QuerySingleOrDefaultAsync<PeriodDetailsRow>(new CommandDefinition(sql, new { PeriodId = periodId }, transaction, cancellationToken: cancellationToken));
        return row?.ToDetails();
    }

    internal static async Task<ILookup<int, CommitteeReportState>> ReadStatesAsync(
        NpgsqlConnection connection, int[] periodIds, int? committeeId, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        const string sql = """
            select cr.report_period_id as PeriodId, cr.committee_id, c.name as CommitteeName, cr.state,
                   cr.version, cr.submitted_at, user_display_name(cr.submitted_by) as SubmittedBy,
                   cr.finalised_at, user_display_name(cr.finalised_by) as FinalisedBy,
                   (select count(*)::int from goal g join goal_area ga on ga.id = g.goal_area_id
                    where ga.plan_version_id = rp.plan_version_id and g.owner_committee_id = cr.committee_id) as Goals,
                   (select count(*)::int from goal_assessment a
                    where a.report_period_id = cr.report_period_id and a.committee_id = cr.committee_id and a.assessed is not null) as AssessedGoals
            from committee_report cr
            join report_period rp on rp.id = cr.report_period_id
            join committee c on c.id = cr.committee_id
            where cr.report_period_id = any (@PeriodIds) and (@CommitteeId::int is null or cr.committee_id = @CommitteeId)
            order by c.name, c.id
            """;
        var rows = await connection.QueryAsync<StateRow>(new CommandDefinition(sql, new { PeriodIds = periodIds, CommitteeId = committeeId }, transaction, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.PeriodId, r => r.ToState());
    }

    static async Task<ReportDocument> ReadSnapshotAsync(NpgsqlConnection connection, int periodId, int committeeId, CancellationToken cancellationToken)
    {
        const string sql = "select snapshot::text from committee_report where report_period_id = @PeriodId and committee_id = @CommitteeId";
        var json = await connection.ExecuteScalarAsync<string>(new CommandDefinition(sql, new { PeriodId = periodId, CommitteeId = committeeId }, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"The finalised report of committee {committeeId} in period {periodId} has no snapshot.");
        return JsonSerializer.Deserialize<ReportDocument>(json, SnapshotJson)
            ?? throw new InvalidOperationException($"The snapshot of committee {committeeId} in period {periodId} is empty.");
    }

    static async Task<IReadOnlyDictionary<(int, Period, Gender), Outcome>> ReadGenderOutcomesAsync(
        NpgsqlConnection connection, string areaId, PlanOverview overview, CancellationToken cancellationToken)
    {
        const string sql = """
            select indicator_id, period, gender, value, status
            from observation
            where area_id = @AreaId and gender in ('K', 'M') and indicator_id = any (@IndicatorIds)
            """;
        var ids = overview.Indicators.Where(i => i.GenderSplit).Select(i => i.Id).ToArray();
        if (ids.Length == 0)
        {
            return new Dictionary<(int, Period, Gender), Outcome>();
        }

        var rows = await connection.QueryAsync<GenderRow>(new CommandDefinition(sql, new { AreaId = areaId, IndicatorIds = ids }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToDictionary(e => e.Key, e => e.Outcome);
    }

    internal static async Task<IReadOnlyDictionary<int, GoalTexts>> ReadGoalTextsAsync(
        NpgsqlConnection connection, int periodId, int? committeeId, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null, int? goalId = null)
    {
        const string sql = """
            select goal_id, assessed, motivation, analysis, actions,
                   version, user_display_name(updated_by) as UpdatedBy, updated_at
            from goal_assessment
            where report_period_id = @PeriodId and (@CommitteeId::int is null or committee_id = @CommitteeId)
              and (@GoalId::int is null or goal_id = @GoalId)
            """;
        var parameters = new { PeriodId = periodId, CommitteeId = committeeId, GoalId = goalId };
        var rows = await connection.QueryAsync<GoalTextsRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.GoalId, r => r.ToTexts());
    }

    internal static async Task<IReadOnlyDictionary<int, IndicatorComment>> ReadCommentsAsync(
        NpgsqlConnection connection, int periodId, int committeeId, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null, int? indicatorId = null)
    {
        const string sql = """
            select indicator_id, comment, version, user_display_name(updated_by) as UpdatedBy, updated_at
            from indicator_comment
            where report_period_id = @PeriodId and committee_id = @CommitteeId and (@IndicatorId::int is null or indicator_id = @IndicatorId)
            """;
        var parameters = new { PeriodId = periodId, CommitteeId = committeeId, IndicatorId = indicatorId };
        var rows = await connection.QueryAsync<CommentRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.IndicatorId, r => new IndicatorComment(r.Comment, r.Version, r.UpdatedBy, DbTime.Utc(r.UpdatedAt)));
    }

    sealed record PeriodRow(int Id, int PlanId, string PlanName, int PlanVersionId, string VersionName, int Year, string Kind, DateTime CreatedAt)
    {
        public ReportPeriodSummary ToSummary(IEnumerable<CommitteeReportState> states) =>
            new(Id, PlanId, PlanName, PlanVersionId, VersionName, Year, ReportNames.ParseKind(Kind), DbTime.Utc(CreatedAt)!.Value, [.. states]);
    }

    sealed record PeriodDetailsRow(
        int Id, int PlanId, string PlanName, int PlanVersionId, string VersionName, int Year, string Kind, DateTime CreatedAt,
        string AreaId, string AreaName, int StartYear, int EndYear)
    {
        public PeriodDetails ToDetails() =>
            new(Id, PlanId, PlanName, PlanVersionId, VersionName, Year, ReportNames.ParseKind(Kind), DbTime.Utc(CreatedAt)!.Value, AreaId, AreaName, StartYear, EndYear);
    }

    sealed record StateRow(
        int PeriodId, int CommitteeId, string CommitteeName, string State, int Version, DateTime? SubmittedAt, string? SubmittedBy,
        DateTime? FinalisedAt, string? FinalisedBy, int Goals, int AssessedGoals)
    {
        public CommitteeReportState ToState() => new(CommitteeId, CommitteeName, ReportNames.ParseState(State), Version,
            DbTime.Utc(SubmittedAt), SubmittedBy, DbTime.Utc(FinalisedAt), FinalisedBy, Goals, AssessedGoals);
    }

    sealed record GenderRow(int IndicatorId, string Period, string Gender, decimal? Value, string Status)
    {
        public ((int, Period, Gender) Key, Outcome Outcome) ToEntry()
        {
            var period = Core.Periods.Period.Parse(Period);
            var gender = GenderCodes.TryParse(Gender, out var parsedGender) ? parsedGender : throw new FormatException($"Unknown gender '{Gender}'.");
            var status = ObservationStatusCodes.TryParse(Status, out var parsed) ? parsed : throw new FormatException($"Unknown observation status '{Status}'.");
            return ((IndicatorId, period, gender), new Outcome(period, Value, status));
        }
    }

    sealed record GoalTextsRow(int GoalId, string? Assessed, string Motivation, string Analysis, string Actions, int Version, string? UpdatedBy, DateTime UpdatedAt)
    {
        public GoalTexts ToTexts() => new(Assessed is null ? null : GoalAssessmentCodes.Parse(Assessed), Motivation, Analysis, Actions, Version, UpdatedBy, DbTime.Utc(UpdatedAt));
    }

    sealed record CommentRow(int IndicatorId, string Comment, int Version, string? UpdatedBy, DateTime UpdatedAt);
}

/// <summary>What a live report is built from: the plan version with its outcomes, and K/M outcomes.</summary>
internal sealed record LiveData(PlanOverview Overview, IReadOnlyDictionary<(int, Period, Gender), Outcome> GenderOutcomes);

/// <summary>A report period with its plan and organisation, as the report builder needs it.</summary>
internal sealed record PeriodDetails(
    int Id, int PlanId, string PlanName, int PlanVersionId, string VersionName, int Year, ReportKind Kind, DateTimeOffset CreatedAt,
    string AreaId, string AreaName, int StartYear, int EndYear);
