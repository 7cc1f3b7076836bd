using Dapper;
using Indicators.Core.Comparison;
using Indicators.Core.FollowUp;
using Indicators.Core.Organisations;
using Indicators.Data.Plans;
using Npgsql;

namespace Indicators.Data.Comparison;

/// <summary>Reads two plan versions and compares them (issue 21, <see cref="PlanComparison"/>).</summary>
public sealed class PlanComparisonQueries(NpgsqlDataSource dataSource)
{
    const string SideSql = """
        select p.id as PlanId, p.name as PlanName, p.area_id as OrganisationId, a.name as OrganisationName,
               v.id as VersionId, v.name as VersionName, v.kind as VersionKind, p.start_year::int as StartYear, p.end_year::int as EndYear,
               p.is_demo as IsDemo, v.is_current as IsCurrent
        from plan_version v
        join plan p on p.id = v.plan_id
        join area a on a.id = p.area_id
        """;

    /// <summary>
    /// The comparison of two versions (of one plan or of two) for a follow-up period (null: the default period); null when
    /// either version does not exist or belongs to an organisation outside <paramref name="scope"/>.
    /// </summary>
    public async Task<PlanComparison?> CompareAsync(
        int leftVersionId, int rightVersionId, FollowUpPeriod? period, OrganisationScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        IReadOnlyList<int> ids = [leftVersionId, rightVersionId];
        List<SideRow> sides;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            sides = (await connection.QueryAsync<SideRow>(new CommandDefinition(
                SideSql + " where v.id = any (@Ids)", new { Ids = ids.ToArray() }, cancellationToken: cancellationToken))).AsList();
        }

        var left = sides.FirstOrDefault(s => s.VersionId == leftVersionId);
        var right = sides.FirstOrDefault(s => s.VersionId == rightVersionId);
        if (left is null || right is null || !scope.Allows(left.OrganisationId) || !scope.Allows(right.OrganisationId))
        {
            return null;
        }

        // Outcomes are read whole, whatever the period; it only chooses what is judged, so the left version's default can
        // be chosen after reading it.
        var plans = new PlanQueries(dataSource);
        var leftPlan = await plans.GetVersionOverviewAsync(left.PlanId, left.VersionId, period ?? FollowUpPeriod.WholeYear(left.StartYear), cancellationToken);
        var rightPlan = await plans.GetVersionOverviewAsync(right.PlanId, right.VersionId, period ?? FollowUpPeriod.WholeYear(right.StartYear), cancellationToken);
        if (leftPlan is null || rightPlan is null)
        {
            return null;
        }

        var matches = await MatchesAsync(leftVersionId, rightVersionId, cancellationToken);
        return PlanComparisonBuilder.Build(left.ToSide(), leftPlan, right.ToSide(), rightPlan, matches, period ?? PlanComparisonBuilder.DefaultPeriod(leftPlan));
    }

    /// <summary>The analysts' matches of a mål of one version with a mål of the other, either way round.</summary>
    public async Task<IReadOnlyList<GoalMatch>> MatchesAsync(int versionId, int otherVersionId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select m.goal_id as GoalId, m.other_goal_id as OtherGoalId
            from comparison_match m
            join goal g on g.id = m.goal_id
            join goal_area ga on ga.id = g.goal_area_id
            join goal o on o.id = m.other_goal_id
            join goal_area oa on oa.id = o.goal_area_id
            where (ga.plan_version_id = @VersionId and oa.plan_version_id = @OtherVersionId)
               or (ga.plan_version_id = @OtherVersionId and oa.plan_version_id = @VersionId)
            order by m.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<GoalMatch>(new CommandDefinition(
            sql, new { VersionId = versionId, OtherVersionId = otherVersionId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// The plan versions a user may compare, by organisation, plan (newest first) and version (the current one first):
    /// only those of organisations the scope allows.
    /// </summary>
    public async Task<IReadOnlyList<VersionChoice>> ListVersionsAsync(OrganisationScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SideRow>(new CommandDefinition(
            SideSql + """

                where (@Organisations::text[] is null or p.area_id = any (@Organisations))
                order by a.name, p.start_year desc, p.name, p.id, v.is_current desc, v.created_at, v.id
                """, new { Organisations = scope.SqlParameter }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new VersionChoice(r.ToSide(), r.IsCurrent))];
    }

    sealed record SideRow(
        int PlanId, string PlanName, string OrganisationId, string OrganisationName, int VersionId, string VersionName, string VersionKind,
        int StartYear, int EndYear, bool IsDemo, bool IsCurrent)
    {
        public ComparedSide ToSide() =>
            new(PlanId, PlanName, OrganisationId, OrganisationName, VersionId, VersionName, VersionKind, StartYear, EndYear, IsDemo);
    }
}

/// <summary>A plan version that can be chosen for a comparison, and whether it is its plan's current one.</summary>
public sealed record VersionChoice(ComparedSide Version, bool IsCurrent);
