using System.Globalization;
using Indicators.Core.Formatting;
using Indicators.Core.Periods;
using Indicators.Core.Reports;

namespace Indicators.Reports.Export.Pdf;

/// <summary>
/// An indicator's chart in the PDF, drawn as vector graphics (no image): the outcomes per period as a solid line with
/// round markers, the plan's målvärde per year as a long-dashed step line (a band as two), and the forecast as a hollow
/// triangle (dashed from the latest yearly outcome it continues). Axes with sv-SE tick labels, the latest value written
/// beside its point, and a legend that tells the series apart by line style and marker as well as colour. Its text
/// alternative says the same in a Swedish sentence (<see cref="Alt"/>).
/// </summary>
public static class IndicatorChart
{
    /// <summary>How tall a chart is, legend included.</summary>
    public const double Height = 172;

    // Dark enough for 3:1 against white, as on the indicator page; each series also differs by dash and marker.
    static readonly PdfColor OutcomeColour = new(0x1F, 0x4E, 0x79);
    static readonly PdfColor TargetColour = new(0x8A, 0x5A, 0x00);
    static readonly PdfColor ForecastColour = new(0x4D, 0x4D, 0x4D);
    static readonly PdfColor Ink = PdfLayout.Ink;
    static readonly PdfColor Muted = PdfLayout.Muted;
    static readonly PdfColor Grid = new(0xDD, 0xE1, 0xE6);
    static readonly PdfColor FrameColour = new(0xC8, 0xCF, 0xD8);
    static readonly double[] TargetDash = [5, 2.5];
    static readonly double[] ForecastDash = [1.8, 1.8];

    static readonly PdfFont TitleFont = PdfLayout.Font(8, bold: true);
    static readonly PdfFont LabelFont = PdfLayout.Font(6.5);
    static readonly PdfFont ValueFont = PdfLayout.Font(6.5, bold: true);

    /// <summary>An indicator has a chart when the report holds outcomes for it.</summary>
    public static bool HasChart(ReportIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.History is { Outcomes.Count: > 0 };
    }

    public static PdfFigure Figure(ReportHeader header, ReportIndicator indicator)
    {
        var chart = Series.Of(header, indicator);
        return new PdfFigure(Alt(indicator, chart), box => Draw(box, indicator, chart));
    }

    /// <summary>What the chart draws, in chart terms: points on a year axis (a period sits at the middle of its months).</summary>
    sealed record Series(
        IReadOnlyList<(double X, decimal Value, Period Period)> Outcomes,
        IReadOnlyList<ReportTarget> Targets,
        (double X, decimal Value, string Label, bool Continues)? Forecast,
        decimal? UnshownForecast,
        string ForecastLabel,
        int FirstYear,
        int LastYear)
    {
        public static Series Of(ReportHeader header, ReportIndicator indicator)
        {
            ArgumentNullException.ThrowIfNull(header);
            ArgumentNullException.ThrowIfNull(indicator);
            var history = indicator.History ?? new ReportHistory([], []);
            var outcomes = history.Outcomes.Select(p => (Position(p.Period), p.Value, p.Period)).ToList();
            var (forecastValue, label) = header.Kind == ReportKind.Interim
                ? (indicator.Forecast?.Value, $"Prognos helår {header.Year}")
                : (indicator.InterimForecast?.Value, $"Delårsrapportens prognos {header.Year}");
            var kind = outcomes.Count > 0 ? outcomes[^1].Period.Kind : PeriodKind.Year;

            // A year-end forecast is drawn beside yearly or jan–aug outcomes; beside months it would mix a year with its months.
            var shown = forecastValue is { } f && kind is PeriodKind.Year or PeriodKind.JanuaryToAugust
                ? (Position(Period.OfYear(header.Year)), f, label, header.Kind == ReportKind.Interim && kind == PeriodKind.Year && outcomes[^1].Period.Year < header.Year)
                : ((double, decimal, string, bool)?)null;
            var years = outcomes.Select(o => o.Period.Year).Concat(history.Targets.Select(t => t.Year)).Append(header.Year).ToList();
            return new Series(outcomes, history.Targets, shown, shown is null ? forecastValue : null, label, years.Min(), years.Max());
        }

        /// <summary>All values the y axis must hold.</summary>
        public IEnumerable<decimal> Values => Outcomes.Select(o => o.Value)
            .Concat(Targets.SelectMany(t => new[] { t.Value, t.BandMin, t.BandMax }).OfType<decimal>())
            .Concat(Forecast is { } f ? [f.Value] : []);

        /// <summary>"2019–2025", "jan–aug 2021–2026", "jan 2024–aug 2026".</summary>
        public string Span
        {
            get
            {
                var (first, last) = (Outcomes[0].Period, Outcomes[^1].Period);
                return first == last ? first.SwedishName
                    : first.Kind == PeriodKind.Year && last.Kind == PeriodKind.Year ? $"{first.Year}–{last.Year}"
                    : first.Kind == PeriodKind.JanuaryToAugust && last.Kind == PeriodKind.JanuaryToAugust ? $"jan–aug {first.Year}–{last.Year}"
                    : $"{first.SwedishName}–{last.SwedishName}";
            }
        }
    }

    /// <summary>Whether <paramref name="next"/> is the period right after <paramref name="period"/> (jan–aug: the next year's).</summary>
    static bool Follows(Period period, Period next)
    {
        var step = period.Kind == PeriodKind.JanuaryToAugust ? 12 : period.Months;
        return next.Kind == period.Kind && (next.Year * 12) + next.LastMonth - ((period.Year * 12) + period.LastMonth) == step;
    }

    /// <summary>A period's place on the year axis: the middle of the months it covers (2025 → 2025,5; jan–aug 2026 → 2026,33).</summary>
    static double Position(Period period)
    {
        var firstMonth = period.LastMonth - period.Months + 1;
        return period.Year + ((firstMonth - 1 + (period.Months / 2.0)) / 12.0);
    }

    /// <summary>
    /// "Diagram: Andel … jan–aug 2021–2026, senast 84,3 % (jan–aug 2026), målvärden 88,0 % (2025), 90,0 % (2026) och
    /// 92,0 % (2027), prognos helår 2026 86,4 %."
    /// </summary>
    static string Alt(ReportIndicator indicator, Series chart)
    {
        string Value(decimal value) => SwedishFormat.WithUnit(value, indicator.Decimals, indicator.Unit);
        string TargetText(ReportTarget t) =>
            (t.IsBand ? $"{SwedishFormat.Number(t.BandMin!.Value, indicator.Decimals)}–{Value(t.BandMax!.Value)}" : Value(t.Value!.Value))
            + $" ({t.Year}{(t.IsExample ? ", exempel" : "")})";
        var latest = chart.Outcomes[^1];
        var parts = new List<string> { $"Diagram: {indicator.Name} {chart.Span}, senast {Value(latest.Value)} ({latest.Period.SwedishName})" };
        if (chart.Targets.Count > 0)
        {
            parts.Add($"{(chart.Targets.Count == 1 ? "målvärde" : "målvärden")} {SwedishFormat.List([.. chart.Targets.Select(TargetText)])}");
        }
        else
        {
            parts.Add("inget målvärde");
        }

        if ((chart.Forecast?.Value ?? chart.UnshownForecast) is { } forecast)
        {
            parts.Add($"{chart.ForecastLabel.ToLower(SwedishFormat.Culture)[..1]}{chart.ForecastLabel[1..]} {Value(forecast)}"
                + (chart.Forecast is null ? " (visas inte i diagrammet)" : ""));
        }

        return string.Join(", ", parts) + ".";
    }

    static void Draw(PdfFigureBox box, ReportIndicator indicator, Series chart)
    {
        var canvas = box.Canvas;
        const double Pad = 7;
        Frame(canvas, box);

        // The indicator's name (two lines at most) and the unit over the value axis.
        var top = box.Y + Pad;
        var titleLines = TitleFont.Wrap(indicator.Name, box.Width - (2 * Pad));
        if (titleLines.Count > 2)
        {
            titleLines = [titleLines[0], TitleFont.Fit(string.Join(' ', titleLines.Skip(1)), box.Width - (2 * Pad))];
        }

        foreach (var line in titleLines)
        {
            box.Text(line, TitleFont, box.X + Pad, top + (TitleFont.Size * 0.95), Ink);
            top += TitleFont.Size * 1.2;
        }

        if (indicator.Unit.Length > 0)
        {
            box.Text(indicator.Unit, LabelFont, box.X + Pad, top + 2 + LabelFont.Size, Muted);
        }

        top += LabelFont.Size + 8;

        // The legend at the bottom, then the year labels over it.
        var legend = Legend(chart);
        var legendRows = LayOutLegend(legend, box.Width - (2 * Pad));
        var legendTop = box.Y + box.Height - Pad - (legendRows.Count * 10) + 1;
        var plotBottom = legendTop - 16;

        var (low, high, step) = Scale([.. chart.Values]);
        var tickDecimals = DecimalsOf(step);
        var ticks = new List<decimal>();
        for (var v = low; v <= high + (step / 1000); v += step)
        {
            ticks.Add(v);
        }

        var tickTexts = ticks.Select(t => SwedishFormat.Number(t, tickDecimals)).ToList();
        var left = box.X + Pad + tickTexts.Max(LabelFont.Width) + 4;
        var right = box.X + box.Width - Pad - 2;
        var plotTop = top + 2;
        double Y(decimal value) => plotBottom - ((double)((value - low) / (high - low)) * (plotBottom - plotTop));
        double X(double year) => left + ((year - chart.FirstYear) / (chart.LastYear + 1 - chart.FirstYear) * (right - left));

        // Value axis: grid lines with their labels.
        for (var i = 0; i < ticks.Count; i++)
        {
            var y = Y(ticks[i]);
            canvas.Line(left, y, right, y, 0.4, Grid);
            box.Text(tickTexts[i], LabelFont, left - 3 - LabelFont.Width(tickTexts[i]), y + (LabelFont.Size * 0.35), Muted);
        }

        // Time axis: the years between tick marks, every year labelled while there is room, else every second.
        canvas.Line(left, plotBottom, right, plotBottom, 0.7, Muted);
        var yearWidth = (right - left) / (chart.LastYear + 1 - chart.FirstYear);
        var every = LabelFont.Width("2026") + 3 > yearWidth ? 2 : 1;
        for (var year = chart.FirstYear; year <= chart.LastYear + 1; year++)
        {
            canvas.Line(X(year), plotBottom, X(year), plotBottom + 2.5, 0.5, Muted);
            if (year <= chart.LastYear && (chart.LastYear - year) % every == 0)
            {
                var text = year.ToString(CultureInfo.InvariantCulture);
                box.Text(text, LabelFont, X(year + 0.5) - (LabelFont.Width(text) / 2), plotBottom + 3 + LabelFont.Size, Muted);
            }
        }

        // Målvärde: a step per plan year (a band: its two edges), a break where a year has none.
        foreach (var edge in new Func<ReportTarget, decimal?>[] { t => t.Value ?? t.BandMin, t => t.IsBand ? t.BandMax : null })
        {
            var line = new List<(double X, double Y)>();
            int? previousYear = null;
            foreach (var target in chart.Targets.OrderBy(t => t.Year))
            {
                if (edge(target) is not { } value)
                {
                    continue;
                }

                if (previousYear is { } p && p != target.Year - 1)
                {
                    canvas.Polyline(line, 1.4, TargetColour, TargetDash);
                    line = [];
                }

                line.Add((X(target.Year), Y(value)));
                line.Add((X(target.Year + 1), Y(value)));
                previousYear = target.Year;
            }

            canvas.Polyline(line, 1.4, TargetColour, TargetDash);
        }

        // Outcomes: a solid line with round markers (smaller for many points), broken where a period has none.
        var points = chart.Outcomes.Select(o => (X(o.X), Y(o.Value))).ToList();
        var from = 0;
        for (var i = 1; i <= points.Count; i++)
        {
            if (i == points.Count || !Follows(chart.Outcomes[i - 1].Period, chart.Outcomes[i].Period))
            {
                canvas.Polyline(points[from..i], 1.6, OutcomeColour);
                from = i;
            }
        }

        var markerSize = points.Count > 12 ? 2.6 : 3.8;
        foreach (var (x, y) in points)
        {
            canvas.Marker(PdfMarker.Circle, x, y, markerSize, OutcomeColour);
        }

        // Forecast: a hollow triangle, dashed from the latest yearly outcome it continues.
        if (chart.Forecast is { } forecast)
        {
            var at = (X: X(forecast.X), Y: Y(forecast.Value));
            if (forecast.Continues)
            {
                canvas.Polyline([points[^1], at], 1.2, ForecastColour, ForecastDash);
            }

            canvas.Marker(PdfMarker.Triangle, at.X, at.Y, 5.5, ForecastColour, filled: false);
        }

        // The latest value beside its point, on the side the line does not come from: under a rising line, over a falling one.
        var latest = chart.Outcomes[^1];
        var label = SwedishFormat.WithUnit(latest.Value, indicator.Decimals, indicator.Unit);
        var (lx, ly) = points[^1];
        var rising = points.Count > 1 && points[^2].Item2 > ly;
        var below = rising ? ly + 4 + ValueFont.Size < plotBottom - 1 : ly - 4 - ValueFont.Size < plotTop;
        var labelX = Math.Max(left + 1, Math.Min(lx + 3, right - ValueFont.Width(label)));
        box.Text(label, ValueFont, labelX, below ? ly + 3.5 + ValueFont.Size : ly - 4, OutcomeColour);

        DrawLegend(box, legendRows, box.X + Pad, legendTop);
    }

    static void Frame(PdfCanvas canvas, PdfFigureBox box) => canvas.Polyline(
        [(box.X, box.Y), (box.X + box.Width, box.Y), (box.X + box.Width, box.Y + box.Height), (box.X, box.Y + box.Height), (box.X, box.Y)],
        0.6, FrameColour);

    /// <summary>A legend entry: its text, its line (colour and dash, or none) and its marker.</summary>
    sealed record LegendEntry(string Text, PdfColor Colour, IReadOnlyList<double>? Dash, bool Line, PdfMarker? Marker, bool Filled);

    const double Sample = 20;

    static List<LegendEntry> Legend(Series chart)
    {
        var entries = new List<LegendEntry> { new("Utfall", OutcomeColour, null, true, PdfMarker.Circle, true) };
        if (chart.Targets.Count > 0)
        {
            var example = chart.Targets.Any(t => t.IsExample) ? " (exempel)" : "";
            entries.Add(new($"{(chart.Targets.Any(t => t.IsBand) ? "Målintervall" : "Målvärde")}{example}", TargetColour, TargetDash, true, null, true));
        }
        else
        {
            entries.Add(new("Inget målvärde", Muted, null, false, null, true));
        }

        if (chart.Forecast is { } forecast)
        {
            entries.Add(new(forecast.Label, ForecastColour, ForecastDash, forecast.Continues, PdfMarker.Triangle, false));
        }

        return entries;
    }

    static double EntryWidth(LegendEntry entry) => Sample + 4 + LabelFont.Width(entry.Text) + 10;

    static List<List<LegendEntry>> LayOutLegend(List<LegendEntry> entries, double width)
    {
        var rows = new List<List<LegendEntry>> { new() };
        var used = 0.0;
        foreach (var entry in entries)
        {
            if (used + EntryWidth(entry) > width && rows[^1].Count > 0)
            {
                rows.Add([]);
                used = 0;
            }

            rows[^1].Add(entry);
            used += EntryWidth(entry);
        }

        return rows;
    }

    static void DrawLegend(PdfFigureBox box, List<List<LegendEntry>> rows, double left, double top)
    {
        var y = top;
        foreach (var row in rows)
        {
            var x = left;
            foreach (var entry in row)
            {
                var middle = y + 3.5;
                if (entry.Line)
                {
                    box.Canvas.Polyline([(x, middle), (x + Sample, middle)], entry.Dash is null ? 1.6 : 1.4, entry.Colour, entry.Dash);
                }

                if (entry.Marker is { } marker)
                {
                    box.Canvas.Marker(marker, x + (Sample / 2), middle, marker == PdfMarker.Triangle ? 5.5 : 3.8, entry.Colour, entry.Filled);
                }

                box.Text(entry.Text, LabelFont, x + Sample + 4, middle + (LabelFont.Size * 0.35), Ink);
                x += EntryWidth(entry);
            }

            y += 10;
        }
    }

    /// <summary>A value axis from a round number below the values to one above, in 3–6 steps of 1, 2, 2,5 or 5 × 10ⁿ.</summary>
    static (decimal Low, decimal High, decimal Step) Scale(IReadOnlyList<decimal> values)
    {
        var min = values.Min();
        var max = values.Max();
        if (min == max)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1m;
            (min, max) = (min - pad, max + pad);
        }

        var raw = (double)(max - min) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var nice = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw);
        var step = (decimal)nice;
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        if (low == min && low != 0)
        {
            low -= step;
        }

        if (high == max)
        {
            high += step;
        }

        return (low, high, step);
    }

    /// <summary>The decimals a step needs to be written exactly: 2,5 → 1; 20 → 0.</summary>
    static int DecimalsOf(decimal step)
    {
        var text = step.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').Split('.')[1].Length : 0;
    }
}
