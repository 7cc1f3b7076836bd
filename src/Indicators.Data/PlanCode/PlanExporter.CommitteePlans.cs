using System.Globalization;
using Dapper;
using Npgsql;

namespace Indicators.Data.PlanCode;

public sealed partial class PlanExporter
{
    /// <summary>The versions with their nämndplaner; a version without any keeps <see cref="VersionPart.CommitteePlans"/> null, so it exports as before.</summary>
    static async Task<List<VersionPart>> WithCommitteePlansAsync(NpgsqlConnection connection, object args, List<VersionPart> versions, CancellationToken cancellationToken)
    {
        const string plansSql = """
            select cp.id, v.name as version, c.code as committee, cp.name, cp.start_year::int, cp.end_year::int, cp.decided_by, cp.decided_on, cp.decision_section
            from committee_plan cp join plan_version v on v.id = cp.plan_version_id join committee c on c.id = cp.committee_id
            where v.plan_id = @PlanId
            order by c.code, cp.name
            """;
        const string subGoalsSql = """
            select s.id, s.committee_plan_id, s.code, ga.code as goal_area, g.code as goal, s.name, s.description
            from sub_goal s join committee_plan cp on cp.id = s.committee_plan_id join plan_version v on v.id = cp.plan_version_id
                join goal g on g.id = s.goal_id join goal_area ga on ga.id = g.goal_area_id
            where v.plan_id = @PlanId
            order by s.sort_order, s.code
            """;
        const string indicatorsSql = """
            select si.sub_goal_id as Id, i.code
            from sub_goal_indicator si join indicator i on i.id = si.indicator_id join sub_goal s on s.id = si.sub_goal_id
                join committee_plan cp on cp.id = s.committee_plan_id join plan_version v on v.id = cp.plan_version_id
            where v.plan_id = @PlanId
            order by si.sort_order, i.code
            """;
        const string targetsSql = """
            select t.committee_plan_id, i.code as indicator, t.year, nullif(t.gender, 'T') as gender, t.value, t.band_min, t.band_max,
                   t.tolerance, t.tolerance_kind, t.provenance, t.is_example as example
            from target_value t join indicator i on i.id = t.indicator_id join committee_plan cp on cp.id = t.committee_plan_id
                join plan_version v on v.id = cp.plan_version_id
            where v.plan_id = @PlanId
            order by i.code, t.year, case coalesce(t.gender, 'T') when 'T' then 0 when 'K' then 1 else 2 end
            """;
        var plans = (await connection.QueryAsync<CommitteePlanRow>(new CommandDefinition(plansSql, args, cancellationToken: cancellationToken))).ToLookup(p => p.Version);
        if (plans.Count == 0)
        {
            return versions;
        }

        var subGoals = (await connection.QueryAsync<SubGoalRow>(new CommandDefinition(subGoalsSql, args, cancellationToken: cancellationToken))).ToLookup(s => s.CommitteePlanId);
        var indicators = (await connection.QueryAsync<(int Id, string Code)>(new CommandDefinition(indicatorsSql, args, cancellationToken: cancellationToken)))
            .ToLookup(i => i.Id, i => i.Code);
        var targets = (await connection.QueryAsync<CommitteeTargetRow>(new CommandDefinition(targetsSql, args, cancellationToken: cancellationToken)))
            .ToLookup(t => t.CommitteePlanId, t => new TargetPart(
                t.Indicator, t.Year, t.Gender, t.Value, t.BandMin, t.BandMax, t.Tolerance, t.ToleranceKind, t.Provenance, t.Example));
        return [.. versions.Select(v => plans[v.Name].Any()
            ? v with
            {
                CommitteePlans = [.. plans[v.Name].Select(p => new CommitteePlanPart(p.Committee, p.Name, p.StartYear, p.EndYear, p.DecidedBy, p.DecidedOn, p.DecisionSection,
                    [.. subGoals[p.Id].Select(s => new SubGoalPart(s.Code, s.GoalArea, s.Goal, s.Name, s.Description, [.. indicators[s.Id]]))],
                    [.. targets[p.Id]]))],
            }
            : v)];
    }

    static void WriteCommitteePlans(YamlWriter w, VersionPart v)
    {
        if (v.CommitteePlans is not { Count: > 0 } plans)
        {
            return;
        }

        w.Items("committee_plans", plans, p =>
        {
            w.Scalar("committee", p.Committee);
            w.Scalar("name", p.Name);
            w.Number("start_year", p.StartYear);
            w.Number("end_year", p.EndYear);
            w.Scalar("decided_by", p.DecidedBy);
            w.Scalar("decided_on", p.DecidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.Scalar("decision_section", p.DecisionSection);
            w.Items("sub_goals", p.SubGoals, s =>
            {
                w.Scalar("code", s.Code);
                w.Scalar("goal_area", s.GoalArea);
                w.Scalar("goal", s.Goal);
                w.Scalar("name", s.Name);
                w.Scalar("description", s.Description);
                w.FlowList("indicators", s.Indicators);
            });
            w.Items("targets", p.Targets, t => WriteTarget(w, t));
        });
    }

    sealed record CommitteePlanRow(
        int Id, string Version, string Committee, string Name, int StartYear, int EndYear, string? DecidedBy, DateOnly? DecidedOn, string? DecisionSection);

    sealed record SubGoalRow(int Id, int CommitteePlanId, string Code, string GoalArea, string Goal, string Name, string? Description);

    sealed record CommitteeTargetRow(
        int CommitteePlanId, string Indicator, short Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax,
        decimal? Tolerance, string? ToleranceKind, string? Provenance, bool Example);
}
