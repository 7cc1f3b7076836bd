using Indicators.Core.Attainment;
using Indicators.Core.Formatting;

namespace Indicators.Core.Reports;

/// <summary>One figure of a submitted or finalised report that today's data and plan would give differently.</summary>
/// <remarks>
/// <c>What</c> is "Målvärde", "Utfall", "Kvinnor", "Män" or "Prognos", a value that appeared or vanished having a null side;
/// or "Status" / "Prognosstatus" when only the status of the outcome / forecast changed (a tolerance or direction
/// changed). <c>StatusBefore</c> and <c>StatusNow</c> are the forecast's for "Prognos" and "Prognosstatus", the outcome's
/// otherwise; <c>HasStatus</c> is false for K and M, which are not judged. <c>TextBefore</c> and <c>TextNow</c> stand for
/// a figure that is shown as text (a målvärde: "92,0 %", "2,0–3,0 %", "Inget målvärde"; a status).
/// </remarks>
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
    string Unit,
    bool HasStatus = true,
    string? TextBefore = null,
    string? TextNow = null)
{
    /// <summary>Now − before, when both exist and are of the same period.</summary>
    public decimal? Change => Before is { } b && Now is { } n && PeriodBefore == PeriodNow ? n - b : null;

    /// <summary>Only a status changed, no value: not counted among the changed values.</summary>
    public bool IsStatusOnly => What is StatusOnly or ForecastStatusOnly;

    internal const string StatusOnly = "Status";
    internal const string ForecastStatusOnly = "Prognosstatus";

    /// <summary>"84,0 % → 86,5 % (+2,5)", "saknades → 86,5 % (2026 jan–aug)", "92,0 % → 93,0 % (+1,0)", "Delvis uppnått → Ej uppnått".</summary>
    public string Describe()
    {
        string Side(decimal? value, string? text) => text ?? (value is { } v ? SwedishFormat.WithUnit(v, Decimals, Unit) : "saknas");
        var text = $"{Side(Before, TextBefore)} → {Side(Now, TextNow)}";
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
/// How today's data and plan differ from a report's stored figures: every målvärde, outcome, K/M value and forecast, and
/// the statuses they give, compared with what the nämnd submitted (<see cref="Baseline"/> under review) or finalised. The
/// stored report itself never changes; this is shown beside it as a notice.
/// </summary>
public sealed partial record ReportRevision(int ComparedValues, IReadOnlyList<RevisedValue> Changes, ReportState Baseline = ReportState.Finalised)
{
    public bool HasChanges => Changes.Count > 0;

    /// <summary>How many indicators would now get another status (of the outcome or of the forecast).</summary>
    public int StatusChanges => Changes.Where(c => c.HasStatus && c.StatusBefore != c.StatusNow)
        .Select(c => c.IndicatorId).Distinct().Count();

    /// <summary>How many of the compared values have changed (a status alone is not a value).</summary>
    public int ValueChanges => Changes.Count(c => !c.IsStatusOnly);

    /// <summary>Since when: "sedan rapporten skickades till granskning", or for a finalised report "sedan rapportens siffror lästes".</summary>
    public string Since => Baseline == ReportState.UnderReview ? "sedan rapporten skickades till granskning" : "sedan rapportens siffror lästes";

    /// <summary>"Uppgifterna har reviderats sedan rapporten skickades till granskning" or "Inga reviderade uppgifter".</summary>
    public string Heading => HasChanges ? $"Uppgifterna har reviderats {Since}" : "Inga reviderade uppgifter";

    /// <summary>
    /// "Uppgifterna har reviderats sedan rapportens siffror lästes: 2 av 18 värden har ändrats och 1 indikator skulle i dag
    /// få en annan status. Den fastställda rapporten är oförändrad."
    /// </summary>
    public string Summary
    {
        get
        {
            if (!HasChanges)
            {
                return $"Inga uppgifter har reviderats {Since} ({SwedishFormat.Count(ComparedValues, "värde jämfört", "värden jämförda")}).";
            }

            var statuses = StatusChanges == 0
                ? "ingen indikator skulle få en annan status"
                : $"{SwedishFormat.Count(StatusChanges, "indikator", "indikatorer")} skulle i dag få en annan status";
            var unchanged = Baseline == ReportState.UnderReview
                ? "Rapporten visar siffrorna som de var när den skickades till granskning."
                : "Den fastställda rapporten är oförändrad.";
            // A changed tolerance or direction changes a status with every value as it was.
            return ValueChanges == 0
                ? $"{(ComparedValues == 1 ? "Det jämförda värdet har inte" : $"Inget av de {SwedishFormat.Number(ComparedValues, 0)} jämförda värdena har")} "
                    + $"ändrats {Since}, men {statuses}. {unchanged}"
                : $"Uppgifterna har reviderats {Since}: {SwedishFormat.Number(ValueChanges, 0)} av "
                    + $"{SwedishFormat.Count(ComparedValues, "värde", "värden")} har ändrats och {statuses}. {unchanged}";
        }
    }

    /// <summary>
    /// Compares a report's stored figures (<paramref name="stored"/>: submitted, or finalised) with the same report built
    /// from today's data and plan.
    /// </summary>
    public static ReportRevision Compare(ReportDocument stored, ReportDocument now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(now);
        var current = Judged(now).ToDictionary(x => (x.Place, x.Indicator.IndicatorId), x => x.Indicator);
        var compared = 0;
        var changes = new List<RevisedValue>();
        foreach (var (place, code, before) in Judged(stored))
        {
            // An indicator no longer linked to the goal has nothing to compare with: the report keeps it as it was.
            if (!current.TryGetValue((place, before.IndicatorId), out var after))
            {
                continue;
            }

            var found = new List<RevisedValue>();
            void Change(string what, decimal? valueBefore, decimal? valueNow, string? periodBefore, string? periodNow,
                (AttainmentStatus Before, AttainmentStatus Now)? status = null, (string Before, string Now)? text = null) =>
                found.Add(new RevisedValue(code, before.IndicatorId, before.Name, what, periodBefore, valueBefore, periodNow, valueNow,
                    status?.Before ?? before.Status, status?.Now ?? after.Status, before.Decimals, before.Unit,
                    HasStatus: status is not null, TextBefore: text?.Before, TextNow: text?.Now));

            void Compare(string what, decimal? valueBefore, decimal? valueNow, string? periodBefore, string? periodNow,
                (AttainmentStatus, AttainmentStatus)? status = null)
            {
                if (valueBefore is null && valueNow is null)
                {
                    return;
                }

                compared++;
                if (valueBefore != valueNow || periodBefore != periodNow)
                {
                    Change(what, valueBefore, valueNow, periodBefore, periodNow, status);
                }
            }

            var outcomeStatus = (before.Status, after.Status);
            compared++;
            if (before.TargetText != after.TargetText)
            {
                // The numbers too where both are single values, so an export can compute with them; a band stays text.
                Change("Målvärde", before.Target?.Value, after.Target?.Value, null, null, outcomeStatus, (before.TargetText, after.TargetText));
            }

            Compare("Utfall", before.Outcome, after.Outcome, before.OutcomePeriod, after.OutcomePeriod, outcomeStatus);
            if (before.Status != after.Status && found.Count == 0)
            {
                Change(RevisedValue.StatusOnly, null, null, null, null, outcomeStatus, (before.Status.SwedishName(), after.Status.SwedishName()));
            }

            Compare("Kvinnor", before.Women, after.Women, before.OutcomePeriod, after.OutcomePeriod);
            Compare("Män", before.Men, after.Men, before.OutcomePeriod, after.OutcomePeriod);
            if (before.Forecast is { } forecastBefore && after.Forecast is { } forecastNow)
            {
                var forecastStatus = (forecastBefore.Status, forecastNow.Status);
                var forecastChanges = found.Count;
                Compare("Prognos", forecastBefore.Value, forecastNow.Value, null, null, forecastStatus);
                if (forecastBefore.Status != forecastNow.Status && found.Count == forecastChanges)
                {
                    Change(RevisedValue.ForecastStatusOnly, null, null, null, null, forecastStatus,
                        (forecastBefore.Status.SwedishName(), forecastNow.Status.SwedishName()));
                }
            }
            else
            {
                Compare("Prognos", before.Forecast?.Value, after.Forecast?.Value, null, null);
            }

            changes.AddRange(found);
        }

        compared += CompareActionPlans(stored, now, changes);
        return new ReportRevision(compared, changes, stored.Header.State == ReportState.UnderReview ? ReportState.UnderReview : ReportState.Finalised);
    }

    /// <summary>
    /// Every judged indicator of a report with where it stands: under a mål, or under one of the nämnd's delmål of that
    /// mål (judged against the nämndplan's målvärden, so compared on its own), with the code the notice names it by.
    /// </summary>
    static IEnumerable<(string Place, string Code, ReportIndicator Indicator)> Judged(ReportDocument document) =>
        document.Goals.SelectMany(g => g.Indicators.Select(i => (Place: $"{g.GoalId}", g.Code, Indicator: i))
            .Concat(g.SubGoals.SelectMany(s => s.Indicators.Select(i => (Place: $"{g.GoalId}/{s.SubGoalId}", s.Code, Indicator: i)))));
}
