using System.Globalization;
using System.Text.RegularExpressions;
using Indicators.Core.Attainment;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Data.Demo;
using Microsoft.Extensions.Configuration;

namespace Indicators.Benchmarks;

/// <summary>
/// Issue 16's forecast benchmark: the forecast rule (<see cref="ForecastRule"/>, method chosen by backtests on what was known
/// then) against the naive forecast (the latest value; for a year's end the previous year's total), both measured on the
/// same forecasts in this run, on every demo series and on generated series of known shapes. Each forecast's error is
/// divided by its series' mean absolute change from one year to the next (as MASE does), so series of any size weigh
/// alike. Last line: <c>forecast/naive MAE ratio: R</c>. No database: the demo series are read from the same embedded
/// files the app seeds its demo plan from.
/// </summary>
static class ForecastBenchmark
{
    sealed class Row(string name)
    {
        public string Name { get; } = name;
        public int Series { get; set; }
        public int Forecasts { get; set; }
        public decimal Forecast { get; set; }
        public decimal Naive { get; set; }
        public SortedDictionary<string, int> Methods { get; } = new(StringComparer.Ordinal);

        public void Add(decimal actual, decimal forecast, ForecastMethod method, decimal naive, decimal scale)
        {
            Forecasts++;
            Forecast += Math.Abs(forecast - actual) / scale;
            Naive += Math.Abs(naive - actual) / scale;
            Methods[method.SwedishName()] = Methods.GetValueOrDefault(method.SwedishName()) + 1;
        }

        public void Add(Row other)
        {
            Series += other.Series;
            Forecasts += other.Forecasts;
            Forecast += other.Forecast;
            Naive += other.Naive;
            foreach (var (method, count) in other.Methods)
            {
                Methods[method] = Methods.GetValueOrDefault(method) + count;
            }
        }

        public decimal Ratio => Naive == 0 ? 1 : Forecast / Naive;
    }

    static readonly int[] Horizons = [1, 2];

    public static Task<int> RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var perShape = configuration.GetValue("Benchmark:SeriesPerShape", 240);
        var seed = configuration.GetValue("Benchmark:Seed", 16);
        var rows = ForecastShapes.Names.ToDictionary(name => name, name => new Row(name));
        var generated = ForecastShapes.Generate(perShape, seed);
        foreach (var series in generated)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = rows[series.Shape];
            row.Series++;
            if (series.Monthly is { } monthly)
            {
                YearEnds(row, monthly);
            }
            else
            {
                Yearly(row, [.. series.Yearly.Select((value, t) => new YearValue(2000 + t, value))]);
            }
        }

        var demo = new Row("demodata (alla serier)");
        var demoSeries = DemoSeries();
        foreach (var series in demoSeries.Values)
        {
            demo.Series++;
            Yearly(demo, series);
        }

        var total = new Row("totalt");
        foreach (var row in rows.Values.Append(demo))
        {
            total.Add(row);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Forecast benchmark: {generated.Count} generated series ({perShape} per shape, seed {seed}) and {demoSeries.Count} demo series; yearly series forecast 1 and 2 years ahead from every point with {ForecastRule.MinBacktestHistory} or more values, monthly sums for the year's end from january–august."));
        Console.WriteLine("MAE in units of each series' mean absolute yearly change; naive = the latest value (for a year's end: the previous year's total).");
        Console.WriteLine();
        Console.WriteLine("| shape | series | forecasts | MAE forecast | MAE naive | ratio | methods chosen |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows.Values.Append(demo).Append(total))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.Series} | {row.Forecasts} | {row.Forecast / row.Forecasts:0.000} | {row.Naive / row.Forecasts:0.000} | {row.Ratio:0.00} | {string.Join(", ", row.Methods.Select(m => $"{m.Key} {m.Value}"))} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Demo plan, Region Västernorrland (0022), totals: forecast 2027");
        foreach (var (key, series) in demoSeries.Where(s => s.Key.EndsWith(";0022;T", StringComparison.Ordinal)))
        {
            var forecast = ForecastRule.PlanEnd(series, 2027);
            Console.WriteLine($"  {key.Split(';')[0]}: {string.Join(" ", series.Select(v => v.Value!.Value.ToString(CultureInfo.InvariantCulture)))} → {forecast.Value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–"} ({forecast.Method?.SwedishName()})");
        }

        Console.WriteLine();
        var worst = rows.Values.Append(demo).Max(r => r.Ratio);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"highest shape ratio: {worst:0.00} (goal ≤ 1.10); overall goal < 0.90"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forecast/naive MAE ratio: {total.Ratio:0.00}"));
        return Task.FromResult(0);
    }

    /// <summary>
    /// From every point with as many values as the rule's own backtests start from, each horizon ahead where the series has
    /// that year.
    /// </summary>
    static void Yearly(Row row, IReadOnlyList<YearValue> series)
    {
        var values = series.Select(v => v.Value!.Value).ToList();
        var scale = Scale(values);
        foreach (var horizon in Horizons)
        {
            for (var last = ForecastRule.MinBacktestHistory - 1; last < series.Count; last++)
            {
                var year = series[last].Year + horizon;
                if (series.FirstOrDefault(v => v.Year == year) is not { Value: { } actual } || series[^1].Year < year)
                {
                    continue;
                }

                var forecast = ForecastRule.FromYears(series.Take(last + 1), year);
                row.Add(actual, forecast.Value!.Value, forecast.Method!.Value, series[last].Value!.Value, scale);
            }
        }
    }

    /// <summary>Each year after the first, its total from january–august and the full years before it.</summary>
    static void YearEnds(Row row, IReadOnlyList<decimal[]> monthly)
    {
        var totals = monthly.Select(m => m.Sum()).ToList();
        var scale = Scale(totals);
        for (var year = 1; year < monthly.Count; year++)
        {
            var earlier = Enumerable.Range(0, year).ToDictionary(y => 2000 + y, y => (IReadOnlyList<decimal?>)[.. monthly[y].Select(v => (decimal?)v)]);
            var forecast = ForecastRule.YearEnd([.. monthly[year].Take(8)], earlier);
            row.Add(totals[year], forecast.Value!.Value, forecast.Method!.Value, totals[year - 1], scale);
        }
    }

    /// <summary>The mean absolute change from one value to the next (1 for a constant series, whose errors are all 0).</summary>
    static decimal Scale(IReadOnlyList<decimal> values)
    {
        var changes = values.Zip(values.Skip(1), (a, b) => Math.Abs(b - a)).ToList();
        return changes.Count == 0 || changes.Average() == 0 ? 1 : changes.Average();
    }

    /// <summary>
    /// Every demo series (indicator;area;gender) with at least three yearly values: the annual outcomes, or for a monthly
    /// indicator the months per year as the indicator page makes them (a rate's mean; a sum's total of a full year).
    /// </summary>
    static SortedDictionary<string, IReadOnlyList<YearValue>> DemoSeries()
    {
        var assembly = typeof(DemoPlanLoader).Assembly;
        var aggregation = Regex.Matches(Read(assembly, "demo-plan.sql"),
                @"'0022', '(?<code>[A-Z0-9_]+)',[\s\S]*?'(?:year|month|tertial|quarter)', '(?<aggregation>rate|sum)'")
            .ToDictionary(m => m.Groups["code"].Value, m => m.Groups["aggregation"].Value);
        var outcomes = new Dictionary<(string, string, string, Gender), decimal?>();
        foreach (var file in new[] { "outcomes.csv", "outcomes-revised.csv" })
        {
            foreach (var row in DemoOutcomesCsv.Parse(file, Read(assembly, file)))
            {
                outcomes[(row.IndicatorCode, row.Period, row.AreaId, row.Gender)] = row.Status == ObservationStatus.Ok ? row.Value : null;
            }
        }

        var series = new SortedDictionary<string, IReadOnlyList<YearValue>>(StringComparer.Ordinal);
        foreach (var group in outcomes.Where(o => o.Value is not null)
            .GroupBy(o => (Indicator: o.Key.Item1, Area: o.Key.Item3, Gender: o.Key.Item4)))
        {
            var periods = group.Select(o => (Period: Period.Parse(o.Key.Item2), Value: o.Value!.Value)).ToList();
            var annual = periods.Where(p => p.Period.Kind == PeriodKind.Year).ToList();
            var sum = aggregation.GetValueOrDefault(group.Key.Indicator) == "sum";
            IReadOnlyList<YearValue> yearly = annual.Count > 0
                ? [.. annual.OrderBy(p => p.Period.Year).Select(p => new YearValue(p.Period.Year, p.Value))]
                : [.. periods.Where(p => p.Period.Kind == PeriodKind.Month).GroupBy(p => p.Period.Year).OrderBy(y => y.Key)
                    .Where(y => !sum || y.Count() == 12)
                    .Select(y => new YearValue(y.Key, sum ? y.Sum(p => p.Value) : Math.Round(y.Average(p => p.Value), 4)))];
            if (yearly.Count >= 3)
            {
                series[$"{group.Key.Indicator};{group.Key.Area};{group.Key.Gender.ToCode()}"] = yearly;
            }
        }

        return series;
    }

    static string Read(System.Reflection.Assembly assembly, string file)
    {
        using var stream = assembly.GetManifestResourceStream($"sql/demo/{file}") ?? throw new InvalidOperationException($"Missing resource sql/demo/{file}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
