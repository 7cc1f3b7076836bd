using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Indicators.Core.Attainment;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Core.Plans;
using Indicators.Data.Indicators;
using Indicators.Web.IndicatorPages;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Indicators.Web.Tests.Indicators;

/// <summary>
/// Plotly draws a subset of HTML found in any text (bold, links, …): names typed by analysts, or arriving from a source,
/// reach every chart as plain text, with &lt; &gt; &amp; escaped so Plotly shows them as they are.
/// </summary>
public class ChartTextTests
{
    const string Bold = "<b>Fet</b>";
    const string Link = """<a href="https://evil.example">Länk</a>""";
    const string Unit = "<i>%</i>";

    static IndicatorPageData Data()
    {
        var indicator = new IndicatorDetails(
            1, "N1", "Indikator <b>fet</b>", null, Unit, 1, Direction.HigherIsBetter, "year", true, null, null,
            2, "Nämnd", Tolerance.Absolute(5), 0.5m, Aggregation.Rate, true);
        var plan = new IndicatorPlan(7, "Plan", 2025, 2027, "Fastställd plan", true, [new TargetValue(2025, null, 80, null, null, true, null)]);
        static IndicatorObservation Observed(string period, Gender gender, decimal value) => new(
            Period.Parse(period), gender, value, ObservationStatus.Ok, 1, 3, null, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), true);
        var observations = new[]
        {
            Observed("2023", Gender.T, 60m), Observed("2024", Gender.T, 70m), Observed("2023", Gender.K, 61m), Observed("2024", Gender.K, 71m),
            Observed("2023", Gender.M, 59m), Observed("2024", Gender.M, 69m),
        };
        var peers = new PeerObservation[]
        {
            new("0000", "Riket", "Riket", true, 75m, ObservationStatus.Ok),
            new("0020", "Region " + Bold, Bold, false, 80m, ObservationStatus.Ok),
            new("0022", "Region " + Link, Link, false, 70m, ObservationStatus.Ok),
            new("0024", "Region A & B", "A & B", false, 90m, ObservationStatus.Ok),
        };
        return new IndicatorPageData(indicator, plan, "0022", "Region " + Link, observations, [], Period.OfYear(2024), peers, []);
    }

    static readonly JsonSerializerOptions Json = new()
    {
        // As the text reaches the browser: '<' unescaped, so a tag in the data would show.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Everything a chart is drawn from, as JSON.</summary>
    static string Serialised(IEnumerable<ITrace> traces, Plotly.Blazor.Layout layout) =>
        string.Join("\n", traces.Select(t => JsonSerializer.Serialize<object>(t, Json)).Append(JsonSerializer.Serialize(layout, Json)));

    [Fact]
    public void Region_names_and_units_with_markup_reach_the_comparison_chart_escaped()
    {
        var model = PeerChartModel.Build(Data());

        var bar = Assert.IsType<Bar>(model.Traces[0]);
        Assert.Equal(["A &amp; B", "&lt;b&gt;Fet&lt;/b&gt;", "▶ &lt;a href=\"https://evil.example\"&gt;Länk&lt;/a&gt;"], bar.X.Cast<string>());
        Assert.Equal("&lt;b&gt;Fet&lt;/b&gt;: 80,0\u00A0&lt;i&gt;%&lt;/i&gt;, plats 2 av 3", bar.HoverTextArray[1]);
        Assert.Equal("&lt;i&gt;%&lt;/i&gt;", model.Layout.YAxis[0].Title.Text);
        var json = Serialised(model.Traces, model.Layout);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);

        // The table beside the chart is HTML that Blazor escapes itself: its names stay as they are.
        Assert.Equal(["A & B", Bold, Link], model.Bars.Select(b => b.Name));
    }

    [Fact]
    public void A_unit_with_markup_reaches_the_outcome_chart_escaped()
    {
        var model = OutcomeChartModel.Build(Data());

        Assert.Equal("&lt;i&gt;%&lt;/i&gt;", model.Layout.YAxis[0].Title.Text);
        var women = Assert.Single(model.Traces.OfType<Scatter>(), t => t.Name == "Kvinnor");
        Assert.Equal("Kvinnor 2024: 71,0\u00A0&lt;i&gt;%&lt;/i&gt;", women.HoverTextArray[1]);
        var json = Serialised(model.Traces, model.Layout);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        // The summary is the chart's aria-label, which Blazor escapes: it keeps the plain text.
        Assert.Contains("Linjediagram över Indikator <b>fet</b>", model.Summary, StringComparison.Ordinal);
    }
}
