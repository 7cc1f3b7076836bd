using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>
/// The mål of a målområde with their owner and contributing nämnder: each change validated by <see cref="GoalDraft"/>
/// and against the organisation's nämnder, and written in one audited edit.
/// </summary>
public sealed class GoalEditor(NpgsqlDataSource dataSource)
{
    public Task<int> CreateAsync(int goalAreaId, GoalDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            if (await GoalAreaWriter.StateAsync(edit, goalAreaId) is null)
            {
                throw new InvalidEditException("", "Målområdet finns inte längre. Ladda om sidan.");
            }

            var (owner, contributors) = await ResolveCommitteesAsync(edit, goalAreaId, draft);
            return await GoalWriter.InsertAsync(edit, goalAreaId, Values(draft, owner), contributors, null);
        }, cancellationToken);
    }

    /// <summary>Changes a mål, its owner and its contributing nämnder (all of them: the list replaces the stored one).</summary>
    public Task UpdateAsync(int goalId, string rowVersion, GoalDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var before = await GoalWriter.StateAsync(edit, goalId) ?? throw GoalWriter.Conflict();
            var (owner, contributors) = await ResolveCommitteesAsync(edit, before.GoalAreaId, draft);
            await GoalWriter.UpdateAsync(edit, goalId, rowVersion, Values(draft, owner), contributors, null);
        }, cancellationToken);
    }

    /// <summary>Deletes a mål; its indicators stay (they belong to the organisation), only their link to the mål goes.</summary>
    public Task DeleteAsync(int goalId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            if (await GoalWriter.StateAsync(edit, goalId) is null)
            {
                throw new InvalidEditException("", "Målet finns inte längre. Ladda om sidan.");
            }

            await GoalWriter.DeleteAsync(edit, goalId);
        }, cancellationToken);

    static void Validate(GoalDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }
    }

    static GoalValues Values(GoalDraft draft, int? owner) =>
        new(draft.Code.Trim(), draft.Name.Trim(), Validation.Clean(draft.Description), owner, draft.SortOrder);

    /// <summary>The committee ids of the draft's owner and contributors, looked up among the organisation's nämnder by code.</summary>
    static async Task<(int? Owner, int[] Contributors)> ResolveCommitteesAsync(AuditedEdit edit, int goalAreaId, GoalDraft draft)
    {
        var committees = (await edit.ListAsync<(string Code, int Id)>("""
            select c.code, c.id
            from goal_area ga
            join plan_version v on v.id = ga.plan_version_id
            join plan p on p.id = v.plan_id
            join committee c on c.area_id = p.area_id
            where ga.id = @GoalAreaId
            """, new { GoalAreaId = goalAreaId })).ToDictionary(c => c.Code, c => c.Id, StringComparer.Ordinal);
        var v = new Validation();
        int? owner = null;
        if (Validation.Clean(draft.OwnerCommitteeCode) is { } ownerCode)
        {
            if (committees.TryGetValue(ownerCode, out var id))
            {
                owner = id;
            }
            else
            {
                v.Add(nameof(GoalDraft.OwnerCommitteeCode), $"Organisationen har ingen nämnd med förkortningen ”{ownerCode}”.");
            }
        }

        var unknown = draft.ContributorCodes.Where(c => !committees.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            v.Add(nameof(GoalDraft.ContributorCodes), $"Organisationen har ingen nämnd med förkortningen {SwedishFormat.List([.. unknown.Select(c => $"”{c}”")])}.");
        }

        v.ThrowIfAny();
        return (owner, draft.ContributorCodes.Distinct(StringComparer.Ordinal).Select(c => committees[c]).ToArray());
    }
}
