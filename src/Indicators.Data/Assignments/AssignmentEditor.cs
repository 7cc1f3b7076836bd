using Indicators.Core.Assignments;
using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Users;
using Npgsql;

namespace Indicators.Data.Assignments;

/// <summary>
/// Uppdrag of a plan version with their receivers and indicators: created, changed and deleted by an active Analytiker
/// or Administratör (checked on the account inside the write's transaction), each change validated by
/// <see cref="AssignmentDraft"/> and against the plan — the giver is Regionfullmäktige or a nämnd of the plan's
/// organisation, the receivers are nämnder of it, the mål is one of the same version, the indicators are the
/// organisation's — and written through the per-table writers, audited. A receiver that has followed the uppdrag up
/// cannot be removed, nor the uppdrag deleted, so no follow-up is lost with it. Adopted versions' justering rule does
/// not apply (it guards what reports are judged against: målvärden, tolerances, directions and links); every change
/// of an uppdrag is in the audit log.
/// </summary>
public sealed class AssignmentEditor(NpgsqlDataSource dataSource)
{
    public Task<int> CreateAsync(int planVersionId, AssignmentDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireRightsAsync(edit);
            await ValidateAsync(edit, planVersionId, draft);
            var id = await AssignmentWriter.InsertAsync(edit, planVersionId, Values(draft));
            await WriteRowsAsync(edit, id, draft);
            return id;
        }, cancellationToken);
    }

    /// <summary>Changes an uppdrag opened at <paramref name="rowVersion"/>: its fields, receivers and indicators (the lists replace the stored ones).</summary>
    public Task UpdateAsync(int assignmentId, string rowVersion, AssignmentDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireRightsAsync(edit);
            var before = await AssignmentWriter.StateAsync(edit, assignmentId) ?? throw AssignmentWriter.Conflict();
            await ValidateAsync(edit, before.PlanVersionId, draft);
            var removed = (await AssignmentReceiverWriter.StatesAsync(edit, assignmentId))
                .Where(r => draft.Receivers.All(d => d.CommitteeId != r.CommitteeId)).Select(r => r.CommitteeId).ToList();
            if (removed.Count > 0 && await AssignmentReceiverWriter.FollowedUpAsync(edit, assignmentId, removed) is { Count: > 0 } followedUp)
            {
                throw new InvalidEditException(nameof(AssignmentDraft.Receivers),
                    $"{SwedishFormat.List([.. followedUp])} har redan följt upp uppdraget och kan inte tas bort som mottagare: uppföljningen skulle försvinna.");
            }

            await AssignmentWriter.UpdateAsync(edit, assignmentId, rowVersion, Values(draft));
            await WriteRowsAsync(edit, assignmentId, draft);
        }, cancellationToken);
    }

    /// <summary>Deletes an uppdrag no receiver has followed up yet.</summary>
    public Task DeleteAsync(int assignmentId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireRightsAsync(edit);
            var before = await AssignmentWriter.StateAsync(edit, assignmentId)
                ?? throw new InvalidEditException("", "Uppdraget finns inte längre. Ladda om sidan.");
            var receivers = (await AssignmentReceiverWriter.StatesAsync(edit, assignmentId)).Select(r => r.CommitteeId).ToList();
            if (await AssignmentReceiverWriter.FollowedUpAsync(edit, assignmentId, receivers) is { Count: > 0 } followedUp)
            {
                throw new InvalidEditException("",
                    $"Uppdraget {before.Code} kan inte tas bort: {SwedishFormat.List([.. followedUp])} har redan följt upp det i en rapport.");
            }

            await AssignmentWriter.DeleteAsync(edit, assignmentId);
        }, cancellationToken);

    static async Task RequireRightsAsync(AuditedEdit edit)
    {
        if (!await AccountRights.MayEditAsync(edit.Connection, edit.Transaction, edit.Actor, null, edit.CancellationToken))
        {
            throw new InvalidEditException("", "Du har inte behörighet att ändra uppdrag. De ändras av analytiker och administratörer.");
        }
    }

    static async Task WriteRowsAsync(AuditedEdit edit, int assignmentId, AssignmentDraft draft)
    {
        await AssignmentReceiverWriter.ReplaceAsync(edit, assignmentId, [.. draft.Receivers.Select(r => (r.CommitteeId, r.Level))]);
        await AssignmentIndicatorWriter.ReplaceAsync(edit, assignmentId, draft.IndicatorIds);
    }

    static AssignmentValues Values(AssignmentDraft draft) => new(
        draft.Code.Trim(), draft.Text.Trim(), draft.GivenByCommitteeId, draft.GoalId, draft.StartDate, draft.EndDate, draft.IsExample, draft.SortOrder);

    sealed record PlanRow(string AreaId, string AreaName);

    /// <summary>The draft's own rules and its ids against the plan of <paramref name="planVersionId"/>, all errors at once.</summary>
    static async Task ValidateAsync(AuditedEdit edit, int planVersionId, AssignmentDraft draft)
    {
        var v = new Validation();
        foreach (var error in draft.Validate())
        {
            v.Add(error.Field, error.Message);
        }

        var plan = await edit.SingleOrDefaultAsync<PlanRow>("""
            select p.area_id, a.name as area_name from plan_version v join plan p on p.id = v.plan_id join area a on a.id = p.area_id where v.id = @Id
            """, new { Id = planVersionId }) ?? throw new InvalidEditException("", "Planversionen finns inte längre. Ladda om sidan.");
        var committees = (await edit.ListAsync<int>("select id from committee where area_id = @AreaId", new { plan.AreaId })).ToHashSet();
        if (draft.GivenByCommitteeId is { } giver && !committees.Contains(giver))
        {
            v.Add(nameof(AssignmentDraft.GivenByCommitteeId),
                $"Välj vem som ger uppdraget: {AssignmentDraft.CouncilName} eller en nämnd i {plan.AreaName}.");
        }

        var receivers = draft.Receivers ?? [];
        for (var i = 0; i < receivers.Count; i++)
        {
            if (!committees.Contains(receivers[i].CommitteeId))
            {
                v.Add($"{nameof(AssignmentDraft.Receivers)}[{i}].CommitteeId", $"Mottagaren måste vara en nämnd i {plan.AreaName}.");
            }
        }

        if (draft.GoalId is { } goalId && !await edit.ScalarAsync<bool>("""
                select exists (select 1 from goal g join goal_area ga on ga.id = g.goal_area_id where g.id = @GoalId and ga.plan_version_id = @VersionId)
                """, new { GoalId = goalId, VersionId = planVersionId }))
        {
            v.Add(nameof(AssignmentDraft.GoalId), "Målet finns inte i uppdragets planversion. Välj ett mål ur samma version.");
        }

        var indicatorIds = (draft.IndicatorIds ?? []).Distinct().ToArray();
        if (indicatorIds.Length > 0)
        {
            var known = await edit.ListAsync<int>("select id from indicator where id = any (@Ids) and area_id = @AreaId", new { Ids = indicatorIds, plan.AreaId });
            if (known.Count != indicatorIds.Length)
            {
                v.Add(nameof(AssignmentDraft.IndicatorIds), $"Välj bara indikatorer i {plan.AreaName}.");
            }
        }

        v.ThrowIfAny();
    }
}
