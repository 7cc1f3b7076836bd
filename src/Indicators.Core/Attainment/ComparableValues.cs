using Indicators.Core.Formatting;
using Indicators.Core.Periods;

namespace Indicators.Core.Attainment;

/// <summary>
/// The yearly points progress is measured on, made from an indicator's outcomes so that like is compared with like.
/// Candidates, in the order they are tried (<see cref="ProgressMeasure.Measure(IEnumerable{Outcome}, Aggregation, ProgressOptions)"/>
/// takes the first with two points from the base year on):
/// <list type="number">
/// <item>When the latest outcome is a month, quarter or tertial: the <b>rolling 12 months</b> up to that month, quarter
/// or tertial each year – the sum of the 12 months for a sum (<see cref="Aggregation.Sum"/>), their mean for a rate –
/// from the years whose 12 months all have values.</item>
/// <item>When the latest outcome is a month, quarter, tertial or jan–aug: <b>the same period each year</b>.</item>
/// <item>The <b>annual values</b>, when there are any (and always when nothing else is possible).</item>
/// </list>
/// A point is keyed by the year its period ends in, so the plan's base and target years keep their meaning: with august
/// as the latest month, base year 2024 is the 12 months sep 2023–aug 2024 and the målvärde of 2027 is taken to hold for
/// sep 2026–aug 2027. When the latest outcome is an annual value only the annual values are used.
/// </summary>
public static class ComparableValues
{
    public static IReadOnlyList<ComparableSeries> Candidates(IEnumerable<Outcome> outcomes, Aggregation aggregation)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var values = new Dictionary<Period, decimal>();
        foreach (var outcome in outcomes)
        {
            if (outcome.UsableValue is { } value)
            {
                values[outcome.Period] = value;
            }
        }

        var candidates = new List<ComparableSeries>();
        if (values.Count > 0 && values.Keys.Max() is { Kind: not PeriodKind.Year } latest)
        {
            if (latest.Kind is PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Tertial)
            {
                candidates.Add(Rolling(values, latest, aggregation));
            }

            candidates.Add(SamePeriod(values, latest));
        }

        var years = values.Where(v => v.Key.Kind == PeriodKind.Year).OrderBy(v => v.Key).Select(v => new YearValue(v.Key.Year, v.Value)).ToList();
        if (years.Count > 0 || candidates.Count == 0)
        {
            candidates.Add(new ComparableSeries(ComparableBasis.Years, years));
        }

        return candidates;
    }

    static ComparableSeries Rolling(Dictionary<Period, decimal> values, Period latest, Aggregation aggregation)
    {
        var perYear = 12 / latest.Months;
        // The first year's window reaches into the year before; the earliest year a period can have has none.
        var first = Math.Max(values.Keys.Min().Year, 1901);
        var points = new List<YearValue>();
        for (var year = first; year <= latest.Year; year++)
        {
            var parts = Enumerable.Range(0, perYear).Select(back => Shift(latest, year, -back)).ToList();
            if (parts.All(values.ContainsKey))
            {
                var sum = parts.Sum(part => values[part]);
                points.Add(new YearValue(year, aggregation == Aggregation.Sum ? sum : sum / perYear,
                    $"{parts[^1].SwedishName}–{parts[0].SwedishName}"));
            }
        }

        var month = SwedishFormat.Culture.DateTimeFormat.GetMonthName(latest.LastMonth);
        return new ComparableSeries(ComparableBasis.Rolling12Months, points,
            $"rullande 12 månader t.o.m. {month} ({(aggregation == Aggregation.Sum ? "summa" : "medelvärde")})");
    }

    static ComparableSeries SamePeriod(Dictionary<Period, decimal> values, Period latest) =>
        new(ComparableBasis.SamePeriodEachYear,
            [.. values.Where(v => v.Key.Kind == latest.Kind && v.Key.Number == latest.Number).OrderBy(v => v.Key)
                .Select(v => new YearValue(v.Key.Year, v.Value, v.Key.SwedishName))]);

    /// <summary>The period of <paramref name="like"/>'s kind and number in <paramref name="year"/>, moved <paramref name="steps"/> periods.</summary>
    static Period Shift(Period like, int year, int steps)
    {
        var perYear = 12 / like.Months;
        var index = year * perYear + like.Number - 1 + steps;
        var (shiftedYear, number) = (index / perYear, index % perYear + 1);
        return like.Kind switch
        {
            PeriodKind.Month => Period.OfMonth(shiftedYear, number),
            PeriodKind.Quarter => Period.OfQuarter(shiftedYear, number),
            PeriodKind.Tertial => Period.OfTertial(shiftedYear, number),
            _ => throw new ArgumentOutOfRangeException(nameof(like), like, "Only months, quarters and tertials tile the year."),
        };
    }
}
