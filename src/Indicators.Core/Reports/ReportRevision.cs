using Indicators.Core.Attainment;
using Indicators.Core.Formatting;

namespace Indicators.Core.Reports;

/// <summary>One figure of a finalised report that today's data would give differently.</summary>
/// <remarks><c>What</c> is "Utfall", "Kvinnor", "Män" or "Prognos"; a value that appeared or vanished has a null side.</remarks>
public sealed record RevisedValue(
    string GoalCode,
    int IndicatorId,
    string IndicatorName,
    string What,
    string? PeriodBefore,
    decimal? Before,
    string? PeriodNow,
    decimal? Now,
    AttainmentStatus StatusBefore,
    AttainmentStatus StatusNow,
    int Decimals,
    string Unit)
{
    /// <summary>Now − before, when both exist and are of the same period.</summary>
    public decimal? Change => Before is { } b && Now is { } n && PeriodBefore == PeriodNow ? n - b : null;

    /// <summary>"84,0 % → 86,5 % (+2,5)", "saknades → 86,5 % (2026 jan–aug)".</summary>
    public string Describe()
    {
        string Side(decimal? value, string? period) => value is { } v ? SwedishFormat.WithUnit(v, Decimals, Unit) : "saknas";
        var text = $"{Side(Before, PeriodBefore)} → {Side(Now, PeriodNow)}";
        if (Change is { } change)
        {
            text += $" ({(change > 0 ? "+" : change < 0 ? "−" : "±")}{SwedishFormat.Number(Math.Abs(change), Decimals)})";
        }
        else if (PeriodBefore != PeriodNow)
        {
            text += $" ({PeriodBefore ?? "inget utfall"} → {PeriodNow ?? "inget utfall"})";
        }

        return text;
    }
}

/// <summary>
/// How today's data differs from a finalised report: every outcome, K/M value and forecast compared with what the nämnd
/// saw. The frozen report itself never changes; this is shown beside it as a notice.
/// </summary>
public sealed record ReportRevision(int ComparedValues, IReadOnlyList<RevisedValue> Changes)
{
    public bool HasChanges => Changes.Count > 0;

    /// <summary>How many indicators would now get another status.</summary>
    public int StatusChanges => Changes.Where(c => c.What == "Utfall" && c.StatusBefore != c.StatusNow)
        .Select(c => c.IndicatorId).Distinct().Count();

    /// <summary>
    /// "Uppgifterna har reviderats sedan rapporten fastställdes: 2 av 18 värden har ändrats, 1 indikator skulle i dag få en
    /// annan status. Den fastställda rapporten är oförändrad."
    /// </summary>
    public string Summary
    {
        get
        {
            if (!HasChanges)
            {
                return $"Inga uppgifter har reviderats sedan rapporten fastställdes ({SwedishFormat.Count(ComparedValues, "värde jämfört", "värden jämförda")}).";
            }

            var statuses = StatusChanges == 0
                ? "ingen indikator skulle få en annan status"
                : $"{SwedishFormat.Count(StatusChanges, "indikator", "indikatorer")} skulle i dag få en annan status";
            return $"Uppgifterna har reviderats sedan rapporten fastställdes: {SwedishFormat.Number(Changes.Count, 0)} av "
                + $"{SwedishFormat.Count(ComparedValues, "värde", "värden")} har ändrats och {statuses}. Den fastställda rapporten är oförändrad.";
        }
    }

    /// <summary>Compares a finalised report with the same report built from today's data.</summary>
    public static ReportRevision Compare(ReportDocument frozen, ReportDocument now)
    {
        ArgumentNullException.ThrowIfNull(frozen);
        ArgumentNullException.ThrowIfNull(now);
        var current = now.Goals.SelectMany(g => g.Indicators.Select(i => (g.GoalId, Indicator: i)))
            .ToDictionary(x => (x.GoalId, x.Indicator.IndicatorId), x => x.Indicator);
        var compared = 0;
        var changes = new List<RevisedValue>();
        foreach (var goal in frozen.Goals)
        {
            foreach (var before in goal.Indicators)
            {
                // An indicator no longer linked to the goal has nothing to compare with: the report keeps it as it was.
                if (!current.TryGetValue((goal.GoalId, before.IndicatorId), out var after))
                {
                    continue;
                }

                void Compare(string what, decimal? valueBefore, decimal? valueNow, string? periodBefore, string? periodNow)
                {
                    if (valueBefore is null && valueNow is null)
                    {
                        return;
                    }

                    compared++;
                    if (valueBefore != valueNow || periodBefore != periodNow)
                    {
                        changes.Add(new RevisedValue(goal.Code, before.IndicatorId, before.Name, what, periodBefore, valueBefore,
                            periodNow, valueNow, before.Status, after.Status, before.Decimals, before.Unit));
                    }
                }

                Compare("Utfall", before.Outcome, after.Outcome, before.OutcomePeriod, after.OutcomePeriod);
                Compare("Kvinnor", before.Women, after.Women, before.OutcomePeriod, after.OutcomePeriod);
                Compare("Män", before.Men, after.Men, before.OutcomePeriod, after.OutcomePeriod);
                Compare("Prognos", before.Forecast?.Value, after.Forecast?.Value, null, null);
            }
        }

        return new ReportRevision(compared, changes);
    }
}
