using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>A plan version's målområden: each change validated by <see cref="GoalAreaDraft"/> and written in one audited edit.</summary>
public sealed class GoalAreaEditor(NpgsqlDataSource dataSource)
{
    public Task<int> CreateAsync(int versionId, GoalAreaDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            try
            {
                return await GoalAreaWriter.InsertAsync(edit, versionId, Values(draft));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new InvalidEditException("", "Planversionen finns inte längre. Ladda om sidan.");
            }
        }, cancellationToken);
    }

    public Task UpdateAsync(int goalAreaId, string rowVersion, GoalAreaDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        return AuditedEdit.RunAsync(dataSource, actor, edit => GoalAreaWriter.UpdateAsync(edit, goalAreaId, rowVersion, Values(draft)), cancellationToken);
    }

    /// <summary>Deletes a målområde with its mål (the schema cascades); the audit entry names the mål that went with it.</summary>
    public Task DeleteAsync(int goalAreaId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            if (await GoalAreaWriter.StateAsync(edit, goalAreaId) is null)
            {
                throw new InvalidEditException("", "Målområdet finns inte längre. Ladda om sidan.");
            }

            await GoalAreaWriter.DeleteAsync(edit, goalAreaId);
        }, cancellationToken);

    static void Validate(GoalAreaDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }
    }

    static GoalAreaValues Values(GoalAreaDraft draft) =>
        new(draft.Code.Trim(), draft.Name.Trim(), Validation.Clean(draft.Description), draft.Kind, draft.SortOrder);
}
