using Indicators.Core.ActionPlans;

namespace Indicators.Core.Reports;

/// <summary>The stored keys of one åtgärd's follow-up, in the order of the plan's <see cref="ActionPlan.Measures"/>.</summary>
public sealed record ActionMeasureKey(int MeasureId, int Version = 0, string? UpdatedBy = null, DateTimeOffset? UpdatedAt = null);

/// <summary>
/// Builds the report's Åtgärdsplan section from a plan read with the period's follow-ups: every figure through
/// <see cref="ActionPlanSums"/> and the status through <see cref="ActionPlanStatusRule"/>, so the report says what the
/// åtgärdsplan page says.
/// </summary>
public static class ReportActionPlanBuilder
{
    public static ReportActionPlan Build(int actionPlanId, int committeeId, string committeeName, ActionPlan plan, int year, IReadOnlyList<ActionMeasureKey> keys)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count != plan.Measures.Count)
        {
            throw new ArgumentException($"{keys.Count} keys for {plan.Measures.Count} measures.", nameof(keys));
        }

        var measures = plan.Measures.Select((m, i) => new ReportActionMeasure(
            keys[i].MeasureId, m.Name, m.Planned.TryGetValue(year, out var planned) ? planned : null, m.Realised, m.Forecast, m.Comment,
            m.IsExample, keys[i].Version, keys[i].UpdatedBy, keys[i].UpdatedAt)).ToList();
        var required = ActionPlanSums.Required(plan, year);
        var forecast = ActionPlanSums.Forecast(plan);
        var (status, explanation) = ActionPlanStatusRule.Judge(plan, year);
        return new ReportActionPlan(
            actionPlanId, committeeId, committeeName, plan.Name, plan.Unit, year, measures,
            ActionPlanSums.Planned(plan, year), required, ActionPlanSums.Deviation(plan, year),
            ActionPlanSums.Realised(plan), forecast, forecast is { } f && required is { } r ? f - r : null,
            status, explanation,
            [.. ActionPlanSums.PathToBalance(plan).Select(s => new ReportBalanceStep(s.Label, s.Result))]);
    }
}
