using Dapper;
using Indicators.Core.Organisations;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>What the plan editing pages show: plans with their versions, a version's tree, an organisation's nämnder.
/// Each row carries its row version (<c>xmin</c>), which an update sends back to prove nobody changed it meanwhile.</summary>
public sealed class PlanEditQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<PlanListing>> ListPlansAsync(OrganisationScope? organisations = null, CancellationToken cancellationToken = default)
    {
        const string plans = """
            select p.id, p.name, a.id as AreaId, a.name as AreaName, p.start_year::int, p.end_year::int
            from plan p join area a on a.id = p.area_id
            where @Organisations::text[] is null or p.area_id = any(@Organisations)
            order by a.name, p.start_year desc, p.name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<PlanRow>(new CommandDefinition(plans, new { Organisations = organisations?.SqlParameter },
            cancellationToken: cancellationToken))).AsList();
        var versions = (await connection.QueryAsync<VersionRow>(new CommandDefinition(VersionsSql + " order by v.plan_id, v.created_at, v.id", cancellationToken: cancellationToken)))
            .ToLookup(v => v.PlanId, v => v.ToListing());
        return [.. rows.Select(p => new PlanListing(p.Id, p.Name, p.AreaId, p.AreaName, p.StartYear, p.EndYear, [.. versions[p.Id]]))];
    }

    /// <summary>Organisations a plan can be made for: the areas of kind region.</summary>
    public async Task<IReadOnlyList<OrganisationChoice>> ListOrganisationsAsync(OrganisationScope? organisations = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select a.id, a.name, exists (select 1 from plan p where p.area_id = a.id) as HasPlans,
                   exists (select 1 from committee c where c.area_id = a.id) as HasCommittees
            from area a where a.kind = 'region' and (@Organisations::text[] is null or a.id = any(@Organisations)) order by a.sort_order, a.name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<OrganisationChoice>(new CommandDefinition(sql, new { Organisations = organisations?.SqlParameter },
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<PlanEditModel?> GetPlanAsync(int planId, CancellationToken cancellationToken = default)
    {
        const string plan = """
            select p.id, p.name, p.vision, a.id as AreaId, a.name as AreaName,
                   p.start_year::int, p.end_year::int, p.xmin::text as RowVersion
            from plan p join area a on a.id = p.area_id
            where p.id = @PlanId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PlanEditRow>(new CommandDefinition(plan, new { PlanId = planId }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var versions = (await connection.QueryAsync<VersionRow>(new CommandDefinition(
            VersionsSql + " where v.plan_id = @PlanId order by v.created_at, v.id", new { PlanId = planId }, cancellationToken: cancellationToken))).Select(v => v.ToListing()).ToList();
        return new PlanEditModel(row.Id, row.Name, row.Vision, row.AreaId, row.AreaName, row.StartYear, row.EndYear, row.RowVersion, versions);
    }

    const string VersionsSql = """
        select v.id, v.plan_id, v.name, v.kind, v.author, v.decided_on::timestamp,
               v.is_current, v.xmin::text as RowVersion,
               (select count(*)::int from goal_area ga where ga.plan_version_id = v.id) as GoalAreas,
               (select count(*)::int from target t where t.plan_version_id = v.id) as Targets,
               v.decided_by, v.decision_section, v.current_from::timestamp,
               (select r.name from plan_version r where r.id = v.revises_version_id) as Revises
        from plan_version v
        """;

    /// <summary>A version's målområden → mål → indicators, in their order, with each mål's owner and contributors.</summary>
    public async Task<IReadOnlyList<GoalAreaEdit>> GetTreeAsync(int versionId, CancellationToken cancellationToken = default)
    {
        const string areas = """
            select id, code, name, description, kind, sort_order, xmin::text as RowVersion
            from goal_area where plan_version_id = @VersionId order by sort_order, code
            """;
        const string goals = """
            select g.id, g.goal_area_id, g.code, g.name, g.description,
                   c.code as OwnerCommitteeCode, c.name as OwnerCommitteeName,
                   (select coalesce(string_agg(cc.code, chr(31) order by cc.code), '') from goal_contributor gc join committee cc on cc.id = gc.committee_id
                    where gc.goal_id = g.id) as ContributorCodes,
                   g.sort_order, g.xmin::text as RowVersion
            from goal g
            join goal_area ga on ga.id = g.goal_area_id
            left join committee c on c.id = g.owner_committee_id
            where ga.plan_version_id = @VersionId
            order by g.sort_order, g.code
            """;
        const string indicators = """
            select gi.goal_id, i.id, i.code, i.name
            from goal_indicator gi
            join goal g on g.id = gi.goal_id
            join goal_area ga on ga.id = g.goal_area_id
            join indicator i on i.id = gi.indicator_id
            where ga.plan_version_id = @VersionId
            order by gi.sort_order, i.name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new { VersionId = versionId };
        var areaRows = (await connection.QueryAsync<AreaRow>(new CommandDefinition(areas, parameters, cancellationToken: cancellationToken))).AsList();
        var goalRows = (await connection.QueryAsync<GoalRow>(new CommandDefinition(goals, parameters, cancellationToken: cancellationToken))).AsList();
        var links = (await connection.QueryAsync<LinkRow>(new CommandDefinition(indicators, parameters, cancellationToken: cancellationToken)))
            .ToLookup(l => l.GoalId, l => new IndicatorLink(l.Id, l.Code, l.Name));
        var goalsByArea = goalRows.ToLookup(g => g.GoalAreaId, g => new GoalEdit(
            g.Id, g.Code, g.Name, g.Description, g.OwnerCommitteeCode, g.OwnerCommitteeName, JoinedText.Split(g.ContributorCodes), g.SortOrder, g.RowVersion, [.. links[g.Id]]));
        return [.. areaRows.Select(a => new GoalAreaEdit(a.Id, a.Code, a.Name, a.Description, a.Kind, a.SortOrder, a.RowVersion, [.. goalsByArea[a.Id]]))];
    }

    /// <summary>An organisation's nämnder with what they own and contribute to (mål of every plan, indicators).</summary>
    public async Task<IReadOnlyList<CommitteeEdit>> ListCommitteesAsync(string areaId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select c.id, c.code, c.name, c.xmin::text as RowVersion,
                   (select coalesce(string_agg(distinct g.code, chr(31) order by g.code), '') from goal g where g.owner_committee_id = c.id) as OwnedGoals,
                   (select coalesce(string_agg(distinct g.code, chr(31) order by g.code), '')
                    from goal_contributor gc join goal g on g.id = gc.goal_id where gc.committee_id = c.id) as ContributedGoals,
                   (select coalesce(string_agg(i.code, chr(31) order by i.code), '') from indicator i where i.owner_committee_id = c.id) as OwnedIndicators
            from committee c
            where c.area_id = @AreaId
            order by c.name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. (await connection.QueryAsync<CommitteeRow>(new CommandDefinition(sql, new { AreaId = areaId }, cancellationToken: cancellationToken)))
            .Select(c => new CommitteeEdit(c.Id, c.Code, c.Name, c.RowVersion, JoinedText.Split(c.OwnedGoals), JoinedText.Split(c.ContributedGoals), JoinedText.Split(c.OwnedIndicators)))];
    }

    sealed record PlanRow(int Id, string Name, string AreaId, string AreaName, int StartYear, int EndYear);

    sealed record PlanEditRow(int Id, string Name, string? Vision, string AreaId, string AreaName, int StartYear, int EndYear, string RowVersion);

    sealed record VersionRow(
        int Id, int PlanId, string Name, string Kind, string? Author, DateTime? DecidedOn, bool IsCurrent, string RowVersion, int GoalAreas, int Targets,
        string? DecidedBy, string? DecisionSection, DateTime? CurrentFrom, string? Revises)
    {
        public VersionListing ToListing() => new(
            Id, Name, Kind, Author, DecidedOn is { } d ? DateOnly.FromDateTime(d) : null, IsCurrent, RowVersion, GoalAreas, Targets, DecidedBy, DecisionSection,
            CurrentFrom is { } c ? DateOnly.FromDateTime(c) : null, Revises);
    }

    sealed record AreaRow(int Id, string Code, string Name, string? Description, string Kind, int SortOrder, string RowVersion);

    sealed record GoalRow(
        int Id, int GoalAreaId, string Code, string Name, string? Description, string? OwnerCommitteeCode, string? OwnerCommitteeName,
        string ContributorCodes, int SortOrder, string RowVersion);

    sealed record CommitteeRow(int Id, string Code, string Name, string RowVersion, string OwnedGoals, string ContributedGoals, string OwnedIndicators);

    sealed record LinkRow(int GoalId, int Id, string Code, string Name);
}

public sealed record PlanListing(int Id, string Name, string AreaId, string AreaName, int StartYear, int EndYear, IReadOnlyList<VersionListing> Versions);

public sealed record OrganisationChoice(string Id, string Name, bool HasPlans, bool HasCommittees)
{
    /// <summary>
    /// The organisation a form starts on: the one with plans, else one with nämnder (the area catalogue holds every
    /// region; the one in use has its nämnder set up), else the first region; empty when there is none.
    /// </summary>
    public static string DefaultOf(IReadOnlyList<OrganisationChoice> organisations) =>
        (organisations.FirstOrDefault(o => o.HasPlans) ?? organisations.FirstOrDefault(o => o.HasCommittees)
            ?? (organisations.Count > 0 ? organisations[0] : null))?.Id ?? "";
}

public sealed record VersionListing(
    int Id, string Name, string Kind, string? Author, DateOnly? DecidedOn, bool IsCurrent, string RowVersion, int GoalAreas, int Targets,
    string? DecidedBy = null, string? DecisionSection = null, DateOnly? CurrentFrom = null, string? Revises = null);

public sealed record PlanEditModel(
    int Id, string Name, string? Vision, string AreaId, string AreaName, int StartYear, int EndYear, string RowVersion, IReadOnlyList<VersionListing> Versions)
{
    /// <summary>The version asked for, else the current one, else the newest.</summary>
    public VersionListing? Version(int? id) =>
        Versions.FirstOrDefault(v => v.Id == id) ?? Versions.FirstOrDefault(v => v.IsCurrent) ?? (Versions.Count > 0 ? Versions[^1] : null);
}

public sealed record GoalAreaEdit(int Id, string Code, string Name, string? Description, string Kind, int SortOrder, string RowVersion, IReadOnlyList<GoalEdit> Goals);

public sealed record GoalEdit(
    int Id, string Code, string Name, string? Description, string? OwnerCommitteeCode, string? OwnerCommitteeName,
    IReadOnlyList<string> ContributorCodes, int SortOrder, string RowVersion, IReadOnlyList<IndicatorLink> Indicators);

public sealed record IndicatorLink(int Id, string Code, string Name);

public sealed record CommitteeEdit(
    int Id, string Code, string Name, string RowVersion, IReadOnlyList<string> OwnedGoals, IReadOnlyList<string> ContributedGoals, IReadOnlyList<string> OwnedIndicators);
