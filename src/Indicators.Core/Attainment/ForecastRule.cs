using Indicators.Core.Formatting;
using System.Globalization;
using Indicators.Core.Plans;

namespace Indicators.Core.Attainment;

/// <summary>
/// Forecasts for the delårsrapport and for the plan's end, each made by the method that would have forecast the series' own
/// past best.
/// <list type="bullet">
/// <item><b>From yearly values</b> (<see cref="FromYears"/>, the plan's end and a year with only yearly statistics): the candidates,
/// simplest first, are <i>senaste värdet</i> (the latest value), <i>medelnivå</i> (the mean of the latest 3 values),
/// <i>linjär trend de senaste åren</i> (the least-squares slope of the latest 4 values, continued from the latest value) and
/// <i>dämpad trend</i> (the slope of the latest 3 values, continued from the latest value but shrinking by a fifth each
/// year: latest + slope × (0,8 + 0,8² + …)). Every candidate is backtested by rolling origin: from each earlier point with at
/// least 3 values up to it, forecast as many years ahead as the real forecast needs (target year − latest year), where
/// the series has a value for that year. The method with the lowest mean absolute error over those backtests is used; on
/// equal error the simpler one. With fewer than 2 backtests the default is <i>dämpad trend</i> when the latest 3 changes go
/// the same way, <i>senaste värdet</i> otherwise. Sanity rules: a method whose forecast would turn a run of 3 or more
/// changes in one direction (4 values each higher, or each lower, than the one before) back past the latest value is not
/// a candidate; a change more than 4 times the median size of the series' other changes (at least 3 of them) is a level
/// shift, and only the values from it on are used (the explanation says so). Values from the target year on are not
/// used; at least 2 years with a value are needed.</item>
/// <item><b>Year-end</b> (<see cref="YearEnd"/>, a sum indicator with monthly values for months 1..n of this year): the
/// candidates are <i>linjär uppräkning</i> (year-to-date × 12 / n) and <i>uppräkning med säsongsmönster</i> (year-to-date
/// ÷ share, where share = the sum of months 1..n over the earlier full years ÷ their annual total, pooled; needs at least
/// one earlier full year of all twelve months and a positive share). Each is backtested on every earlier full year that
/// has a full year before it (its months 1..n and the full years before it forecast its total); the lower mean absolute
/// error wins, on a tie linear. With fewer than 2 backtests the default is the seasonal share where it can be made, linear
/// otherwise.</item>
/// </list>
/// The explanation names the method, its numbers in the indicator's decimals and unit, and how it was chosen: the mean
/// absolute error of each candidate and the number of backtests, or that the default was used and why. The constants were
/// settled with the forecast benchmark (README, "Forecast benchmark") on generated series, never on a value being forecast.
/// </summary>
public static class ForecastRule
{
    /// <summary>Fewer backtests than this and the default method is used.</summary>
    public const int MinBacktests = 2;

    /// <summary>A backtest forecasts from at least this many values.</summary>
    public const int MinBacktestHistory = 3;

    /// <summary>This many changes in one direction in a row make a run that a forecast must not turn back.</summary>
    public const int RunLength = 3;

    /// <summary>A change this many times the median size of the other changes is a level shift.</summary>
    public const int JumpFactor = 4;

    /// <summary>
    /// Without enough backtests: the damped trend when the latest <see cref="DefaultRunLength"/> changes go the same way,
    /// the latest value otherwise.
    /// </summary>
    static ForecastMethod DefaultYearlyMethod(List<(int Year, decimal Value)> known) =>
        RunOf(known) >= DefaultRunLength ? ForecastMethod.DampedTrend : ForecastMethod.LastValue;

    /// <summary>How many changes in a row the default needs before it continues a trend.</summary>
    public const int DefaultRunLength = 3;

    static readonly IndicatorRule Plain = new(Direction.HigherIsBetter, "", 1);

    /// <param name="monthsThisYear">This year's monthly values, months 1..n (n = 1–11), all present.</param>
    /// <param name="earlierYears">Earlier years' monthly values by year and month (1–12); only full years are used.</param>
    /// <param name="indicator">Formats the explanation's numbers; without it one decimal and no unit.</param>
    public static Forecast YearEnd(IReadOnlyList<decimal> monthsThisYear, IReadOnlyDictionary<int, IReadOnlyList<decimal?>> earlierYears,
        IndicatorRule? indicator = null)
    {
        ArgumentNullException.ThrowIfNull(monthsThisYear);
        ArgumentNullException.ThrowIfNull(earlierYears);
        var n = monthsThisYear.Count;
        if (n is < 1 or > 11)
        {
            throw new ArgumentOutOfRangeException(nameof(monthsThisYear), n, "Expected 1–11 months of the current year.");
        }

        return YearEndForecast.Make(monthsThisYear, earlierYears, indicator ?? Plain);
    }

    /// <summary>The forecast to the plan's last year from the yearly values (see <see cref="FromYears"/>).</summary>
    public static Forecast PlanEnd(IEnumerable<YearValue> series, int targetYear, IndicatorRule? indicator = null) =>
        FromYears(series, targetYear, indicator);

    /// <summary>The forecast for <paramref name="targetYear"/> from the yearly values before it, by the method chosen by backtests.</summary>
    public static Forecast FromYears(IEnumerable<YearValue> series, int targetYear, IndicatorRule? indicator = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var format = indicator ?? Plain;
        var known = series.Where(p => p.Value is not null && p.Year < targetYear)
            .GroupBy(p => p.Year)
            .Select(g => (Year: g.Key, Value: g.First().Value!.Value))
            .OrderBy(p => p.Year)
            .ToList();
        if (known.Count < 2)
        {
            return new Forecast(null, null, NotAssessableReason.TooFewValues, new Dictionary<string, decimal>(),
                $"Kan ej bedömas: en prognos kräver minst två år med värde före {SwedishFormat.Year(targetYear)}.");
        }

        var levelShift = LevelShift(known);
        if (levelShift is { } shift)
        {
            known = known[shift..];
        }

        var years = targetYear - known[^1].Year;
        var candidates = YearlyForecastMethods.SimplestFirst
            .Where(m => !TurnsBackRun(known, YearlyForecastMethods.Forecast(m, known, targetYear)))
            .ToList();
        var excluded = YearlyForecastMethods.SimplestFirst.Except(candidates).ToList();
        var selection = ForecastBacktest.Choose(candidates,
            (method, past) => YearlyForecastMethods.Forecast(method, past, past[^1].Year + years),
            Backtests(known, years),
            DefaultYearlyMethod(known), MinBacktests);

        var method = selection.Method;
        var value = YearlyForecastMethods.Forecast(method, known, targetYear);
        var inputs = new Dictionary<string, decimal>
        {
            ["antal år"] = known.Count,
            ["senaste värde"] = known[^1].Value,
            ["målår"] = targetYear,
            ["antal prövningar"] = selection.Backtests,
        };
        if (YearlyForecastMethods.ChangePerYear(method, known) is { } change)
        {
            inputs["förändring per år"] = change;
        }

        if (selection.MeanAbsoluteError is { } error)
        {
            inputs["medelfel"] = error;
        }

        var explanation = YearlyForecastMethods.Describe(method, known, targetYear, value, format)
            + " " + HowChosen(selection, years == 1 ? "1 år framåt" : $"{SwedishFormat.Year(years)} år framåt", format);
        if (levelShift is not null)
        {
            explanation = $"Serien bytte nivå {SwedishFormat.Year(known[0].Year)}: förändringen det året var mer än {SwedishFormat.Year(JumpFactor)} gånger så stor som "
                + $"de andra årens typiska förändring, så bara värdena från {SwedishFormat.Year(known[0].Year)} används. " + explanation;
        }

        if (excluded.Count > 0)
        {
            var sv = CultureInfo.GetCultureInfo("sv-SE");
            explanation += $" {string.Join(" och ", excluded.Select((m, i) => i == 0 ? m.SwedishName() : m.SwedishName().ToLower(sv)))} "
                + $"prövades inte: {(excluded.Count == 1 ? "den" : "de")} skulle vända en obruten {(Rising(known) ? "ökning" : "minskning")} "
                + $"de senaste {SwedishFormat.Year(RunOf(known))} åren.";
        }

        return new Forecast(value, method, null, inputs, explanation);
    }

    /// <summary>Each earlier point with enough history, what was known then and the value <paramref name="years"/> later.</summary>
    static IEnumerable<(IReadOnlyList<(int Year, decimal Value)> Known, decimal Actual)> Backtests(
        List<(int Year, decimal Value)> known, int years)
    {
        for (var last = MinBacktestHistory - 1; last < known.Count - 1; last++)
        {
            var targetYear = known[last].Year + years;
            var actual = known.FirstOrDefault(p => p.Year == targetYear);
            if (actual.Year == targetYear)
            {
                yield return ([.. known.Take(last + 1)], actual.Value);
            }
        }
    }

    /// <summary>
    /// The index of the value after the latest level shift: a change more than <see cref="JumpFactor"/> times the median size
    /// of the series' other changes (at least 3 of them); null when there is none.
    /// </summary>
    static int? LevelShift(List<(int Year, decimal Value)> known)
    {
        var changes = known.Zip(known.Skip(1), (a, b) => Math.Abs(b.Value - a.Value)).ToList();
        if (changes.Count < 4)
        {
            return null;
        }

        for (var i = changes.Count - 1; i >= 0; i--)
        {
            var others = changes.Where((_, j) => j != i).Order().ToList();
            var median = others.Count % 2 == 1 ? others[others.Count / 2] : (others[others.Count / 2 - 1] + others[others.Count / 2]) / 2;
            if (changes[i] > JumpFactor * median)
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>How many changes in a row, up to the latest, go the same way (0 when the latest change is none).</summary>
    static int RunOf(List<(int Year, decimal Value)> known)
    {
        if (known.Count < 2)
        {
            return 0;
        }

        var sign = Math.Sign(known[^1].Value - known[^2].Value);
        if (sign == 0)
        {
            return 0;
        }

        var run = 0;
        for (var i = known.Count - 1; i > 0 && Math.Sign(known[i].Value - known[i - 1].Value) == sign; i--)
        {
            run++;
        }

        return run;
    }

    static bool Rising(List<(int Year, decimal Value)> known) => known.Count > 1 && known[^1].Value > known[^2].Value;

    static bool TurnsBackRun(List<(int Year, decimal Value)> known, decimal forecast) =>
        RunOf(known) >= RunLength && (Rising(known) ? forecast < known[^1].Value : forecast > known[^1].Value);

    internal static string HowChosen(ForecastSelection selection, string horizon, IndicatorRule format)
    {
        if (selection.IsDefault)
        {
            return $"Historiken räcker inte för att pröva metoderna mot varandra ({ForecastBacktest.Backtests(selection.Backtests)} "
                + $"{horizon}, minst {SwedishFormat.Year(MinBacktests)} behövs), så standardmetoden {selection.Method.SwedishName().ToLower(CultureInfo.GetCultureInfo("sv-SE"))} används.";
        }

        var others = selection.Errors.Where(e => e.Method != selection.Method)
            .Select(e => $"{e.Method.SwedishName().ToLower(CultureInfo.GetCultureInfo("sv-SE"))} {format.FormatDifference(e.MeanAbsoluteError)}");
        return $"Metoden valdes för att den hade minst medelfel när seriens egen historik prognostiserades "
            + $"{horizon}: {format.FormatDifference(selection.MeanAbsoluteError!.Value)} i {ForecastBacktest.Backtests(selection.Backtests)}"
            + (selection.Errors.Count > 1 ? $" ({string.Join("; ", others)})." : ".");
    }
}
