using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Indicators.Core.Editing;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Sources.Kolada;

/// <summary>
/// A Kolada source's settings: <c>{"kpis": ["N79173"], "areas": ["0022", "0000"], "fromYear": 2019}</c>. Without
/// <c>kpis</c> the KPI ids of the source's indicators are used; without <c>areas</c> all regions and riket; years run from
/// <c>fromYear</c> (default: <see cref="DefaultFromYear"/>) to this year. The one place of their rules: how a run reads them
/// (<see cref="TryRead"/>), what may be saved (<see cref="Check"/>, for the source form, plan import and the command
/// line alike) and how the form's choices become settings (<see cref="FromChoices"/>).
/// </summary>
public sealed record KoladaSettings(IReadOnlyList<string>? Kpis, IReadOnlyList<string>? Areas, int? FromYear)
{
    /// <summary>The source form's fields the rules' errors land under.</summary>
    public const string KpisField = "KoladaKpis", AreasField = "KoladaAreas", FromYearField = "KoladaFromYear";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static readonly JsonSerializerOptions WriteJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static KoladaSettings Parse(string json, string sourceName) => TryRead(json, out var settings, out var problem)
        ? settings
        : throw new SourceReadException($"Källan '{sourceName}' har ogiltiga Kolada-inställningar. {problem}");

    /// <summary>The settings, or in Swedish which setting is wrong and where.</summary>
    public static bool TryRead(string json, [NotNullWhen(true)] out KoladaSettings? settings, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            settings = JsonSerializer.Deserialize<KoladaSettings>(json, Json) ?? new KoladaSettings(null, null, null);
            problem = SettingsJson.EmptyEntry("kpis", settings.Kpis) ?? SettingsJson.EmptyEntry("areas", settings.Areas);
            settings = problem is null ? settings : null;
            return problem is null;
        }
        catch (JsonException e)
        {
            (settings, problem) = (null, SettingsJson.ShapeError(e));
            return false;
        }
    }

    /// <summary>Why settings of this JSON may not be saved (a run could not read them, or the form's rules refuse them), or null.</summary>
    public static string? Check(string json) => !TryRead(json, out var settings, out var problem)
        ? $"Ogiltiga Kolada-inställningar. {problem}"
        : SourceSettingsRules.Message(settings.Rules());

    /// <summary>The rules beyond what a run can read: a first year a person means.</summary>
    public IReadOnlyList<FieldError> Rules() => FromYear is < 1990 or > 2100
        ? [new FieldError(FromYearField, $"Från år måste vara ett årtal mellan 1990 och 2100 (nu {FromYear}).")]
        : [];

    /// <summary>
    /// The settings the form's choices make: chosen KPIs (none: the linked indicators' KPI ids), all regions and riket
    /// (stored as no areas, the reader's default) or the chosen areas (regions and riket in Kolada's order, then the
    /// rest by id), and the first year; with the rules' errors.
    /// </summary>
    public static (KoladaSettings Settings, IReadOnlyList<FieldError> Errors) FromChoices(
        IReadOnlyList<string> kpis, bool allAreas, IReadOnlyCollection<string> areas, int? fromYear)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(areas);
        var chosen = allAreas ? null : KoladaSourceReader.RegionsAndRiket.Where(areas.Contains)
            .Concat(areas.Order(StringComparer.Ordinal).Where(a => !KoladaSourceReader.RegionsAndRiket.Contains(a))).ToList();
        var settings = new KoladaSettings(kpis.Count == 0 ? null : kpis, chosen, fromYear);
        var errors = settings.Rules().ToList();
        if (!allAreas && areas.Count == 0)
        {
            errors.Add(new FieldError(AreasField, "Välj minst ett område, eller alla regioner och riket."));
        }

        return (settings, errors);
    }

    /// <summary>
    /// A source that names no KPI reads its linked indicators' KPI ids; without any it has nothing to read. Null when
    /// <paramref name="linkedKpi"/> (some linked indicator has a Kolada id) or the settings name KPIs.
    /// </summary>
    public FieldError? NothingToRead(bool linkedKpi) => Kpis is { Count: > 0 } || linkedKpi
        ? null
        : new FieldError(KpisField, "Välj minst ett nyckeltal, eller koppla en indikator som har ett Kolada-id.");

    /// <summary>
    /// The first year a source that names none reads: ten years back, or further to the earliest base year of the plans
    /// its indicators serve (<paramref name="earliestBaseYear"/>; a plan 2016–2019 needs 2015), so progress from the
    /// base year can be measured.
    /// </summary>
    public static int DefaultFromYear(int thisYear, int? earliestBaseYear) =>
        Math.Min(thisYear - 10, earliestBaseYear ?? int.MaxValue);

    public string ToJson() => JsonSerializer.Serialize(this, WriteJson);
}
