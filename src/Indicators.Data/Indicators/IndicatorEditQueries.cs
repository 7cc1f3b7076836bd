using Dapper;
using Indicators.Core.Organisations;
using Indicators.Core.Plans;
using Npgsql;

namespace Indicators.Data.Indicators;

/// <summary>An indicator in the analysts' list, with the mål it follows up and the sources that feed it.</summary>
public sealed record IndicatorListRow(
    int Id, string Organisation, string Code, string Name, string Unit, string Direction, string Frequency, string? OwnerCode, string? Owner,
    string[] Goals, string[] Sources);

/// <summary>An indicator as stored, for its edit form: the draft, the row version it was read at, its links and targets.</summary>
public sealed record StoredIndicator(
    int Id, string Version, string OrganisationId, IndicatorDraft Draft, IReadOnlyList<int> GoalIds, IReadOnlyList<VersionTargets> Targets);

/// <summary>What an edit form offers to choose from.</summary>
public sealed record IndicatorChoices(
    IReadOnlyList<OrganisationChoice> Organisations, IReadOnlyList<CommitteeChoice> Committees, IReadOnlyList<AreaChoice> Areas,
    IReadOnlyList<PlanVersionChoice> Versions);

public sealed record OrganisationChoice(string Id, string Name);

public sealed record CommitteeChoice(string OrganisationId, string Code, string Name);

public sealed record AreaChoice(string Id, string Name, string Kind);

/// <summary>A plan version of an organisation, with its years and its målområden and mål to link an indicator to.</summary>
public sealed record PlanVersionChoice(
    int Id, string OrganisationId, string Plan, string Version, bool IsCurrent, int StartYear, int EndYear, IReadOnlyList<GoalAreaChoice> GoalAreas,
    bool IsAdopted = false)
{
    public string Label => $"{Plan}, {Version}";
}

public sealed record GoalAreaChoice(string Code, string Name, IReadOnlyList<GoalChoice> Goals);

public sealed record GoalChoice(int Id, string Code, string Name);

/// <summary>Reads for the analysts' indicator pages: the list, one indicator as its form shows it, and the form's choices.</summary>
public sealed class IndicatorEditQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<IndicatorListRow>> ListAsync(OrganisationScope? organisations = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select i.id, a.short_name as Organisation, i.code, i.name, i.unit, i.direction,
                   i.frequency, c.code as OwnerCode, c.name as Owner,
                   coalesce((select array_agg(g.code || ' ' || g.name || case when v.is_current then '' else ' (' || v.name || ')' end
                                              order by p.start_year, v.is_current desc, v.id, ga.sort_order, g.sort_order, g.id)
                             from goal_indicator gi
                             join goal g on g.id = gi.goal_id
                             join goal_area ga on ga.id = g.goal_area_id
                             join plan_version v on v.id = ga.plan_version_id
                             join plan p on p.id = v.plan_id
                             where gi.indicator_id = i.id), '{}') as Goals,
                   coalesce((select array_agg(s.name order by s.name)
                             from source_indicator si join source s on s.id = si.source_id
                             where si.indicator_id = i.id), '{}') as Sources
            from indicator i
            join area a on a.id = i.area_id
            left join committee c on c.id = i.owner_committee_id
            where @Organisations::text[] is null or i.area_id = any(@Organisations)
            order by a.sort_order, i.area_id, i.code
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ListRow>(new CommandDefinition(sql, new { Organisations = organisations?.SqlParameter }, cancellationToken: cancellationToken));
        return rows.Select(r => new IndicatorListRow(
            r.Id, r.Organisation, r.Code, r.Name, r.Unit, r.Direction, r.Frequency, r.OwnerCode, r.Owner, r.Goals, r.Sources)).ToList();
    }

    // Npgsql reports text[] columns as System.Array, which Dapper's constructor matching refuses; its property setters take them.
    sealed class ListRow
    {
        public int Id { get; set; }
        public string Organisation { get; set; } = "";
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Unit { get; set; } = "";
        public string Direction { get; set; } = "";
        public string Frequency { get; set; } = "";
        public string? OwnerCode { get; set; }
        public string? Owner { get; set; }
        public string[] Goals { get; set; } = [];
        public string[] Sources { get; set; } = [];
    }

    sealed record IndicatorRow(
        int Id, string Version, string OrganisationId, string Code, string Name, string? Description, string Unit, int Decimals, string Direction,
        string Frequency, string Aggregation, bool GenderSplit, decimal? Tolerance, string? ToleranceKind, decimal TrendMinDifference,
        string? SourceDescription, string? KpiId, string? OwnerCommitteeCode, string PrimaryAreaId, string? CountedNoun);

    sealed record TargetRow(
        int PlanVersionId, int Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance, string? ToleranceKind,
        string? Provenance, bool IsExample);

    public async Task<StoredIndicator?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select i.id, i.xmin::text as Version, i.area_id as OrganisationId, i.code, i.name, i.description,
                   i.unit, i.decimals::int, i.direction, i.frequency, i.aggregation,
                   i.gender_split, i.tolerance, i.tolerance_kind,
                   i.trend_min_difference, i.source_description, i.kpi_id,
                   c.code as OwnerCommitteeCode, i.primary_area_id, i.counted_noun
            from indicator i left join committee c on c.id = i.owner_committee_id
            where i.id = @Id;
            select area_id from indicator_comparison_area where indicator_id = @Id order by area_id;
            select goal_id from goal_indicator where indicator_id = @Id order by goal_id;
            select plan_version_id, year::int, gender::text, value, band_min,
                   band_max, tolerance, tolerance_kind, provenance, is_example
            from target where indicator_id = @Id
            order by plan_version_id, year, gender nulls first;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { Id = id }, cancellationToken: cancellationToken));
        var row = await results.ReadSingleOrDefaultAsync<IndicatorRow>();
        var areas = (await results.ReadAsync<string>()).AsList();
        var goals = (await results.ReadAsync<int>()).AsList();
        var targets = (await results.ReadAsync<TargetRow>()).AsList();
        if (row is null)
        {
            return null;
        }

        var draft = new IndicatorDraft(
            row.Code, row.Name, row.Description, row.Unit, row.Decimals, DirectionCodes.Parse(row.Direction), row.Frequency, row.Aggregation,
            row.GenderSplit, row.Tolerance, row.ToleranceKind, row.TrendMinDifference, row.SourceDescription, row.KpiId, row.OwnerCommitteeCode,
            row.PrimaryAreaId, areas, row.CountedNoun);
        var byVersion = targets.GroupBy(t => t.PlanVersionId).Select(g => new VersionTargets(g.Key, g.Select(t => new TargetDraft(
            t.Year, t.Gender?.Trim(), t.Value, t.BandMin, t.BandMax, t.Tolerance, t.ToleranceKind, t.Provenance, t.IsExample)).ToList())).ToList();
        return new StoredIndicator(row.Id, row.Version, row.OrganisationId, draft, goals, byVersion);
    }

    sealed record GoalRow(int VersionId, string AreaCode, string AreaName, int GoalId, string GoalCode, string GoalName);

    sealed record VersionRow(int Id, string OrganisationId, string Plan, string Version, bool IsCurrent, int StartYear, int EndYear, bool IsAdopted);

    /// <summary>What the editor chooses from, within the editor's organisations (none given: every one; issue 21).</summary>
    public async Task<IndicatorChoices> ChoicesAsync(OrganisationScope? scope = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select a.id, a.name from area a
            where (exists (select 1 from plan p where p.area_id = a.id) or exists (select 1 from committee c where c.area_id = a.id))
              and (@Organisations::text[] is null or a.id = any(@Organisations))
            order by a.sort_order, a.name;
            select area_id as OrganisationId, code, name from committee where @Organisations::text[] is null or area_id = any(@Organisations) order by name;
            select id, name, kind from area order by sort_order, name;
            select v.id, p.area_id as OrganisationId, p.name as Plan, v.name as Version, v.is_current,
                   p.start_year::int, p.end_year::int, v.kind = 'adopted' as IsAdopted
            from plan_version v join plan p on p.id = v.plan_id
            where @Organisations::text[] is null or p.area_id = any(@Organisations)
            order by p.start_year desc, p.id, v.is_current desc, v.id;
            select ga.plan_version_id as VersionId, ga.code as AreaCode, ga.name as AreaName, g.id as GoalId, g.code as GoalCode, g.name as GoalName
            from goal g join goal_area ga on ga.id = g.goal_area_id
            order by ga.sort_order, ga.id, g.sort_order, g.id;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { Organisations = scope?.SqlParameter },
            cancellationToken: cancellationToken));
        var organisations = (await results.ReadAsync<OrganisationChoice>()).AsList();
        var committees = (await results.ReadAsync<CommitteeChoice>()).AsList();
        var areas = (await results.ReadAsync<AreaChoice>()).AsList();
        var versions = (await results.ReadAsync<VersionRow>()).AsList();
        var goals = (await results.ReadAsync<GoalRow>()).AsList();
        var choices = versions.Select(v => new PlanVersionChoice(
            v.Id, v.OrganisationId, v.Plan, v.Version, v.IsCurrent, v.StartYear, v.EndYear,
            goals.Where(g => g.VersionId == v.Id)
                .GroupBy(g => (g.AreaCode, g.AreaName))
                .Select(a => new GoalAreaChoice(a.Key.AreaCode, a.Key.AreaName, a.Select(g => new GoalChoice(g.GoalId, g.GoalCode, g.GoalName)).ToList()))
                .ToList(), v.IsAdopted)).ToList();
        return new IndicatorChoices(organisations, committees, areas, choices);
    }
}
