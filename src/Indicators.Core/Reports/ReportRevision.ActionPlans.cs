using Indicators.Core.Attainment;

namespace Indicators.Core.Reports;

/// <summary>
/// The åtgärdsplan's part of the revision notice: a stored report keeps the plan as it was, so a requirement (Uppdrag)
/// or an åtgärd's planned effect for the year changed since is listed beside it, as is the status the plan would get
/// now. Its rows name "Åtgärdsplan" where an indicator's name its goal; they have no status of their own (the plan's
/// status is a row of its own), so they never count as an indicator changing status. The nämnd's own figures (realised,
/// forecast) cannot change while the report is not open, so they are not compared.
/// </summary>
public sealed partial record ReportRevision
{
    internal const string ActionPlanSection = "Åtgärdsplan";

    /// <summary>Adds the changes of the stored report's åtgärdsplaner to <paramref name="changes"/>; returns how many values were compared.</summary>
    static int CompareActionPlans(ReportDocument stored, ReportDocument now, List<RevisedValue> changes)
    {
        var current = now.ActionPlans.ToDictionary(p => p.ActionPlanId);
        var compared = 0;
        foreach (var before in stored.ActionPlans)
        {
            // A plan deleted since has nothing to compare with: the report keeps it as it was.
            if (!current.TryGetValue(before.ActionPlanId, out var after))
            {
                continue;
            }

            var decimals = new[] { before.Required, after.Required, before.Planned, after.Planned }
                .Concat(before.Measures.Concat(after.Measures).Select(m => m.Planned)).OfType<decimal>()
                .Select(ActionPlanAmounts.Decimals).Max();
            void Compare(int id, string name, string what, decimal? valueBefore, decimal? valueNow)
            {
                if (valueBefore is null && valueNow is null)
                {
                    return;
                }

                compared++;
                if (valueBefore != valueNow)
                {
                    changes.Add(new RevisedValue(ActionPlanSection, id, name, what, null, valueBefore, null, valueNow,
                        before.Status, after.Status, decimals, before.Unit, HasStatus: false));
                }
            }

            // Ids of their own kind: negative, so they never meet an indicator's.
            Compare(-before.ActionPlanId, before.Name, $"Uppdrag {before.Year}", before.Required, after.Required);
            var measuresNow = after.Measures.ToDictionary(m => m.MeasureId);
            foreach (var measure in before.Measures)
            {
                Compare(-before.ActionPlanId, $"{before.Name}: {measure.Name}", $"Plan {before.Year}", measure.Planned,
                    measuresNow.GetValueOrDefault(measure.MeasureId)?.Planned);
            }

            if (before.Status != after.Status)
            {
                changes.Add(new RevisedValue(ActionPlanSection, -before.ActionPlanId, before.Name, RevisedValue.StatusOnly, null, null, null, null,
                    before.Status, after.Status, 0, before.Unit, HasStatus: false, TextBefore: before.Status.SwedishName(), TextNow: after.Status.SwedishName()));
            }
        }

        return compared;
    }
}
