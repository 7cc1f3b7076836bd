using Indicators.Data.Editing;

namespace Indicators.Data.Comparison;

/// <summary>
/// The comparison_match table's writes with their audit entries. A pair is stored with the lower goal id first, so it is
/// one row whichever version a comparison reads as the left one.
/// </summary>
static class ComparisonMatchWriter
{
    static readonly AuditedTable<ComparisonMatchState> Table = new("comparison_match", """
        select m.id, m.goal_id, g.code as goal_code, v.name as goal_version, m.other_goal_id, o.code as other_goal_code,
               ov.name as other_goal_version, m.created_by
        from comparison_match m
        join goal g on g.id = m.goal_id
        join goal_area ga on ga.id = g.goal_area_id
        join plan_version v on v.id = ga.plan_version_id
        join goal o on o.id = m.other_goal_id
        join goal_area oa on oa.id = o.goal_area_id
        join plan_version ov on ov.id = oa.plan_version_id
        where m.id = @Id
        """, "Matchningen");

    public static Task<int> InsertAsync(AuditedEdit edit, int goalId, int otherGoalId) =>
        Table.InsertAsync<int>(edit, """
            insert into comparison_match (goal_id, other_goal_id, created_by) values (@GoalId, @OtherGoalId, @CreatedBy) returning id
            """, new { GoalId = Math.Min(goalId, otherGoalId), OtherGoalId = Math.Max(goalId, otherGoalId), CreatedBy = edit.Actor.UserName ?? "okänd" });

    public static Task DeleteAsync(AuditedEdit edit, int id) =>
        Table.DeleteAsync(edit, id, "delete from comparison_match where id = @Id", new { Id = id });
}

/// <summary>A match as the audit log records it: both mål by code and version.</summary>
sealed record ComparisonMatchState(
    int Id, int GoalId, string GoalCode, string GoalVersion, int OtherGoalId, string OtherGoalCode, string OtherGoalVersion, string CreatedBy);
