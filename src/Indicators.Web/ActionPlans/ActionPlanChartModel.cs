using Indicators.Core.ActionPlans;
using Indicators.Core.Formatting;
using Indicators.Web.IndicatorPages;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using BarLib = Plotly.Blazor.Traces.BarLib;
using PlotlyLayout = Plotly.Blazor.Layout;
using ScatterLib = Plotly.Blazor.Traces.ScatterLib;

namespace Indicators.Web.ActionPlans;

/// <summary>
/// The action plan's chart: per year the åtgärder's planned effect (SUMMA) beside the required effect (Uppdrag) as bars,
/// and the deficit's path to balance (Utgångspunkt/resultat, then the result after the last year) as a line. The two bar
/// series differ by pattern as well as colour; <see cref="Summary"/> says it all in words for the chart's text alternative.
/// </summary>
public sealed record ActionPlanChartModel(IList<ITrace> Traces, PlotlyLayout Layout, string Summary, bool IsEmpty)
{
    public static ActionPlanChartModel Build(ActionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // The bars are the åtgärder table's years: a year before the åtgärder (seed 003's 2024, whose 30 was the earlier
        // programme's effect) is on the line only. Until an åtgärd plans something, the years with a requirement.
        var years = plan.MeasureYears.Count > 0
            ? plan.MeasureYears.ToList()
            : plan.Years.Where(y => y.RequiredEffect is not null).Select(y => y.Year).Order().ToList();
        var path = ActionPlanSums.PathToBalance(plan);
        if (years.Count == 0 && path.Count == 0)
        {
            return new ActionPlanChartModel([], new PlotlyLayout(), "Åtgärdsplanen har inga belopp att visa ännu.", true);
        }

        var labels = years.Select(y => (object)SwedishFormat.Year(y)).ToList();
        var planned = years.Select(y => ActionPlanSums.Planned(plan, y)).ToList();
        var required = years.Select(y => ActionPlanSums.Required(plan, y)).ToList();
        string Amount(decimal v) => $"{ActionPlanText.Amount(v)} {plan.Unit}";
        var traces = new List<ITrace>
        {
            new Bar
            {
                Name = "Planerade åtgärder (SUMMA)",
                X = labels,
                Y = [.. planned.Select(v => (object)v)],
                Marker = new BarLib.Marker { Color = "#1f4e79" },
                HoverTextArray = [.. years.Select((y, i) => $"{y}: planerat {Amount(planned[i])}")],
                HoverInfo = BarLib.HoverInfoFlag.Text,
            },
            new Bar
            {
                Name = "Krav (Uppdrag)",
                X = labels,
                Y = [.. required.Select(v => (object?)v)!],
                Marker = new BarLib.Marker
                {
                    Color = "#ffffff",
                    Line = new BarLib.MarkerLib.Line { Color = "#a4262c", Width = 2 },
                    Pattern = new BarLib.MarkerLib.Pattern { Shape = BarLib.MarkerLib.PatternLib.ShapeEnum.Slash, FgColor = "#a4262c" },
                },
                HoverTextArray = [.. years.Select((y, i) => required[i] is { } r ? $"{y}: krav {Amount(r)}" : $"{y}: inget krav")],
                HoverInfo = BarLib.HoverInfoFlag.Text,
            },
        };
        if (path.Count > 0)
        {
            traces.Add(new Scatter
            {
                Name = "Resultat, väg mot balans",
                Mode = ScatterLib.ModeFlag.Lines | ScatterLib.ModeFlag.Markers,
                X = [.. path.Select(p => (object)p.Label)],
                Y = [.. path.Select(p => (object)p.Result)],
                Line = new ScatterLib.Line { Color = "#1a1a1a", Dash = "dash", Width = 2 },
                Marker = new ScatterLib.Marker { Symbol = ScatterLib.MarkerLib.SymbolEnum.Diamond, Size = 9, Color = "#1a1a1a" },
                HoverTextArray = [.. path.Select(p => $"{p.Label}: resultat {Amount(p.Result)}")],
                HoverInfo = ScatterLib.HoverInfoFlag.Text,
            });
        }

        var layout = ChartLayout.Create(400, new Plotly.Blazor.LayoutLib.Margin { L = 60, R = 20, T = 40, B = 60 });
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Group;
        layout.Legend =
        [
            new Plotly.Blazor.LayoutLib.Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.15m },
        ];
        layout.XAxis = [new Plotly.Blazor.LayoutLib.XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category }];
        layout.YAxis =
        [
            new Plotly.Blazor.LayoutLib.YAxis
            {
                Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = plan.Unit }, GridColor = "#dddddd", ZeroLineColor = "#1a1a1a",
            },
        ];

        var perYear = years.Select((y, i) => $"{y}: planerat {Amount(planned[i])}"
            + (required[i] is { } r ? $", krav {Amount(r)}, {ActionPlanText.Deviation(planned[i] - r)}" : ", inget krav"));
        var summary = $"Diagram: {plan.Name}. Staplar per år för planerade åtgärder och kravet. "
            + string.Join("; ", perYear) + ". "
            + (path.Count > 0 ? "Linjen visar resultatets väg mot balans: " + string.Join(", ", path.Select(p => $"{p.Label} {Amount(p.Result)}")) + ". " : "")
            + "Samma värden finns i tabellerna.";
        ChartText.EscapeAll(traces, layout);
        return new ActionPlanChartModel(traces, layout, summary, false);
    }
}
