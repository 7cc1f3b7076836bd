using Indicators.Core.Editing;
using Indicators.Core.Organisations;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Users;
using Npgsql;

namespace Indicators.Data.Comparison;

/// <summary>
/// An analyst's matches of mål across plan versions (issue 21): a mål of one version paired with a mål of another whose
/// code differs, so the comparison shows them side by side. Made and removed by an active Analytiker or Administratör
/// (checked on the account inside the write's transaction), only for mål of organisations the user's scope allows, and
/// audited. Refused in Swedish: two mål of one version, two mål with the same code (the code pairs them already), and a
/// mål already matched with a mål of the other's version.
/// </summary>
public sealed class ComparisonMatchEditor(NpgsqlDataSource dataSource)
{
    /// <summary>Matches two mål (in either order); returns the match's id.</summary>
    public Task<int> MatchAsync(int goalId, int otherGoalId, OrganisationScope scope, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireRightsAsync(edit);
            var goals = await GoalsAsync(edit, [goalId, otherGoalId], scope);
            var goal = goals.FirstOrDefault(g => g.Id == goalId) ?? throw Missing();
            var other = goals.FirstOrDefault(g => g.Id == otherGoalId) ?? throw Missing();
            if (goal.VersionId == other.VersionId)
            {
                throw new InvalidEditException("RightGoal",
                    $"Mål {goal.Code} och mål {other.Code} hör båda till ”{goal.Title}”. En matchning parar mål i två olika versioner.");
            }

            if (string.Equals(goal.Code.Trim(), other.Code.Trim(), StringComparison.Ordinal))
            {
                throw new InvalidEditException("RightGoal",
                    $"Mål {goal.Code} i ”{goal.Title}” och mål {other.Code} i ”{other.Title}” har samma kod och paras redan efter koden.");
            }

            foreach (var (one, another) in new[] { (goal, other), (other, goal) })
            {
                if (await edit.SingleOrDefaultAsync<string>("""
                    select g.code
                    from comparison_match m
                    join goal g on g.id = case when m.goal_id = @GoalId then m.other_goal_id else m.goal_id end
                    join goal_area ga on ga.id = g.goal_area_id
                    where (m.goal_id = @GoalId or m.other_goal_id = @GoalId) and ga.plan_version_id = @VersionId
                    limit 1
                    """, new { GoalId = one.Id, another.VersionId }) is { } matched)
                {
                    throw new InvalidEditException("RightGoal",
                        $"Mål {one.Code} i ”{one.Title}” är redan matchat med mål {matched} i ”{another.Title}”. Ta bort den matchningen först.");
                }
            }

            return await ComparisonMatchWriter.InsertAsync(edit, goalId, otherGoalId);
        }, cancellationToken);
    }

    /// <summary>Removes the match of two mål (in either order).</summary>
    public Task RemoveAsync(int goalId, int otherGoalId, OrganisationScope scope, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireRightsAsync(edit);
            var goals = await GoalsAsync(edit, [goalId, otherGoalId], scope);
            var id = goals.Count == 2
                ? await edit.SingleOrDefaultAsync<int?>("select id from comparison_match where goal_id = @GoalId and other_goal_id = @OtherGoalId for update",
                    new { GoalId = Math.Min(goalId, otherGoalId), OtherGoalId = Math.Max(goalId, otherGoalId) })
                : null;
            await ComparisonMatchWriter.DeleteAsync(edit, id ?? throw new InvalidEditException("", "Matchningen finns inte längre. Ladda om sidan."));
        }, cancellationToken);
    }

    static async Task RequireRightsAsync(AuditedEdit edit)
    {
        if (!await AccountRights.MayEditAsync(edit.Connection, edit.Transaction, edit.Actor, null, edit.CancellationToken))
        {
            throw new InvalidEditException("", "Du har inte behörighet att matcha mål. Det gör analytiker och administratörer.");
        }
    }

    static InvalidEditException Missing() => new("", "Målet finns inte längre, eller hör till en organisation du inte har tillgång till. Ladda om sidan.");

    /// <summary>The mål (locked against a concurrent match) with their versions, of organisations the scope allows.</summary>
    static async Task<IReadOnlyList<GoalRow>> GoalsAsync(AuditedEdit edit, int[] ids, OrganisationScope scope) =>
        await edit.ListAsync<GoalRow>("""
            select g.id, g.code, v.id as version_id, p.name || ' – ' || v.name as title
            from goal g
            join goal_area ga on ga.id = g.goal_area_id
            join plan_version v on v.id = ga.plan_version_id
            join plan p on p.id = v.plan_id
            where g.id = any (@Ids) and (@Organisations::text[] is null or p.area_id = any (@Organisations))
            order by g.id
            for update of g
            """, new { Ids = ids, Organisations = scope.SqlParameter });

    sealed record GoalRow(int Id, string Code, int VersionId, string Title);
}
