using Indicators.Data.Editing;

namespace Indicators.Data.Assignments;

/// <summary>The assignment_indicator table's writes, each link with its audit entry (entity id "uppdrag/indikator").</summary>
static class AssignmentIndicatorWriter
{
    const string Entity = "assignment_indicator";

    const string StatesSql = """
        select ai.assignment_id, a.code as assignment, ai.indicator_id, i.code as indicator, ai.sort_order
        from assignment_indicator ai
        join assignment a on a.id = ai.assignment_id
        join indicator i on i.id = ai.indicator_id
        where ai.assignment_id = @Id
        order by ai.sort_order, i.code
        """;

    public static Task<IReadOnlyList<AssignmentIndicatorState>> StatesAsync(AuditedEdit edit, int assignmentId) =>
        edit.ListAsync<AssignmentIndicatorState>(StatesSql, new { Id = assignmentId });

    /// <summary>Makes the uppdrag's indicators exactly <paramref name="indicatorIds"/>, in that order; true when anything changed.</summary>
    public static async Task<bool> ReplaceAsync(AuditedEdit edit, int assignmentId, IReadOnlyList<int> indicatorIds)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(indicatorIds);
        var changed = false;
        var before = (await StatesAsync(edit, assignmentId)).ToDictionary(r => r.IndicatorId);
        var wanted = indicatorIds.Distinct().Select((id, i) => (IndicatorId: id, SortOrder: i)).ToList();
        foreach (var gone in before.Values.Where(b => wanted.All(w => w.IndicatorId != b.IndicatorId)))
        {
            await edit.ExecuteAsync("delete from assignment_indicator where assignment_id = @AssignmentId and indicator_id = @IndicatorId",
                new { gone.AssignmentId, gone.IndicatorId });
            changed = true;
            await edit.RecordAsync("delete", Entity, Key(assignmentId, gone.IndicatorId), gone, null);
        }

        foreach (var (indicatorId, sortOrder) in wanted)
        {
            var old = before.GetValueOrDefault(indicatorId);
            if (old is not null && old.SortOrder == sortOrder)
            {
                continue;
            }

            await edit.ExecuteAsync("""
                insert into assignment_indicator (assignment_id, indicator_id, sort_order) values (@AssignmentId, @IndicatorId, @SortOrder)
                on conflict (assignment_id, indicator_id) do update set sort_order = excluded.sort_order
                """, new { AssignmentId = assignmentId, IndicatorId = indicatorId, SortOrder = sortOrder });
            var after = (await StatesAsync(edit, assignmentId)).Single(r => r.IndicatorId == indicatorId);
            changed = true;
            await edit.RecordAsync(old is null ? "create" : "update", Entity, Key(assignmentId, indicatorId), old, after);
        }

        return changed;
    }

    static string Key(int assignmentId, int indicatorId) => $"{assignmentId}/{indicatorId}";
}
