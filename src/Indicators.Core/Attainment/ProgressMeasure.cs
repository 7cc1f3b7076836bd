using Indicators.Core.Formatting;
using Indicators.Core.Plans;

namespace Indicators.Core.Attainment;

/// <summary>
/// Progress toward the plan's end målvärde: Open SDG's ProgressMeasure as upstream has it now (open-sdg/sdg-build
/// <c>sdg/ProgressMeasure.py</c>, class <c>SeriesProgress</c>, commit 139fede7; reference/anchors-features.md b.1), and a
/// linear path where that method gives no answer.
/// <list type="number">
/// <item>Years without a value are dropped; no values → kan ej bedömas. Two values for one year are a programming error.</item>
/// <item>Current year = the latest year with a value. If the base year has no value the next year with a value becomes the
/// base year; when no year after it has one → kan ej bedömas (upstream fails there).</item>
/// <item>Målet nått is checked first, as upstream: (lower is better and current ≤ målvärde) or (higher is better and
/// current ≥ målvärde). It needs only the current value. Unlike upstream the check uses the målvärde itself, not its
/// 0.001 replacement, so a result of exactly 0 against a målvärde of 0 is målet nått (upstream: not achieved).</item>
/// <item>Current year − base year &lt; 1 → kan ej bedömas (fewer than two years from the base year).</item>
/// <item>sign = −1 when the base value is negative, else 1 (upstream's rule: with base and current both negative the
/// ratio current/base is positive, so growth is defined, and the sign turns a shrinking deficit into an improvement).
/// direction = +1 when higher is better, −1 when lower is better.
/// CAGR(v1, v0, t1, t0) = (v1 / v0)^(1 / (t1 − t0)) − 1.</item>
/// <item><b>Method 1</b>, no målvärde: value = sign · direction · CAGR(current, base); thresholds 0.015 / 0.005 / 0.
/// A base value of 0, or base and current of opposite signs → kan ej bedömas (there is no målvärde to measure a distance
/// to; upstream replaces a zero base by 0.001, which its own warning calls invalid).</item>
/// <item><b>Method 2</b>, a målvärde (0 replaced by 0.001 as upstream): value = sign · direction · CAGR(current, base) /
/// |CAGR(målvärde, base, target year, base year)|; thresholds 0.95 / 0.6 / 0. Dividing by the absolute needed growth
/// makes a base already past its målvärde that falls back a försämring (the 2023 release divided by the signed growth
/// and called it i fas).</item>
/// <item><b>Linear path</b>, ours, where method 2 is undefined: a base value of 0, base and current of opposite signs
/// (the series crosses zero), base and målvärde of opposite signs (a deficit going to balance: the needed growth is
/// undefined, unless the target year is one year after the base year: the exponent is then 1 and upstream's formula
/// holds), or a målvärde equal to the base value (needed growth 0). value = (direction · (current − base) /
/// |målvärde − base|) / ((current year − base year) / (target year − base year)): the share of the distance from the
/// base value to the målvärde covered, in the good direction, against the share of the time from the base year to the
/// target year elapsed. 1 means on the straight line from base to målvärde. Thresholds 0.95 / 0.6 / 0, as Open SDG's
/// ratio, which it mirrors with average yearly changes in place of growth rates: i fas from 95 % of the needed pace,
/// behöver öka takten from 60 %, begränsad utveckling while still moving toward the målvärde, försämring when moving
/// away. A målvärde equal to the base value that is not reached means the series moved away: försämring (upstream
/// divides by a zero growth and gets −∞, the same category).</item>
/// <item>value ≥ high → i fas; ≥ medium → behöver öka takten; ≥ low → begränsad utveckling; else försämring.
/// <see cref="ProgressOptions.Thresholds"/> replaces the thresholds of whichever method runs.</item>
/// </list>
/// Further kan ej bedömas: a band direction (every method needs higher or lower is better) and a target year not after
/// the base year. The explanation names the method, the values (in the indicator's decimals and unit), the rates or
/// shares, the measure and the thresholds.
/// </summary>
public static class ProgressMeasure
{
    /// <summary>Open SDG's replacement for a målvärde of exactly 0 in the growth formula.</summary>
    public const decimal ZeroTargetReplacement = 0.001m;

    /// <summary>Progress on the indicator's annual values.</summary>
    public static ProgressResult Measure(IEnumerable<YearValue> series, ProgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Measure(new ComparableSeries(ComparableBasis.Years, [.. series]), options);
    }

    /// <summary>
    /// Progress on comparable values made from outcomes of any kind of period: the first of
    /// <see cref="ComparableValues.Candidates"/> that has two points from the base year on, else the first's answer.
    /// </summary>
    public static ProgressResult Measure(IEnumerable<Outcome> outcomes, Aggregation aggregation, ProgressOptions options)
    {
        var candidates = ComparableValues.Candidates(outcomes, aggregation);
        if (candidates.Count == 0)
        {
            return Measure(new ComparableSeries(ComparableBasis.Years, []), options);
        }

        ProgressResult? first = null;
        foreach (var candidate in candidates)
        {
            var result = Measure(candidate, options);
            if (result.Reason is not (NotAssessableReason.TooFewValues or NotAssessableReason.NoValue))
            {
                return result;
            }

            first ??= result;
        }

        return first!;
    }

    public static ProgressResult Measure(ComparableSeries series, ProgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);

        var points = new SortedDictionary<int, YearValue>();
        foreach (var point in series.Values)
        {
            if (point.Value is not null && !points.TryAdd(point.Year, point))
            {
                throw new ArgumentException($"The series has two values for {point.Year}.", nameof(series));
            }
        }

        var text = new Writer(series, options);
        if (options.Direction == Direction.WithinBand)
        {
            return text.NotAssessable(NotAssessableReason.UndefinedForValues, "metoden kräver att högre eller lägre är bättre");
        }

        if (points.Count == 0)
        {
            return text.NotAssessable(NotAssessableReason.NoValue, $"inga {series.Basis.SwedishName()}");
        }

        var currentYear = points.Keys.Last();
        var baseYear = options.BaseYear;
        if (!points.ContainsKey(baseYear))
        {
            if (baseYear > currentYear)
            {
                return text.NotAssessable(NotAssessableReason.TooFewValues,
                    $"inget värde från basåret {SwedishFormat.Year(baseYear)} (senaste är från {Writer.Label(points[currentYear])})");
            }

            baseYear = points.Keys.First(year => year > baseYear);
        }

        var basePoint = points[baseYear];
        var currentPoint = points[currentYear];
        var baseValue = basePoint.Value!.Value;
        var current = currentPoint.Value!.Value;
        var lowerIsBetter = options.Direction == Direction.LowerIsBetter;
        var direction = lowerIsBetter ? -1 : 1;
        var values = (baseYear != options.BaseYear ? $"Basåret {SwedishFormat.Year(options.BaseYear)} saknar värde, så {SwedishFormat.Year(baseYear)} används: " : "")
            + $"{Writer.Label(basePoint)} {text.Value(baseValue)}"
            + (currentYear != baseYear ? $" → {Writer.Label(currentPoint)} {text.Value(current)}" : "");

        if (options.Target is { } goal && (lowerIsBetter ? current <= goal : current >= goal))
        {
            return text.Result(ProgressCategory.TargetAchieved, ProgressMethod.WithTarget, null, baseYear, currentYear,
                $"{values}; målvärdet {text.Value(goal)} {SwedishFormat.Year(options.TargetYear)} är nått ({(lowerIsBetter ? "lägre" : "högre")} är bättre).");
        }

        if (currentYear - baseYear < 1)
        {
            return text.NotAssessable(NotAssessableReason.TooFewValues,
                $"inget värde efter basåret {SwedishFormat.Year(baseYear)} ({Writer.Label(basePoint)} {text.Value(baseValue)} är det senaste)", baseYear, currentYear);
        }

        var crossesZero = (baseValue > 0 && current < 0) || (baseValue < 0 && current > 0);
        var sign = baseValue < 0 ? -1 : 1;
        if (options.Target is not { } target)
        {
            if (baseValue == 0 || crossesZero)
            {
                return text.NotAssessable(NotAssessableReason.UndefinedForValues,
                    $"{(baseValue == 0 ? "basvärdet är 0" : "värdena byter tecken")} och det finns inget målvärde att mäta avståndet mot ({values})",
                    baseYear, currentYear);
            }

            var growth = Cagr(current, baseValue, currentYear, baseYear);
            var rate = sign * direction * growth;
            var rateThresholds = options.Thresholds ?? ProgressThresholds.WithoutTargetDefaults;
            return text.Result(Categorize(rate, rateThresholds), ProgressMethod.WithoutTarget, rate, baseYear, currentYear,
                $"{values}. Förändring {Percent(growth)} per år{Writer.Toward(rate, sign, "åt rätt håll", "åt fel håll")}; i fas från {Limit(rateThresholds.High * 100)}\u00A0%, "
                + $"behöver öka takten från {Limit(rateThresholds.Medium * 100)}\u00A0%, begränsad utveckling från {Limit(rateThresholds.Low * 100)}\u00A0% per år åt rätt håll.");
        }

        if (options.TargetYear <= baseYear)
        {
            return text.NotAssessable(NotAssessableReason.UndefinedForValues,
                $"målåret {SwedishFormat.Year(options.TargetYear)} ligger inte efter basåret {SwedishFormat.Year(baseYear)}", baseYear, currentYear);
        }

        var growthTarget = target == 0 ? ZeroTargetReplacement : target;
        var whyNotGrowth = baseValue == 0 ? "basvärdet är 0"
            : crossesZero ? "värdena byter tecken"
            // With a target year one year after the base the exponent is 1 and upstream's needed growth is real whatever the signs.
            : (baseValue > 0) != (growthTarget > 0) && options.TargetYear - baseYear != 1 ? "basvärdet och målvärdet har olika tecken"
            : growthTarget == baseValue ? "målvärdet är lika med basvärdet"
            : null;
        if (whyNotGrowth is not null)
        {
            return LinearPath(text, options, target, values, baseYear, currentYear, baseValue, current, direction, whyNotGrowth);
        }

        var observed = Cagr(current, baseValue, currentYear, baseYear);
        var needed = Math.Abs(Cagr(growthTarget, baseValue, options.TargetYear, baseYear));
        if (needed == 0)
        {
            // The målvärde is so close to the base value that the needed growth rounds to 0 in floating point.
            return LinearPath(text, options, target, values, baseYear, currentYear, baseValue, current, direction, "målvärdet kräver ingen mätbar tillväxt");
        }

        var measure = sign * direction * observed / needed;
        var thresholds = options.Thresholds ?? ProgressThresholds.WithTargetDefaults;
        var category = Categorize(measure, thresholds);
        return text.Result(category, ProgressMethod.WithTarget, measure, baseYear, currentYear,
            $"{values}, målvärde {text.Value(target)} {SwedishFormat.Year(options.TargetYear)}. "
            + $"Förändring {Percent(observed)} per år{Writer.Toward(measure, sign, "mot målet", "bort från målet")}"
            + $"; målvärdet kräver {Percent(needed)} per år åt rätt håll: kvot {Ratio(measure)}; "
            + $"{Limits(thresholds)}.");
    }

    static ProgressResult LinearPath(
        Writer text, ProgressOptions options, decimal target, string values, int baseYear, int currentYear,
        decimal baseValue, decimal current, int direction, string whyNotGrowth)
    {
        var distance = Math.Abs(target - baseValue);
        var covered = direction * (current - baseValue);
        var elapsedYears = currentYear - baseYear;
        var totalYears = options.TargetYear - baseYear;
        var intro = $"{values}, målvärde {text.Value(target)} {SwedishFormat.Year(options.TargetYear)} (Open SDG:s tillväxtkvot går inte att använda: {whyNotGrowth}).";
        if (distance == 0)
        {
            return text.Result(ProgressCategory.Deterioration, ProgressMethod.LinearPath, null, baseYear, currentYear,
                $"{intro} Värdet har rört sig {text.Difference(Math.Abs(covered))} bort från målvärdet.");
        }

        var coveredShare = (double)(covered / distance);
        var elapsedShare = (double)elapsedYears / totalYears;
        var measure = coveredShare / elapsedShare;
        var thresholds = options.Thresholds ?? ProgressThresholds.LinearPathDefaults;
        var category = Categorize(measure, thresholds);
        var movement = covered >= 0
            ? $"{text.Difference(covered)} av avståndet {text.Difference(distance)} är avklarat ({Share(coveredShare)})"
            : $"värdet har rört sig {text.Difference(-covered)} bort från målvärdet ({Share(coveredShare)} av avståndet {text.Difference(distance)})";
        return text.Result(category, ProgressMethod.LinearPath, measure, baseYear, currentYear,
            $"{intro} {Capitalize(movement)} efter {elapsedYears} av {totalYears} år ({Share(elapsedShare)} av tiden): kvot {Ratio(measure)}; "
            + $"{Limits(thresholds)}.");
    }

    /// <summary>Compound annual growth rate: (v1 / v0)^(1 / (t1 − t0)) − 1.</summary>
    public static double Cagr(decimal v1, decimal v0, int t1, int t0) =>
        Math.Pow((double)v1 / (double)v0, 1.0 / (t1 - t0)) - 1;

    static ProgressCategory Categorize(double measure, ProgressThresholds thresholds) =>
        measure >= thresholds.High ? ProgressCategory.OnTrack
        : measure >= thresholds.Medium ? ProgressCategory.NeedsAcceleration
        : measure >= thresholds.Low ? ProgressCategory.LimitedProgress
        : ProgressCategory.Deterioration;

    static string Percent(double rate) => (rate * 100).ToString("N2", SwedishFormat.Culture) + "\u00A0%";

    static string Share(double share) => (share * 100).ToString("N0", SwedishFormat.Culture) + "\u00A0%";

    static string Ratio(double value) => value.ToString("N2", SwedishFormat.Culture);

    static string Limit(double value) => value.ToString("0.###", SwedishFormat.Culture);

    static string Limits(ProgressThresholds thresholds) =>
        $"i fas från {Limit(thresholds.High)}, behöver öka takten från {Limit(thresholds.Medium)}, begränsad utveckling från {Limit(thresholds.Low)}";

    static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], SwedishFormat.Culture) + text[1..];

    /// <summary>Writes the explanation: "{category}. Metod: {method}, på {basis}. {details}".</summary>
    sealed class Writer(ComparableSeries series, ProgressOptions options)
    {
        public string Value(decimal value) =>
            options.Display is { } rule ? rule.FormatValue(value) : SwedishFormat.Number(value, 1);

        public string Difference(decimal difference) =>
            options.Display is { } rule ? rule.FormatDifference(difference) : SwedishFormat.Number(difference, 1);

        public static string Label(YearValue point) => point.Label ?? SwedishFormat.Year(point.Year);

        /// <summary>Which way the change goes; for negative values the sign rule is named, since a falling amount is then a rise.</summary>
        public static string Toward(double measure, int sign, string good, string bad) =>
            (measure > 0 ? $" ({good})" : measure < 0 ? $" ({bad})" : "")
            + (sign < 0 ? " – värdena är negativa, så en minskning av beloppet räknas som en ökning" : "");

        string Basis => series.Description ?? series.Basis.SwedishName();

        public ProgressResult Result(ProgressCategory category, ProgressMethod method, double? measure, int baseYear, int currentYear, string details) =>
            new(category, null, method, measure, baseYear, currentYear,
                $"{category.SwedishName()}. Metod: {method.SwedishName()}, på {Basis}. {details}", series.Basis);

        public ProgressResult NotAssessable(NotAssessableReason reason, string why, int? baseYear = null, int? currentYear = null) =>
            new(ProgressCategory.NotAssessable, reason, null, null, baseYear, currentYear,
                $"{ProgressCategory.NotAssessable.SwedishName()}: {why}.", series.Basis);
    }
}
