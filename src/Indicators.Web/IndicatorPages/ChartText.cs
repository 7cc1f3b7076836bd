using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Plotly.Blazor;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace Indicators.Web.IndicatorPages;

/// <summary>
/// The one place where a chart's texts are made safe. Plotly draws a subset of HTML found in any text — <c>&lt;b&gt;</c>
/// bold, <c>&lt;a href&gt;</c> a working link — in trace names, hover texts, bar texts, category and tick labels, axis
/// titles and annotations. Our texts are plain (area and indicator names, units, typed by analysts or delivered by a
/// source), so every string in a finished chart is escaped here, and Plotly shows it exactly as written (it turns
/// &amp;lt; &amp;gt; &amp;amp; back into the characters). Walking the whole chart, rather than escaping at each place a
/// text is built, means a text added to a chart later is escaped too.
/// </summary>
public static class ChartText
{
    /// <summary>"&lt;b&gt;A &amp; B" as Plotly must receive it to show it literally: "&amp;lt;b&amp;gt;A &amp;amp; B".</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny("&<>") < 0
            ? text
            : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>Escapes, in place, every text of the traces and the layout, each exactly once (lists may be shared by traces).</summary>
    public static void EscapeAll(IEnumerable<ITrace> traces, PlotlyLayout layout)
    {
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(layout);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var trace in traces)
        {
            Walk(trace, seen);
        }

        Walk(layout, seen);
    }

    static void Walk(object node, HashSet<object> seen)
    {
        if (!seen.Add(node))
        {
            return;
        }

        if (node is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                switch (list[i])
                {
                    case string text:
                        list[i] = Escape(text);
                        break;
                    case { } item when IsChartPart(item):
                        Walk(item, seen);
                        break;
                }
            }

            return;
        }

        foreach (var property in PropertiesOf(node.GetType()))
        {
            switch (property.GetValue(node))
            {
                case string text when property.CanWrite:
                    property.SetValue(node, Escape(text));
                    break;
                case { } value when value is IList || IsChartPart(value):
                    Walk(value, seen);
                    break;
            }
        }
    }

    /// <summary>Plotly.Blazor's own objects (traces, layout, axes, titles, markers, …).</summary>
    static bool IsChartPart(object value) =>
        value.GetType() is { IsClass: true, Namespace: { } space } && space.StartsWith("Plotly.Blazor", StringComparison.Ordinal);

    static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    static PropertyInfo[] PropertiesOf(Type type) => Properties.GetOrAdd(type, t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)]);
}
