using System.Globalization;
using Indicators.Core.Attainment;
using Indicators.Core.Observations;
using Indicators.Data.Indicators;
using Plotly.Blazor;
using PlotlyLayout = Plotly.Blazor.Layout;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using LayoutAxis = Plotly.Blazor.LayoutLib;

namespace Indicators.Web.IndicatorPages;

/// <summary>
/// The line chart of an indicator: outcomes per period for the plan's area (T, and K and M when split), the målvärde per
/// year as a step across the plan period, and the forecast to the plan's end as a dashed line. Plain data, so it is tested
/// without a browser.
/// </summary>
public sealed record OutcomeChartModel(IList<ITrace> Traces, PlotlyLayout Layout, string Summary, bool IsEmpty)
{
    // Dark enough for 3:1 against white; each series also differs by dash and marker shape (never colour alone).
    public const string TotalColour = "#1f4e79";
    public const string WomenColour = "#a4262c";
    public const string MenColour = "#2e6b30";
    public const string TargetColour = "#8a5a00";
    public const string ForecastColour = "#555555";

    public static OutcomeChartModel Build(IndicatorPageData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var indicator = data.Indicator;
        var traces = new List<ITrace>();
        var genders = indicator.GenderSplit ? new[] { Gender.T, Gender.K, Gender.M } : [Gender.T];
        foreach (var gender in genders)
        {
            var outcomes = data.Outcomes(gender).Where(o => o.UsableValue is not null).ToList();
            if (outcomes.Count == 0)
            {
                continue;
            }

            var (colour, dash, symbol) = gender switch
            {
                Gender.K => (WomenColour, "dot", Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Diamond),
                Gender.M => (MenColour, "dash", Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Square),
                _ => (TotalColour, "solid", Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Circle),
            };
            var name = indicator.GenderSplit ? gender.SwedishName() : "Utfall";
            traces.Add(new Scatter
            {
                Name = name,
                Mode = ModeFlag.Lines | ModeFlag.Markers,
                X = [.. outcomes.Select(o => (object)OutcomeSeries.Position(o.Period))],
                Y = [.. outcomes.Select(o => (object)o.UsableValue!.Value)],
                Line = new Line { Color = colour, Dash = dash, Width = gender == Gender.T ? 3 : 2 },
                Marker = new Marker { Color = colour, Symbol = symbol, Size = 7 },
                HoverTextArray = [.. outcomes.Select(o => $"{name} {o.Period.SwedishName}: {OutcomeSeries.Format(indicator, o.UsableValue!.Value)}")],
                HoverInfo = HoverInfoFlag.Text,
            });
        }

        if (traces.Count == 0)
        {
            return new OutcomeChartModel(traces, new PlotlyLayout(), $"Inga utfall finns för {indicator.Name}.", true);
        }

        var targetSummary = "";
        if (data.Plan is { } plan)
        {
            var years = plan.Years.Where(y => plan.TargetFor(y)?.Value is not null).ToList();
            if (years.Count > 0)
            {
                // A step per plan year: the level holds from the year's start to its end ("hv": horizontal, then vertical).
                var x = years.Select(y => (object)(double)y).Append((double)(years[^1] + 1)).ToList();
                var y = years.Select(y => (object)plan.TargetFor(y)!.Value!.Value).Append(plan.TargetFor(years[^1])!.Value!.Value).ToList();
                traces.Add(new Scatter
                {
                    Name = "Målvärde",
                    Mode = ModeFlag.Lines,
                    X = x,
                    Y = y,
                    Line = new Line { Color = TargetColour, Shape = Plotly.Blazor.Traces.ScatterLib.LineLib.ShapeEnum.Hv, Width = 3, Dash = "longdash" },
                    HoverTextArray = [.. years.Select(yr => $"Målvärde {yr}: {OutcomeSeries.Format(indicator, plan.TargetFor(yr)!.Value!.Value)}")
                        .Append($"Målvärde {years[^1]}: {OutcomeSeries.Format(indicator, plan.TargetFor(years[^1])!.Value!.Value)}")],
                    HoverInfo = HoverInfoFlag.Text,
                });
                targetSummary = " Målvärden: " + string.Join(", ", years.Select(yr => $"{OutcomeSeries.Format(indicator, plan.TargetFor(yr)!.Value!.Value)} år {yr}")) + ".";
            }
        }

        var forecastSummary = "";
        var total = data.Outcomes(Gender.T).Where(o => o.UsableValue is not null).ToList();
        if (data.Plan is { } p && OutcomeSeries.PlanEnd(data) is { Value: { } forecast } && total.Count > 0 && total[^1].Period.Year < p.EndYear)
        {
            var last = total[^1];
            traces.Add(new Scatter
            {
                Name = $"Prognos {p.EndYear}",
                Mode = ModeFlag.Lines | ModeFlag.Markers,
                X = [OutcomeSeries.Position(last.Period), p.EndYear + 0.5],
                Y = [last.UsableValue!.Value, forecast],
                Line = new Line { Color = ForecastColour, Dash = "dash", Width = 2 },
                Marker = new Marker { Color = ForecastColour, Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.TriangleUp, Size = 9 },
                HoverTextArray = [$"Senaste utfall {last.Period.SwedishName}: {OutcomeSeries.Format(indicator, last.UsableValue!.Value)}",
                    $"Prognos {p.EndYear}: {OutcomeSeries.Format(indicator, forecast)}"],
                HoverInfo = HoverInfoFlag.Text,
            });
            forecastSummary = $" Prognos för {p.EndYear}: {OutcomeSeries.Format(indicator, forecast)}.";
        }

        var firstYear = total.Count > 0 ? total[0].Period.Year : data.Observations.Min(o => o.Period.Year);
        var lastYear = Math.Max(data.Plan?.EndYear ?? 0, data.Observations.Max(o => o.Period.Year));
        var tickYears = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToList();
        var layout = ChartLayout.Create(420, new LayoutAxis.Margin { L = 60, R = 20, T = 20, B = 40 });
        layout.ShowLegend = true;
        layout.Legend = [new LayoutAxis.Legend { Orientation = LayoutAxis.LegendLib.OrientationEnum.H, Y = -0.12m }];
        layout.XAxis = [new LayoutAxis.XAxis
        {
            Type = LayoutAxis.XAxisLib.TypeEnum.Linear,
            TickMode = LayoutAxis.XAxisLib.TickModeEnum.Array,
            TickVals = [.. tickYears.Select(y => (object)(y + 0.5))],
            TickText = [.. tickYears.Select(y => (object)y.ToString(CultureInfo.InvariantCulture))],
            Range = [firstYear - 0.1, lastYear + 1.1],
            ShowGrid = false,
        }];
        layout.YAxis = [new LayoutAxis.YAxis
        {
            Title = new LayoutAxis.YAxisLib.Title { Text = indicator.ShownUnit },
            GridColor = "#dddddd",
            ZeroLine = false,
        }];

        var latest = total.Count > 0 ? total[^1] : null;
        var summary = $"Linjediagram över {indicator.Name} för {data.AreaName}"
            + (total.Count > 0
                ? $", {total[0].Period.SwedishName}–{latest!.Period.SwedishName}. "
                    + $"Senaste utfall {OutcomeSeries.Format(indicator, latest.UsableValue!.Value)} ({latest.Period.SwedishName})."
                : ".")
            + targetSummary + forecastSummary
            + (indicator.GenderSplit ? " Kvinnor och män visas som egna linjer." : "")
            + " Samma värden finns i tabellen nedan.";
        ChartText.EscapeAll(traces, layout);
        return new OutcomeChartModel(traces, layout, summary, false);
    }
}
