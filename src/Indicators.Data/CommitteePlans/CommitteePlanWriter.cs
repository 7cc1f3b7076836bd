using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.CommitteePlans;

/// <summary>The committee_plan table's writes, each with its audit entry: used by the nämndplan editor and plan import.</summary>
static class CommitteePlanWriter
{
    static readonly AuditedTable<CommitteePlanState> Table = new("committee_plan", """
        select cp.id, p.name as plan, v.name as version, c.code as committee, cp.name, cp.start_year::int, cp.end_year::int,
               cp.decided_by, cp.decided_on, cp.decision_section
        from committee_plan cp
        join plan_version v on v.id = cp.plan_version_id
        join plan p on p.id = v.plan_id
        join committee c on c.id = cp.committee_id
        where cp.id = @Id
        """, "Nämndplanen");

    public static Task<CommitteePlanState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    public static EditConflictException Conflict() => Table.Conflict();

    public static Task<int> InsertAsync(AuditedEdit edit, int versionId, int committeeId, CommitteePlanValues plan) =>
        Table.InsertAsync<int>(edit, """
            insert into committee_plan (plan_version_id, committee_id, name, start_year, end_year, decided_by, decided_on, decision_section)
            values (@VersionId, @CommitteeId, @Name, @StartYear, @EndYear, @DecidedBy, @DecidedOn, @DecisionSection)
            returning id
            """, AuditedEdit.Parameters(plan, new { VersionId = versionId, CommitteeId = committeeId }), UniqueName(plan.Name));

    /// <summary>Changes a nämndplan; with a <paramref name="rowVersion"/>, only when the row is still as the form read it.</summary>
    public static Task<CommitteePlanState> UpdateAsync(AuditedEdit edit, int id, string? rowVersion, CommitteePlanValues plan) =>
        Table.UpdateAsync(edit, id, """
            update committee_plan set name = @Name, start_year = @StartYear, end_year = @EndYear, decided_by = @DecidedBy,
                                      decided_on = @DecidedOn, decision_section = @DecisionSection
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), AuditedEdit.Parameters(plan, new { Id = id, RowVersion = rowVersion }), UniqueName(plan.Name));

    /// <summary>Deletes a nämndplan with its delmål and their målvärden (the schema cascades); the entry names the delmål.</summary>
    public static async Task DeleteAsync(AuditedEdit edit, int id)
    {
        var subGoalCodes = await edit.ListAsync<string>("select code from sub_goal where committee_plan_id = @Id order by sort_order, code", new { Id = id });
        await Table.DeleteAsync(edit, id, "delete from committee_plan where id = @Id", new { Id = id },
            plan => new { CommitteePlan = plan, DeletedSubGoalCodes = subGoalCodes });
    }

    static Unique UniqueName(string name) => new("committee_plan_plan_version_id_committee_id_name_key",
        () => new InvalidEditException(nameof(CommitteePlanValues.Name), $"Nämnden har redan en nämndplan som heter ”{name}” i planversionen. Välj ett annat namn."));
}

/// <summary>A nämndplan's stored fields, trimmed and cleaned as they are stored.</summary>
sealed record CommitteePlanValues(string Name, int StartYear, int EndYear, string? DecidedBy, DateOnly? DecidedOn, string? DecisionSection);

/// <summary>A nämndplan as the audit log records it: named by plan, version and nämnd code.</summary>
public sealed record CommitteePlanState(
    int Id, string Plan, string Version, string Committee, string Name, int StartYear, int EndYear, string? DecidedBy, DateOnly? DecidedOn,
    string? DecisionSection);
