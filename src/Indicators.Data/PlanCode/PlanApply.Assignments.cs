using Indicators.Core.Assignments;
using Indicators.Core.Editing;
using Indicators.Data.Assignments;

namespace Indicators.Data.PlanCode;

sealed partial class PlanApply
{
    /// <summary>
    /// A version's uppdrag become the document's (matched by code; the document's order): through the same writers as
    /// the uppdrag editor. An uppdrag, or a receiver, that has been followed up is never removed by an import: the import
    /// is refused, naming it, so no follow-up is lost. A version whose document leaves out <c>assignments</c> keeps its uppdrag.
    /// </summary>
    async Task AssignmentsAsync(VersionPart version)
    {
        if (version.Assignments is not { } parts)
        {
            return;
        }

        var versionId = versionIds[version.Name];
        var prefix = $"{plan.Name} / {version.Name}";
        var stored = await edit.ListAsync<(int Id, string Code, int SortOrder)>(
            "select id, code, sort_order from assignment where plan_version_id = @Id order by sort_order, code", new { Id = versionId });
        var existing = stored.ToDictionary(a => a.Code, a => a.Id, StringComparer.Ordinal);

        // The document's order is the list's. Stored sort orders are kept while it is the stored order (an editor's uppdrag
        // all have 0; the demo's count from 1) and new ones come after them, so re-importing an export changes nothing; otherwise they are renumbered.
        var codes = parts.Select(p => p.Code.Trim()).ToList();
        var keepOrder = codes.Where(existing.ContainsKey).SequenceEqual(stored.Select(a => a.Code).Where(codes.Contains))
            && codes.SkipWhile(existing.ContainsKey).All(c => !existing.ContainsKey(c));
        var next = stored.Count == 0 ? 0 : stored.Max(a => a.SortOrder) + 1;
        var sortOrders = stored.ToDictionary(a => a.Code, a => a.SortOrder, StringComparer.Ordinal);
        var goals = (await edit.ListAsync<(string Code, int Id)>(
            "select g.code, g.id from goal g join goal_area ga on ga.id = g.goal_area_id where ga.plan_version_id = @Id", new { Id = versionId }))
            .ToDictionary(g => g.Code, g => g.Id, StringComparer.Ordinal);
        foreach (var (code, id) in existing.Where(e => parts.All(p => p.Code.Trim() != e.Key)))
        {
            await RefuseIfFollowedUpAsync(id, code, version, await ReceiverIdsAsync(id));
            await AssignmentWriter.DeleteAsync(edit, id);
            Changed("delete", "assignment", $"{prefix} / {code}");
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var code = part.Code.Trim();
            var values = new AssignmentValues(
                code, part.Text.Trim(), part.GivenBy is { } giver ? committeeIds[giver] : null, part.Goal is { } goal ? goals[goal] : null,
                part.Start, part.End, part.Example, !keepOrder ? i : sortOrders.TryGetValue(code, out var kept) ? kept : next++);
            var receivers = part.Receivers.Select(r => (committeeIds[r.Committee], ReceiverLevels.TryParse(r.Level) ?? r.Level)).ToList();
            var indicators = part.Indicators.Select(c => indicatorIds[c]).ToList();
            if (existing.TryGetValue(code, out var id))
            {
                var gone = (await ReceiverIdsAsync(id)).Where(c => receivers.All(r => r.Item1 != c)).ToList();
                await RefuseIfFollowedUpAsync(id, code, version, gone);
                var before = await edit.SingleOrDefaultAsync<AssignmentValues>("""
                    select code, text, given_by_committee_id, goal_id, start_date, end_date, is_example, sort_order from assignment where id = @Id
                    """, new { Id = id });
                var changed = before != values;
                if (changed)
                {
                    await AssignmentWriter.UpdateAsync(edit, id, null, values);
                }

                changed |= await AssignmentReceiverWriter.ReplaceAsync(edit, id, receivers);
                changed |= await AssignmentIndicatorWriter.ReplaceAsync(edit, id, indicators);
                if (changed)
                {
                    Changed("update", "assignment", $"{prefix} / {code}");
                }
            }
            else
            {
                var newId = await AssignmentWriter.InsertAsync(edit, versionId, values);
                await AssignmentReceiverWriter.ReplaceAsync(edit, newId, receivers);
                await AssignmentIndicatorWriter.ReplaceAsync(edit, newId, indicators);
                Changed("create", "assignment", $"{prefix} / {code}");
            }
        }
    }

    async Task<IReadOnlyList<int>> ReceiverIdsAsync(int assignmentId) =>
        await edit.ListAsync<int>("select committee_id from assignment_receiver where assignment_id = @Id", new { Id = assignmentId });

    async Task RefuseIfFollowedUpAsync(int assignmentId, string code, VersionPart version, IReadOnlyList<int> committees)
    {
        if (committees.Count > 0 && await AssignmentReceiverWriter.FollowedUpAsync(edit, assignmentId, [.. committees]) is { Count: > 0 } followedUp)
        {
            throw new InvalidEditException("assignments",
                $"Uppdraget {code} i versionen '{version.Name}' har följts upp av {string.Join(", ", followedUp)} och kan inte tas bort ur planen, "
                + "inte heller som mottagare: uppföljningen skulle försvinna.");
        }
    }
}
