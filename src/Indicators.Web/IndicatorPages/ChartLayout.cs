using Plotly.Blazor.LayoutLib;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace Indicators.Web.IndicatorPages;

/// <summary>What every chart on the indicator page shares: Swedish number separators, the page's font and hover.</summary>
public static class ChartLayout
{
    /// <summary>A layout of the given height and margins, with ", " as decimal and thousands separators (1 234,5).</summary>
    public static PlotlyLayout Create(int height, Margin margin) => new()
    {
        Separators = ", ",
        AutoSize = true,
        Height = height,
        Font = new Font { Family = "system-ui, sans-serif", Size = 14, Color = "#1a1a1a" },
        Margin = margin,
        HoverMode = HoverModeEnum.Closest,
    };
}
