using Dapper;
using Indicators.Core.CommitteePlans;
using Indicators.Core.Plans;
using Npgsql;

namespace Indicators.Data.CommitteePlans;

/// <summary>
/// A plan version's nämndplaner as the editor opens them (each row with its row version) and what a delmål can refer to:
/// the version's mål, the organisation's nämnder and indicators.
/// </summary>
public sealed class CommitteePlanQueries(NpgsqlDataSource dataSource)
{
    public async Task<CommitteePlanEditing?> ReadAsync(int planId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var version = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition("""
            select p.id as plan_id, p.name as plan_name, p.area_id, p.start_year::int, p.end_year::int, v.id as version_id, v.name as version_name
            from plan p
            join lateral (select id, name from plan_version where plan_id = p.id order by is_current desc, created_at desc, id desc limit 1) v on true
            where p.id = @PlanId
            """, new { PlanId = planId }, cancellationToken: cancellationToken));
        if (version is null)
        {
            return null;
        }

        var parameters = new { version.VersionId, version.AreaId };
        var plans = await connection.QueryAsync<PlanRow>(new CommandDefinition("""
            select cp.id, cp.xmin::text as row_version, cp.committee_id, c.name as committee_name, cp.name, cp.start_year::int, cp.end_year::int,
                   cp.decided_by, cp.decided_on, cp.decision_section
            from committee_plan cp join committee c on c.id = cp.committee_id
            where cp.plan_version_id = @VersionId
            order by c.name, cp.start_year, cp.name
            """, parameters, cancellationToken: cancellationToken));
        var subGoals = await connection.QueryAsync<SubGoalRow>(new CommandDefinition("""
            select s.id, s.xmin::text as row_version, s.committee_plan_id, s.goal_id, s.code, s.name, s.description, s.sort_order
            from sub_goal s join committee_plan cp on cp.id = s.committee_plan_id
            where cp.plan_version_id = @VersionId
            order by s.sort_order, s.code
            """, parameters, cancellationToken: cancellationToken));
        var links = (await connection.QueryAsync<LinkRow>(new CommandDefinition("""
            select si.sub_goal_id, i.code as indicator_code
            from sub_goal_indicator si join sub_goal s on s.id = si.sub_goal_id join committee_plan cp on cp.id = s.committee_plan_id
            join indicator i on i.id = si.indicator_id
            where cp.plan_version_id = @VersionId
            order by si.sort_order, i.code
            """, parameters, cancellationToken: cancellationToken))).ToLookup(l => l.SubGoalId, l => l.IndicatorCode);
        var targets = (await connection.QueryAsync<TargetRow>(new CommandDefinition("""
            select t.committee_plan_id, i.code as indicator_code, t.year::int, t.gender, t.value, t.band_min, t.band_max, t.tolerance, t.tolerance_kind,
                   t.provenance, t.is_example
            from target_value t join indicator i on i.id = t.indicator_id
            where t.plan_version_id = @VersionId and t.committee_plan_id is not null
            order by t.year, t.gender nulls first
            """, parameters, cancellationToken: cancellationToken))).ToLookup(t => (t.CommitteePlanId, t.IndicatorCode), t => t.ToDraft());
        var goals = await connection.QueryAsync<GoalChoice>(new CommandDefinition("""
            select g.id, ga.code as goal_area_code, g.code, g.name, g.owner_committee_id
            from goal g join goal_area ga on ga.id = g.goal_area_id
            where ga.plan_version_id = @VersionId
            order by ga.sort_order, ga.code, g.sort_order, g.code
            """, parameters, cancellationToken: cancellationToken));
        var committees = await connection.QueryAsync<CommitteeChoice>(new CommandDefinition(
            "select id, code, name from committee where area_id = @AreaId order by name", parameters, cancellationToken: cancellationToken));
        var indicators = await connection.QueryAsync<IndicatorChoiceRow>(new CommandDefinition(
            "select code, name, unit, direction, gender_split from indicator where area_id = @AreaId order by name, code", parameters, cancellationToken: cancellationToken));

        return new CommitteePlanEditing(version.PlanId, version.PlanName, version.VersionId, version.VersionName, version.StartYear, version.EndYear,
            [.. plans.Select(p => new CommitteePlanEdit(p.Id, p.RowVersion, p.CommitteeId, p.CommitteeName,
                new CommitteePlanDraft(p.Name, p.StartYear, p.EndYear, p.DecidedBy, p.DecidedOn, p.DecisionSection),
                [.. subGoals.Where(s => s.CommitteePlanId == p.Id).Select(s => new SubGoalEdit(s.Id, s.RowVersion,
                    new SubGoalDraft(s.GoalId, s.Code, s.Name, s.Description, s.SortOrder,
                        [.. links[s.Id].Select(code => new SubGoalIndicatorDraft(code, [.. targets[(p.Id, code)]]))])))]))],
            [.. goals], [.. committees],
            [.. indicators.Select(i => new IndicatorChoice(i.Code, i.Name, i.Unit, DirectionCodes.Parse(i.Direction), i.GenderSplit))]);
    }

    sealed record VersionRow(int PlanId, string PlanName, string AreaId, int StartYear, int EndYear, int VersionId, string VersionName);

    sealed record PlanRow(
        int Id, string RowVersion, int CommitteeId, string CommitteeName, string Name, int StartYear, int EndYear, string? DecidedBy, DateOnly? DecidedOn,
        string? DecisionSection);

    sealed record SubGoalRow(int Id, string RowVersion, int CommitteePlanId, int GoalId, string Code, string Name, string? Description, int SortOrder);

    sealed record LinkRow(int SubGoalId, string IndicatorCode);

    sealed record TargetRow(
        int CommitteePlanId, string IndicatorCode, int Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance,
        string? ToleranceKind, string? Provenance, bool IsExample)
    {
        public TargetDraft ToDraft() => new(Year, Gender, Value, BandMin, BandMax, Tolerance, ToleranceKind, Provenance, IsExample);
    }

    sealed record IndicatorChoiceRow(string Code, string Name, string Unit, string Direction, bool GenderSplit);
}

/// <summary>A plan's current version with its nämndplaner for the editor, and what their delmål can refer to.</summary>
public sealed record CommitteePlanEditing(
    int PlanId, string PlanName, int VersionId, string VersionName, int StartYear, int EndYear, IReadOnlyList<CommitteePlanEdit> Plans,
    IReadOnlyList<GoalChoice> Goals, IReadOnlyList<CommitteeChoice> Committees, IReadOnlyList<IndicatorChoice> Indicators);

public sealed record CommitteePlanEdit(int Id, string RowVersion, int CommitteeId, string CommitteeName, CommitteePlanDraft Draft, IReadOnlyList<SubGoalEdit> SubGoals);

public sealed record SubGoalEdit(int Id, string RowVersion, SubGoalDraft Draft);

public sealed record GoalChoice(int Id, string GoalAreaCode, string Code, string Name, int? OwnerCommitteeId);

public sealed record CommitteeChoice(int Id, string Code, string Name);

public sealed record IndicatorChoice(string Code, string Name, string Unit, Direction Direction, bool GenderSplit);
