using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Editing;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Users;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>An indicator of a plan version with its weight in the version's goal suggestions.</summary>
public sealed record GoalRuleWeight(int IndicatorId, string Code, string Name, decimal Weight);

/// <summary>
/// A plan version's settings of the goal suggestion (<see cref="GoalAssessmentRule"/>): the shares, and every indicator
/// linked to one of its goals with its weight. <see cref="RowVersion"/> is the version row's, which a save rewrites.
/// </summary>
public sealed record GoalRuleSettings(
    int VersionId, int PlanId, string PlanName, string VersionName, bool IsCurrent, string RowVersion, GoalRule Rule,
    IReadOnlyList<GoalRuleWeight> Indicators)
{
    public IEnumerable<GoalRuleWeight> Weighted => Indicators.Where(i => i.Weight != GoalRule.DefaultWeight);
}

/// <summary>A change of a version's goal rule: the shares, and weights by indicator id (an indicator left out weighs 1).</summary>
public sealed record GoalRuleEdit(GoalRule Rule, IReadOnlyDictionary<int, decimal> Weights);

/// <summary>
/// Reads and writes a plan version's goal rule (writing through <see cref="GoalRuleWriter"/>, as plan import does). A save
/// checks everything first (Swedish messages by field: "MetShare", "NotMetShare", "Weights[indicator id]"), checks in its
/// transaction that the acting account is an active Analytiker or Administratör,
/// lands only on the version row it was opened with (<c>xmin</c>), and writes one audit entry (entity "goal_rule", the
/// version's id) with the settings before and after.
/// </summary>
public sealed class GoalRuleEditor(NpgsqlDataSource dataSource)
{
    const string VersionSql = """
        select v.id as version_id, p.id as plan_id, p.name as plan_name, v.name as version_name, v.is_current, v.xmin::text as row_version,
               v.goal_met_share as met_share, v.goal_not_met_share as not_met_share
        from plan_version v join plan p on p.id = v.plan_id
        where v.id = @Id
        """;

    const string IndicatorsSql = """
        select i.id as indicator_id, i.code, i.name, coalesce(w.weight, 1) as weight
        from indicator i
        left join indicator_weight w on w.plan_version_id = @Id and w.indicator_id = i.id
        where exists (select 1 from goal_indicator gi join goal g on g.id = gi.goal_id join goal_area ga on ga.id = g.goal_area_id
                      where gi.indicator_id = i.id and ga.plan_version_id = @Id)
        order by i.name, i.code
        """;

    /// <summary>A version's settings; null when there is no such version.</summary>
    public async Task<GoalRuleSettings?> ReadAsync(int versionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, null, versionId, cancellationToken);
    }

    /// <summary>The settings of a plan's current version (or its newest), as the overview reads it; null when there is no such plan.</summary>
    public async Task<GoalRuleSettings?> ReadForPlanAsync(int planId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var versionId = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition("""
            select id from plan_version where plan_id = @PlanId order by is_current desc, created_at desc, id desc limit 1
            """, new { PlanId = planId }, cancellationToken: cancellationToken));
        return versionId is { } id ? await ReadAsync(connection, null, id, cancellationToken) : null;
    }

    /// <summary>Saves a version's shares and weights opened at <paramref name="rowVersion"/>; returns the new row version.</summary>
    public Task<string> SaveAsync(int versionId, string rowVersion, GoalRuleEdit edit, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(actor);
        return AuditedEdit.RunAsync(dataSource, actor, async audited =>
        {
            var v = new Validation();
            foreach (var error in edit.Rule.Validate())
            {
                v.Add(error.Field, error.Message);
            }

            if (!await AccountRights.MayEditAsync(audited.Connection, audited.Transaction, actor, null, cancellationToken))
            {
                throw new InvalidEditException("", "Du har inte behörighet att ändra regeln för målförslag. Den ändras av analytiker och administratörer.");
            }

            var before = await ReadAsync(audited.Connection, audited.Transaction, versionId, cancellationToken)
                ?? throw new InvalidEditException("", "Planversionen finns inte längre. Ladda om sidan.");
            var linked = before.Indicators.ToDictionary(i => i.IndicatorId);
            foreach (var (indicatorId, weight) in edit.Weights)
            {
                if (!linked.TryGetValue(indicatorId, out var indicator))
                {
                    v.Add($"Weights[{indicatorId}]", "En av indikatorerna är inte längre kopplad till versionens mål. Ladda om sidan.");
                }
                else if (GoalRule.WeightError(weight, indicator.Name) is { } message)
                {
                    v.Add($"Weights[{indicatorId}]", message);
                }
            }

            v.ThrowIfAny();
            await GoalRuleWriter.UpdateAsync(audited, versionId, rowVersion, edit.Rule, edit.Weights.Select(w => (w.Key, w.Value)));
            return (await ReadAsync(audited.Connection, audited.Transaction, versionId, cancellationToken))!.RowVersion;
        }, cancellationToken);
    }

    internal static async Task<GoalRuleSettings?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, int versionId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(VersionSql, new { Id = versionId }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var indicators = (await connection.QueryAsync<GoalRuleWeight>(new CommandDefinition(IndicatorsSql, new { Id = versionId }, transaction, cancellationToken: cancellationToken))).AsList();
        return new GoalRuleSettings(row.VersionId, row.PlanId, row.PlanName, row.VersionName, row.IsCurrent, row.RowVersion,
            new GoalRule(row.MetShare, row.NotMetShare), indicators);
    }

    sealed record VersionRow(int VersionId, int PlanId, string PlanName, string VersionName, bool IsCurrent, string RowVersion, decimal MetShare, decimal NotMetShare);

    /// <summary>What the audit log keeps: the version by name, the shares, and the weights other than 1 by indicator code.</summary>
    internal sealed record AuditState(string Plan, string Version, decimal MetShare, decimal NotMetShare, IReadOnlyList<WeightState> Weights)
    {
        public static AuditState Of(GoalRuleSettings s) => new(s.PlanName, s.VersionName, s.Rule.MetShare, s.Rule.NotMetShare,
            [.. s.Weighted.OrderBy(w => w.Code, StringComparer.Ordinal).Select(w => new WeightState(w.Code, w.Weight))]);

        public bool Same(AuditState other) => this with { Weights = [] } == other with { Weights = [] } && Weights.SequenceEqual(other.Weights);
    }

    internal sealed record WeightState(string Indicator, decimal Weight);
}
