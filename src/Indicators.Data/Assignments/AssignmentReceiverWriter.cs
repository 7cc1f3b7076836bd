using Indicators.Data.Editing;

namespace Indicators.Data.Assignments;

/// <summary>
/// The assignment_receiver table's writes, each row with its audit entry (entity id "uppdrag/nämnd"). A receiver that
/// stays keeps its row, so its follow-ups (which hang on it) stay too; only a removed receiver's row is deleted.
/// </summary>
static class AssignmentReceiverWriter
{
    const string Entity = "assignment_receiver";

    const string StatesSql = """
        select r.assignment_id, a.code as assignment, r.committee_id, c.code as committee, r.level, r.sort_order
        from assignment_receiver r
        join assignment a on a.id = r.assignment_id
        join committee c on c.id = r.committee_id
        where r.assignment_id = @Id
        order by r.sort_order, c.code
        """;

    public static Task<IReadOnlyList<AssignmentReceiverState>> StatesAsync(AuditedEdit edit, int assignmentId) =>
        edit.ListAsync<AssignmentReceiverState>(StatesSql, new { Id = assignmentId });

    /// <summary>Makes the uppdrag's receivers exactly <paramref name="receivers"/> (committee id and level, in order); true when anything changed.</summary>
    public static async Task<bool> ReplaceAsync(AuditedEdit edit, int assignmentId, IReadOnlyList<(int CommitteeId, string Level)> receivers)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(receivers);
        var changed = false;
        var before = (await StatesAsync(edit, assignmentId)).ToDictionary(r => r.CommitteeId);
        var wanted = receivers.Select((r, i) => (r.CommitteeId, r.Level, SortOrder: i)).ToList();
        foreach (var gone in before.Values.Where(b => wanted.All(w => w.CommitteeId != b.CommitteeId)))
        {
            await edit.ExecuteAsync("delete from assignment_receiver where assignment_id = @AssignmentId and committee_id = @CommitteeId",
                new { gone.AssignmentId, gone.CommitteeId });
            changed = true;
            await edit.RecordAsync("delete", Entity, Key(assignmentId, gone.CommitteeId), gone, null);
        }

        foreach (var (committeeId, level, sortOrder) in wanted)
        {
            var old = before.GetValueOrDefault(committeeId);
            if (old is not null && old.Level == level && old.SortOrder == sortOrder)
            {
                continue;
            }

            await edit.ExecuteAsync("""
                insert into assignment_receiver (assignment_id, committee_id, level, sort_order) values (@AssignmentId, @CommitteeId, @Level, @SortOrder)
                on conflict (assignment_id, committee_id) do update set level = excluded.level, sort_order = excluded.sort_order
                """, new { AssignmentId = assignmentId, CommitteeId = committeeId, Level = level, SortOrder = sortOrder });
            var after = (await StatesAsync(edit, assignmentId)).Single(r => r.CommitteeId == committeeId);
            changed = true;
            await edit.RecordAsync(old is null ? "create" : "update", Entity, Key(assignmentId, committeeId), old, after);
        }

        return changed;
    }

    /// <summary>The committees among <paramref name="committeeIds"/> whose receiver row of the uppdrag holds follow-ups, by code.</summary>
    public static Task<IReadOnlyList<string>> FollowedUpAsync(AuditedEdit edit, int assignmentId, IReadOnlyCollection<int> committeeIds) =>
        edit.ListAsync<string>("""
            select distinct c.code from assignment_follow_up f join committee c on c.id = f.committee_id
            where f.assignment_id = @Id and f.committee_id = any (@Ids)
            order by c.code
            """, new { Id = assignmentId, Ids = committeeIds.ToArray() });

    static string Key(int assignmentId, int committeeId) => $"{assignmentId}/{committeeId}";
}
