using System.Text.RegularExpressions;
using Indicators.Core.Editing;
using Indicators.Core.Formatting;

namespace Indicators.Core.Plans;

/// <summary>
/// An indicator's own properties as an analyst enters them (DESIGN.md: unit, decimals, direction, frequency, gender split,
/// tolerance, owner, primary and comparison areas). The goals it follows up belong to a plan version and are linked apart.
/// <see cref="Direction"/> and <see cref="Frequency"/> may be missing in a draft; validation says so.
/// </summary>
public sealed partial record IndicatorDraft(
    string Code,
    string Name,
    string? Description,
    string Unit,
    int Decimals,
    Direction? Direction,
    string? Frequency,
    string Aggregation,
    bool GenderSplit,
    decimal? Tolerance,
    string? ToleranceKind,
    decimal TrendMinDifference,
    string? SourceDescription,
    string? KpiId,
    string? OwnerCommitteeCode,
    string PrimaryAreaId,
    IReadOnlyList<string> ComparisonAreaIds,
    string? CountedNoun = null)
{
    public static readonly IReadOnlyList<string> Frequencies = ["year", "tertial", "quarter", "month"];
    public static readonly IReadOnlyList<string> Aggregations = ["rate", "sum"];
    public static readonly IReadOnlyList<string> ToleranceKinds = ["absolute", "relative"];

    public static string FrequencyName(string frequency) => frequency switch
    {
        "year" => "År",
        "tertial" => "Tertial",
        "quarter" => "Kvartal",
        "month" => "Månad",
        _ => frequency,
    };

    public IReadOnlyList<FieldError> Validate()
    {
        var v = new Validation()
            // 40, not 20: codes name indicators in files and imports, and the demo plan's longest is 28 (LISTADE_PER_ALLMANSPECIALIST).
            .RequireText(nameof(Code), Code, "indikatorns kod", 40)
            .RequireText(nameof(Name), Name, "indikatorns namn", 300)
            .LimitText(nameof(Description), Description, "beskrivningen", 4000)
            .RequireText(nameof(Unit), Unit, "enheten (t.ex. %, antal, kr/inv, mnkr, dagar)", 30)
            .LimitText(nameof(SourceDescription), SourceDescription, "källbeskrivningen", 1000)
            .LimitText(nameof(CountedNoun), CountedNoun, "den räknade enheten", 40);
        if (Decimals is < 0 or > 6)
        {
            v.Add(nameof(Decimals), $"Antal decimaler måste vara mellan 0 och 6 (nu {Decimals}).");
        }

        if (Direction is null)
        {
            v.Add(nameof(Direction), "Välj riktning: högre är bättre, lägre är bättre eller inom intervall.");
        }

        if (Frequency is null || !Frequencies.Contains(Frequency))
        {
            v.Add(nameof(Frequency), "Välj hur ofta utfallen kommer: år, tertial, kvartal eller månad.");
        }

        if (!Aggregations.Contains(Aggregation))
        {
            v.Add(nameof(Aggregation), "Välj om delårsutfall jämförs som de är (andel, kvot) eller räknas upp (summa).");
        }

        if (Tolerance is < 0)
        {
            v.Add(nameof(Tolerance), "Toleransen kan inte vara negativ.");
        }
        else if (Tolerance is not null && (ToleranceKind is null || !ToleranceKinds.Contains(ToleranceKind)))
        {
            v.Add(nameof(ToleranceKind), "Ange om toleransen är absolut (i indikatorns enhet) eller relativ (andel av målvärdet).");
        }
        else if (Tolerance is null && ToleranceKind is not null)
        {
            v.Add(nameof(Tolerance), "Ange toleransens storlek, eller ta bort toleransens typ.");
        }

        // What a count counts is shown instead of "antal"; for any other unit it would never show, so it is refused.
        if (!string.IsNullOrWhiteSpace(CountedNoun) && !string.Equals(Unit?.Trim(), SwedishFormat.CountUnit, StringComparison.OrdinalIgnoreCase))
        {
            v.Add(nameof(CountedNoun), $"Räknad enhet används bara när enheten är {SwedishFormat.CountUnit} (nu '{Unit?.Trim()}'): ta bort den eller ändra enheten.");
        }

        if (TrendMinDifference < 0)
        {
            v.Add(nameof(TrendMinDifference), "Minsta skillnad för en trendpil kan inte vara negativ.");
        }

        if (KpiId is { Length: > 0 } kpi && !KoladaKpiId().IsMatch(kpi.Trim()))
        {
            v.Add(nameof(KpiId), $"'{kpi.Trim()}' ser inte ut som ett Kolada-id (en bokstav och fem siffror, t.ex. N79173).");
        }

        if (string.IsNullOrWhiteSpace(PrimaryAreaId))
        {
            v.Add(nameof(PrimaryAreaId), "Välj vilket område (vilken region) indikatorn följer upp.");
        }
        else if (ComparisonAreaIds.Contains(PrimaryAreaId, StringComparer.Ordinal))
        {
            v.Add(nameof(ComparisonAreaIds), "Det egna området behöver inte väljas som jämförelse; det visas alltid.");
        }

        return v.Errors;
    }

    [GeneratedRegex("^[A-Z][0-9]{5}$")]
    private static partial Regex KoladaKpiId();
}
