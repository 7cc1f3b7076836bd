using Indicators.Core.Formatting;

namespace Indicators.Core.ActionPlans;

/// <summary>
/// An action plan's amounts as the page, the report and the exports write them: Swedish digits with a space between
/// thousands, at most two decimals, and a real minus sign (−570, as sv-SE writes it), and the deviation with a word and a
/// symbol, so that it reads without colour.
/// </summary>
public static class ActionPlanText
{
    public static string Amount(decimal value) => value.ToString("#,##0.##", SwedishFormat.Culture).Replace('-', '−');

    /// <summary>An amount or a dash for none.</summary>
    public static string Amount(decimal? value) => value is { } v ? Amount(v) : "–";

    /// <summary>
    /// The deviation (planned − required) with its meaning: "▲ 15 mer än kravet", "▼ −15 mindre än kravet", "= 0 som kravet",
    /// or "–" when there is no requirement to compare with.
    /// </summary>
    public static string Deviation(decimal? deviation) => deviation switch
    {
        null => "–",
        > 0 => $"▲ {Amount(deviation.Value)} mer än kravet",
        < 0 => $"▼ {Amount(deviation.Value)} mindre än kravet",
        _ => $"= {Amount(0m)} som kravet",
    };
}
