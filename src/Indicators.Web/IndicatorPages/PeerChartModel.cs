using Indicators.Core.Attainment;
using Indicators.Core.Plans;
using Indicators.Data.Indicators;
using Plotly.Blazor;
using PlotlyLayout = Plotly.Blazor.Layout;
using Plotly.Blazor.Traces;
using BarLib = Plotly.Blazor.Traces.BarLib;
using ScatterLib = Plotly.Blazor.Traces.ScatterLib;

namespace Indicators.Web.IndicatorPages;

/// <summary>One bar of the comparison: a region's value, its rank, and whether it is the plan's own area.</summary>
public sealed record PeerBar(string AreaId, string Name, decimal Value, int? Rank, bool IsOurs);

/// <summary>
/// The bar chart comparing the regions in the comparison period, best first in the indicator's direction, the plan's area
/// marked by colour, a hatch pattern and its label, and riket as a horizontal line. Plain data, tested without a browser.
/// </summary>
public sealed record PeerChartModel(
    IList<ITrace> Traces, PlotlyLayout Layout, IReadOnlyList<PeerBar> Bars, decimal? National, PeerPosition? Ours, string Summary, bool IsEmpty)
{
    public const string OurColour = "#1f4e79";
    public const string PeerColour = "#9db4cc";
    public const string NationalColour = "#a4262c";

    /// <summary>The label of the plan's own bar: its name and a marker, so it is found without seeing colour.</summary>
    public static string OurLabel(string name) => $"▶ {name}";

    public static PeerChartModel Build(IndicatorPageData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var indicator = data.Indicator;
        var regions = data.Peers.Where(p => !p.IsCountry && p.UsableValue is not null).ToList();
        if (regions.Count < 2 || data.PeerPeriod is not { } period)
        {
            return new PeerChartModel([], new PlotlyLayout(), [], null, null,
                $"Det finns inga värden för andra regioner att jämföra {indicator.Name} med.", true);
        }

        var national = data.Peers.FirstOrDefault(p => p.IsCountry)?.UsableValue;
        var band = indicator.Direction == Direction.WithinBand && data.Plan?.TargetFor(period.Year) is { BandMin: { } min, BandMax: { } max }
            ? Target.Band(min, max) : (Target?)null;
        if (indicator.Direction == Direction.WithinBand && band is null)
        {
            // A band indicator is ranked by distance to its band; without the band there is no order to give.
            band = Target.Band(regions.Min(r => r.UsableValue!.Value), regions.Max(r => r.UsableValue!.Value));
        }

        var positions = PeerRule.Rank(indicator.Rule, regions.Select(r => new PeerValue(r.Name, r.UsableValue)), national, band);
        var bars = regions.Zip(positions, (region, position) => new PeerBar(region.AreaId, region.ShortName, region.UsableValue!.Value, position.Rank,
                region.AreaId == data.AreaId))
            .OrderBy(b => b.Rank).ThenBy(b => b.Name, StringComparer.Create(Core.Formatting.SwedishFormat.Culture, false))
            .ToList();
        var ours = regions.Select((r, i) => (r, i)).Where(x => x.r.AreaId == data.AreaId).Select(x => positions[x.i]).FirstOrDefault();

        var labels = bars.Select(b => (object)(b.IsOurs ? OurLabel(b.Name) : b.Name)).ToList();
        var traces = new List<ITrace>
        {
            new Bar
            {
                Name = period.SwedishName,
                X = labels,
                Y = [.. bars.Select(b => (object)b.Value)],
                Marker = new BarLib.Marker
                {
                    ColorArray = [.. bars.Select(b => (object)(b.IsOurs ? OurColour : PeerColour))],
                    Line = new BarLib.MarkerLib.Line { Color = "#1a1a1a", WidthArray = [.. bars.Select(b => (decimal?)(b.IsOurs ? 2m : 0.5m))] },
                    Pattern = new BarLib.MarkerLib.Pattern
                    {
                        ShapeArray = [.. bars.Select(b => b.IsOurs ? BarLib.MarkerLib.PatternLib.ShapeEnum.Slash : BarLib.MarkerLib.PatternLib.ShapeEnum.Empty)],
                        FgColor = "#ffffff",
                    },
                },
                TextArray = [.. bars.Select(b => OutcomeSeries.Format(indicator, b.Value))],
                TextPosition = BarLib.TextPositionEnum.Outside,
                HoverTextArray = [.. bars.Select(b => $"{b.Name}: {OutcomeSeries.Format(indicator, b.Value)}, plats {b.Rank} av {bars.Count}")],
                HoverInfo = BarLib.HoverInfoFlag.Text,
                ShowLegend = false,
            },
        };
        if (national is { } riket)
        {
            traces.Add(new Scatter
            {
                Name = $"Riket {OutcomeSeries.Format(indicator, riket)}",
                Mode = ScatterLib.ModeFlag.Lines,
                X = labels,
                Y = [.. labels.Select(_ => (object)riket)],
                Line = new ScatterLib.Line { Color = NationalColour, Dash = "dash", Width = 2 },
                HoverTextArray = [.. labels.Select(_ => $"Riket: {OutcomeSeries.Format(indicator, riket)}")],
                HoverInfo = ScatterLib.HoverInfoFlag.Text,
                ShowLegend = true,
            });
        }

        var layout = ChartLayout.Create(440, new Plotly.Blazor.LayoutLib.Margin { L = 60, R = 20, T = 40, B = 130 });
        layout.ShowLegend = national is not null;
        layout.Legend =
        [
            new Plotly.Blazor.LayoutLib.Legend
            {
                X = 1m, XAnchor = Plotly.Blazor.LayoutLib.LegendLib.XAnchorEnum.Right, Y = 1.12m,
                Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
            },
        ];
        layout.XAxis = [new Plotly.Blazor.LayoutLib.XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category, TickAngle = -45 }];
        layout.YAxis = [new Plotly.Blazor.LayoutLib.YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = indicator.ShownUnit }, GridColor = "#dddddd" }];

        var summary = $"Stapeldiagram: {indicator.Name}, {period.SwedishName}, för {bars.Count} regioner, bäst först. "
            + (ours is not null ? ours.Explanation + " " : $"{data.AreaName} saknar värde för perioden. ")
            + (national is { } n ? $"Riket: {OutcomeSeries.Format(indicator, n)}." : "Värde för riket saknas.")
            + " Samma värden finns i tabellen nedan.";
        ChartText.EscapeAll(traces, layout);
        return new PeerChartModel(traces, layout, bars, national, ours, summary, false);
    }
}
