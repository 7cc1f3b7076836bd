using Indicators.Core.Attainment;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Data.Indicators;
using Indicators.Web.Sources;

namespace Indicators.Web.IndicatorPages;

/// <summary>One cell of the outcome table: the value as shown (sv-SE, or why there is none) and its revision note.</summary>
public sealed record OutcomeCell(string Text, string? Revised);

/// <summary>One period of the outcome table, the accessible alternative to the line chart.</summary>
public sealed record OutcomeRow(
    Period Period, OutcomeCell Total, OutcomeCell? Women, OutcomeCell? Men, string Target, AttainmentStatus? Status, string Origin);

/// <summary>Builds the outcome table's rows, newest first, from the same data as the chart.</summary>
public static class OutcomeTableModel
{
    public static IReadOnlyList<OutcomeRow> Build(IndicatorPageData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var indicator = data.Indicator;
        var rule = indicator.Rule;
        var byKey = data.Observations.ToDictionary(o => (o.Period, o.Gender));
        var revisions = data.Revisions.ToLookup(r => (r.Period, r.Gender));

        OutcomeCell? Cell(Period period, Gender gender)
        {
            if (!byKey.TryGetValue((period, gender), out var observation))
            {
                return null;
            }

            var text = observation.Value is { } value && observation.Status == ObservationStatus.Ok
                ? OutcomeSeries.Format(indicator, value)
                : observation.Status.SwedishName();
            var replaced = revisions[(period, gender)].OrderByDescending(r => r.Revision).FirstOrDefault();
            var revised = replaced is null ? null
                : $"reviderat: tidigare {(replaced.Value is { } before ? OutcomeSeries.Format(indicator, before) : replaced.Status.SwedishName())}, "
                  + $"ändrat {SourceTexts.Time(replaced.ReplacedAt)}";
            return new OutcomeCell(text, revised);
        }

        return [.. data.Observations.Select(o => o.Period).Distinct().OrderDescending().Select(period =>
        {
            var total = Cell(period, Gender.T) ?? new OutcomeCell("–", null);
            var target = data.Plan?.TargetFor(period.Year);
            var targetText = target switch
            {
                { Value: { } v } => OutcomeSeries.Format(indicator, v),
                { BandMin: { } min, BandMax: { } max } => $"{OutcomeSeries.Format(indicator, min)}–{OutcomeSeries.Format(indicator, max)}",
                _ => "–",
            };
            AttainmentStatus? status = null;
            if (target is not null && byKey.TryGetValue((period, Gender.T), out var observed))
            {
                var ruleTarget = target is { Value: { } value } ? Target.Of(value) : Target.Band(target.BandMin!.Value, target.BandMax!.Value);
                status = StatusRule.Assess(rule, new Outcome(period, observed.Value, observed.Status), ruleTarget).Status;
            }

            return new OutcomeRow(period, total,
                indicator.GenderSplit ? Cell(period, Gender.K) ?? new OutcomeCell("–", null) : null,
                indicator.GenderSplit ? Cell(period, Gender.M) ?? new OutcomeCell("–", null) : null,
                targetText, status, Origin(byKey.GetValueOrDefault((period, Gender.T))));
        })];
    }

    /// <summary>Where a value came from: the source and the time of the run, or demodata for the demo plan's own load.</summary>
    public static string Origin(IndicatorObservation? observation) => observation switch
    {
        null => "–",
        { SourceName: { } source } => $"{source}, {SourceTexts.Time(observation.RunAt)}",
        { IsDemo: true } => $"Demodata, inläst {SourceTexts.Time(observation.RunAt)}",
        _ => $"Körning {observation.RunId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}, {SourceTexts.Time(observation.RunAt)}",
    };
}
