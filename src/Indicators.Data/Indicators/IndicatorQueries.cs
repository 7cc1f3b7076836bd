using Dapper;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Core.Plans;
using Indicators.Data.Sources;
using Npgsql;

namespace Indicators.Data.Indicators;

/// <summary>
/// Reads one indicator for its page: eight statements sent in one batch (one round trip), each aggregated in SQL and read
/// through an index on the indicator (and the plan's area); nothing is queried per row.
/// </summary>
public sealed class IndicatorQueries(NpgsqlDataSource dataSource)
{
    // The plan to judge in: the one asked for, else the newest plan whose current version links the indicator.
    // Its area (or, without a plan, the indicator's primary area) is the area whose outcomes the page shows.
    const string Chosen = """
        with chosen as (
            select p.id as plan_id, p.name as plan_name, p.area_id, p.start_year, p.end_year, p.is_demo,
                   v.id as version_id, v.name as version_name
            from plan p
            join lateral (
                select id, name from plan_version
                where plan_id = p.id
                order by is_current desc, created_at desc, id desc
                limit 1) v on true
            where case when @PlanId::int is not null then p.id = @PlanId::int
                       else exists (
                           select 1 from goal_area ga
                           join goal g on g.goal_area_id = ga.id
                           join goal_indicator gi on gi.goal_id = g.id
                           where ga.plan_version_id = v.id and gi.indicator_id = @IndicatorId) end
            order by p.start_year desc, p.id desc
            limit 1),
        shown_area as (
            select coalesce((select area_id from chosen), i.primary_area_id) as area_id
            from indicator i where i.id = @IndicatorId)
        """;

    const string IndicatorSql = Chosen + """

        select i.id, i.code, i.name, i.description, i.unit, i.decimals,
               i.direction, i.frequency, i.gender_split, i.kpi_id,
               i.source_description, c.id as OwnerCommitteeId, c.name as OwnerCommittee,
               i.tolerance, i.tolerance_kind, i.trend_min_difference,
               i.aggregation, i.is_demo,
               a.id as AreaId, a.name as AreaName,
               ch.plan_id, ch.plan_name, ch.start_year, ch.end_year,
               ch.version_name, ch.is_demo as PlanIsDemo, i.counted_noun
        from indicator i
        left join committee c on c.id = i.owner_committee_id
        join area a on a.id = (select area_id from shown_area)
        left join chosen ch on true
        where i.id = @IndicatorId;
        """;

    const string TargetSql = Chosen + """

        select t.year, t.gender, t.value, t.band_min, t.band_max,
               t.is_example, t.provenance
        from target t
        where t.plan_version_id = (select version_id from chosen) and t.indicator_id = @IndicatorId
        order by t.year, t.gender nulls first;
        """;

    // Read through observation_area_indicator (area_id, indicator_id, period_year).
    const string ObservationSql = Chosen + """

        select o.period, o.gender, o.value, o.status, o.revision,
               o.run_id, s.name as SourceName, coalesce(r.finished_at, r.started_at) as RunAt, o.is_demo
        from observation o
        left join ingestion_run r on r.id = o.run_id
        left join source s on s.id = r.source_id
        where o.area_id = (select area_id from shown_area) and o.indicator_id = @IndicatorId;
        """;

    const string RevisionSql = Chosen + """

        select o.period, o.gender, rv.revision, rv.value, rv.status,
               rv.replaced_at, rv.replaced_by_run_id, s.name as ReplacedBySource
        from observation o
        join observation_revision rv on rv.observation_id = o.id
        left join ingestion_run r on r.id = rv.replaced_by_run_id
        left join source s on s.id = r.source_id
        where o.area_id = (select area_id from shown_area) and o.indicator_id = @IndicatorId
        order by o.period, o.gender, rv.revision;
        """;

    // The peers: all regions and riket, or with a comparison group (@GroupId) its members, riket and the shown area.
    // The comparison period: the newest total period in which the shown area has a value and at least four fifths as many
    // peers as in the best-covered period do (a year still being published by some regions is not "complete").
    // Read through the unique (indicator_id, period, area_id, gender) index.
    const string PeerFilter = """
        (case when @GroupId::int is null then a.kind in ('region', 'country')
              else a.kind = 'country' or a.id = (select area_id from shown_area)
                   or a.id in (select m.area_id from area_group_member m where m.group_id = @GroupId::int) end)
        """;

    const string PeerSql = Chosen + $"""
        ,
        periods as (
            select o.period,
                   count(*) filter (where a.kind <> 'country' and o.status = 'ok') as regions,
                   bool_or(o.area_id = (select area_id from shown_area) and o.status = 'ok') as ours
            from observation o
            join area a on a.id = o.area_id
            where o.indicator_id = @IndicatorId and o.gender = 'T' and {PeerFilter}
            group by o.period),
        peer_period as (
            select period from periods
            where ours and regions >= 2 and regions * 5 >= 4 * (select max(regions) from periods)
            order by period desc
            limit 1)
        select o.period, a.id as AreaId, a.name, a.short_name, a.kind = 'country' as IsCountry,
               o.value, o.status
        from observation o
        join area a on a.id = o.area_id
        where o.indicator_id = @IndicatorId and o.gender = 'T' and {PeerFilter}
          and o.period = (select period from peer_period)
        order by a.sort_order, a.id;
        """;

    // The periods of the plan's outcomes for its area, so the default follow-up period is the overview's
    // (FollowUpPeriod.Default over the newest outcome of any of the plan's indicators).
    const string PlanPeriodSql = Chosen + """

        select distinct o.period
        from observation o
        where o.area_id = (select area_id from chosen) and o.gender = 'T'
          and o.indicator_id in (
            select gi.indicator_id
            from goal_area ga
            join goal g on g.goal_area_id = ga.id
            join goal_indicator gi on gi.goal_id = g.id
            where ga.plan_version_id = (select version_id from chosen));
        """;

    const string Batch = IndicatorSql + "\n" + TargetSql + "\n" + ObservationSql + "\n" + RevisionSql + "\n" + PeerSql + "\n" + PlanPeriodSql + "\n" + IndicatorSourceRows.Sql;

    /// <summary>
    /// The indicator's page in the given plan (else the newest plan whose current version links it); null when no such
    /// indicator exists. An unknown plan id is treated as no plan.
    /// </summary>
    public Task<IndicatorPageData?> GetPageAsync(int indicatorId, int? planId, CancellationToken ct = default) =>
        GetPageAsync(indicatorId, planId, null, ct);

    /// <summary>
    /// As the other overload, with the peers of the comparison group <paramref name="groupId"/> (its members and riket)
    /// instead of all regions; an unknown group compares with riket alone.
    /// </summary>
    public async Task<IndicatorPageData?> GetPageAsync(int indicatorId, int? planId, int? groupId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            Batch, new { IndicatorId = indicatorId, IndicatorIds = new[] { indicatorId }, PlanId = planId, GroupId = groupId }, cancellationToken: ct));
        var indicator = await results.ReadSingleOrDefaultAsync<IndicatorRow>();
        var targets = (await results.ReadAsync<TargetRow>()).Select(t => t.ToTargetValue()).ToList();
        var observations = (await results.ReadAsync<ObservationRow>()).Select(o => o.ToObservation()).OrderBy(o => o.Period).ThenBy(o => o.Gender).ToList();
        var revisions = (await results.ReadAsync<RevisionRow>()).Select(r => r.ToRevision()).ToList();
        var peerRows = (await results.ReadAsync<PeerRow>()).AsList();
        var newestInPlan = (await results.ReadAsync<string>()).Select(p => (Period?)Period.Parse(p)).Max();
        var sources = (await results.ReadAsync<IndicatorSourceRows.Row>()).Select(s => s.ToIndicatorSource()).ToList();
        if (indicator is null)
        {
            return null;
        }

        var plan = indicator.PlanId is { } id
            ? new IndicatorPlan(id, indicator.PlanName!, indicator.StartYear!.Value, indicator.EndYear!.Value, indicator.VersionName!,
                indicator.PlanIsDemo ?? false, targets, newestInPlan)
            : null;
        return new IndicatorPageData(indicator.ToDetails(), plan, indicator.AreaId, indicator.AreaName, observations, revisions,
            peerRows.Count > 0 ? Period.Parse(peerRows[0].Period) : null,
            [.. peerRows.Select(p => new PeerObservation(p.AreaId, p.Name, p.ShortName, p.IsCountry, p.Value, ParseStatus(p.Status)))],
            sources);
    }

    static ObservationStatus ParseStatus(string status) =>
        ObservationStatusCodes.TryParse(status, out var parsed) ? parsed : throw new FormatException($"Unknown observation status '{status}'.");

    static Gender ParseGender(string gender) =>
        GenderCodes.TryParse(gender, out var parsed) ? parsed : throw new FormatException($"Unknown gender '{gender}'.");

    sealed record IndicatorRow(
        int Id, string Code, string Name, string? Description, string Unit, short Decimals, string Direction, string Frequency,
        bool GenderSplit, string? KpiId, string? SourceDescription, int? OwnerCommitteeId, string? OwnerCommittee,
        decimal? Tolerance, string? ToleranceKind, decimal TrendMinDifference, string Aggregation, bool IsDemo,
        string AreaId, string AreaName, int? PlanId, string? PlanName, short? StartYear, short? EndYear, string? VersionName, bool? PlanIsDemo,
        string? CountedNoun)
    {
        public IndicatorDetails ToDetails() => new(
            Id, Code, Name, Description, Unit, Decimals, DirectionCodes.Parse(Direction), Frequency, GenderSplit, KpiId, SourceDescription,
            OwnerCommitteeId, OwnerCommittee,
            (Tolerance, ToleranceKind) switch
            {
                ({ } amount, "relative") => Core.Attainment.Tolerance.Relative(amount),
                ({ } amount, _) => Core.Attainment.Tolerance.Absolute(amount),
                _ => null,
            },
            TrendMinDifference, Aggregation == "sum" ? Core.Attainment.Aggregation.Sum : Core.Attainment.Aggregation.Rate, IsDemo, CountedNoun);
    }

    sealed record TargetRow(short Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, bool IsExample, string? Provenance)
    {
        public TargetValue ToTargetValue() => new(
            Year, Gender is { } g && GenderCodes.TryParse(g, out var gender) ? gender : null, Value, BandMin, BandMax, IsExample, Provenance);
    }

    sealed record ObservationRow(
        string Period, string Gender, decimal? Value, string Status, int Revision, long? RunId, string? SourceName, DateTime? RunAt, bool IsDemo)
    {
        public IndicatorObservation ToObservation() => new(
            Core.Periods.Period.Parse(Period), ParseGender(Gender), Value, ParseStatus(Status), Revision, RunId, SourceName, DbTime.Utc(RunAt), IsDemo);
    }

    sealed record RevisionRow(
        string Period, string Gender, int Revision, decimal? Value, string Status, DateTime ReplacedAt, long? ReplacedByRunId, string? ReplacedBySource)
    {
        public IndicatorRevision ToRevision() => new(
            Core.Periods.Period.Parse(Period), ParseGender(Gender), Revision, Value, ParseStatus(Status),
            DbTime.Utc(ReplacedAt)!.Value, ReplacedByRunId, ReplacedBySource);
    }

    sealed record PeerRow(string Period, string AreaId, string Name, string ShortName, bool IsCountry, decimal? Value, string Status);
}
