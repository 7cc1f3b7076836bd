using Indicators.Core.Attainment;
using Indicators.Data.Editing;

namespace Indicators.Data.Plans;

/// <summary>
/// A plan version's goal rule (its shares on plan_version and its indicator_weight rows), audited as entity "goal_rule"
/// with the version's id: used by <see cref="GoalRuleEditor"/>, plan import and a version copy. A save that changes
/// nothing gets no entry.
/// </summary>
static class GoalRuleWriter
{
    static readonly AuditedTable<GoalRuleEditor.AuditState> Table = new("goal_rule", ReadStateAsync, "Versionen") { SkipsUnchanged = true };

    /// <summary>
    /// Sets the shares and replaces the weights (only weights other than 1 are rows); with a <paramref name="rowVersion"/>,
    /// only when the version row is still as the form read it.
    /// </summary>
    public static Task<GoalRuleEditor.AuditState> UpdateAsync(
        AuditedEdit edit, int versionId, string? rowVersion, GoalRule rule, IEnumerable<(int IndicatorId, decimal Weight)> weights)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var weighted = weights.Where(w => w.Weight != GoalRule.DefaultWeight).ToList();
        return Table.UpdateAsync(edit, versionId, """
            update plan_version set goal_met_share = @MetShare, goal_not_met_share = @NotMetShare
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), new { Id = versionId, RowVersion = rowVersion, rule.MetShare, rule.NotMetShare },
            () => edit.ExecuteAsync("""
                delete from indicator_weight where plan_version_id = @Id;
                insert into indicator_weight (plan_version_id, indicator_id, weight)
                select @Id, i, w from unnest(@Indicators, @Weights) as x(i, w);
                """, new { Id = versionId, Indicators = weighted.Select(w => w.IndicatorId).ToArray(), Weights = weighted.Select(w => w.Weight).ToArray() }));
    }

    /// <summary>A version copy takes the source's shares along (audited with the copy).</summary>
    public static Task CopySharesAsync(AuditedEdit edit, int sourceVersionId, int targetVersionId) => edit.ExecuteAsync("""
        update plan_version t set goal_met_share = s.goal_met_share, goal_not_met_share = s.goal_not_met_share
        from plan_version s where s.id = @Source and t.id = @Target
        """, new { Source = sourceVersionId, Target = targetVersionId });

    /// <summary>A version copy takes the source's indicator weights along; returns how many.</summary>
    public static Task<int> CopyWeightsAsync(AuditedEdit edit, int sourceVersionId, int targetVersionId) => edit.ExecuteAsync("""
        insert into indicator_weight (plan_version_id, indicator_id, weight)
        select @Target, indicator_id, weight from indicator_weight where plan_version_id = @Source
        """, new { Source = sourceVersionId, Target = targetVersionId });

    static async Task<GoalRuleEditor.AuditState?> ReadStateAsync(AuditedEdit edit, object id) =>
        await GoalRuleEditor.ReadAsync(edit.Connection, edit.Transaction, (int)id, edit.CancellationToken) is { } settings
            ? GoalRuleEditor.AuditState.Of(settings)
            : null;
}
