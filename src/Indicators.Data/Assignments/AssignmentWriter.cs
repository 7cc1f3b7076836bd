using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Assignments;

/// <summary>The assignment table's writes, each with its audit entry: used by the uppdrag editor and by plan import.</summary>
static class AssignmentWriter
{
    const string StateSql = """
        select a.id, a.plan_version_id, v.name as version, a.code, a.text, coalesce(c.code, 'Regionfullmäktige') as given_by, g.code as goal,
               a.start_date, a.end_date, a.is_example, a.sort_order
        from assignment a
        join plan_version v on v.id = a.plan_version_id
        left join committee c on c.id = a.given_by_committee_id
        left join goal g on g.id = a.goal_id
        where a.id = @Id
        """;

    static readonly AuditedTable<AssignmentRecordState> Table = new("assignment", StateSql, "Uppdraget");

    public static Task<AssignmentRecordState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    public static EditConflictException Conflict() => Table.Conflict();

    public static Task<int> InsertAsync(AuditedEdit edit, int planVersionId, AssignmentValues values) =>
        Table.InsertAsync<int>(edit, """
            insert into assignment (plan_version_id, code, text, given_by_committee_id, goal_id, start_date, end_date, is_example, sort_order)
            values (@PlanVersionId, @Code, @Text, @GivenByCommitteeId, @GoalId, @StartDate, @EndDate, @IsExample, @SortOrder)
            returning id
            """, AuditedEdit.Parameters(values, new { PlanVersionId = planVersionId }), UniqueCode(values.Code));

    /// <summary>Changes the uppdrag's row; with a <paramref name="rowVersion"/>, only when the row is still as the form read it.</summary>
    public static Task<AssignmentRecordState> UpdateAsync(AuditedEdit edit, int id, string? rowVersion, AssignmentValues values) =>
        Table.UpdateAsync(edit, id, """
            update assignment set code = @Code, text = @Text, given_by_committee_id = @GivenByCommitteeId, goal_id = @GoalId,
                   start_date = @StartDate, end_date = @EndDate, is_example = @IsExample, sort_order = @SortOrder
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), AuditedEdit.Parameters(values, new { Id = id, RowVersion = rowVersion }), UniqueCode(values.Code));

    /// <summary>Deletes the uppdrag; its receivers and indicator links go with it (the editor refuses while follow-ups exist).</summary>
    public static Task DeleteAsync(AuditedEdit edit, int id) =>
        Table.DeleteAsync(edit, id, "delete from assignment where id = @Id", new { Id = id });

    static Unique UniqueCode(string code) => new("assignment_plan_version_id_code_key",
        () => new InvalidEditException("Code", $"Planversionen har redan ett uppdrag med koden ”{code}”. Välj en annan kod."));
}

/// <summary>An uppdrag's stored fields, trimmed as they are stored; the giver null for Regionfullmäktige.</summary>
sealed record AssignmentValues(
    string Code, string Text, int? GivenByCommitteeId, int? GoalId, DateOnly? StartDate, DateOnly? EndDate, bool IsExample, int SortOrder);
