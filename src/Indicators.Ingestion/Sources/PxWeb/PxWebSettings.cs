using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Indicators.Core.Editing;
using Indicators.Core.Observations;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Sources.PxWeb;

/// <summary>
/// A PxWeb source's settings (the one place of their rules: how a run reads them, what may be saved, how the
/// form's lines become settings), for example SCB's folkmängd per län:
/// <code>
/// {"table": "TAB638",
///  "selection": {"Region": ["22", "00"], "ContentsCode": ["BE0101N1"], "Tid": ["2022", "2023", "2024"], "Civilstand": ["*"]},
///  "codelists": {"Region": "vs_RegionLän07"},
///  "contents": {"BE0101N1": "FOLKMANGD"},
///  "regionMap": {"22": "0022"},
///  "genderVariable": "Kon", "genderMap": {"2": "K", "1": "M"}}
/// </code>
/// <c>selection</c> fixes every variable of the table (value codes or expressions such as <c>TOP(5)</c>); the region,
/// time and contents variables are named by <c>regionVariable</c>, <c>timeVariable</c> and <c>contentsVariable</c>
/// (default "Region", "Tid", "ContentsCode"); without a time selection the last ten periods are read (<c>TOP(10)</c>).
/// <c>contents</c> maps a content code to the indicator code its rows carry (default: the content code itself, or the
/// source's only indicator when it has one and one content code is selected). <c>regionMap</c> maps SCB's region codes to
/// our area ids on top of the default (every län and riket: "22" → "0022", "00" → "0000"). A gender variable needs a
/// <c>genderMap</c> to T, K and M.
/// </summary>
public sealed record PxWebSettings(
    string? Table,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Selection,
    IReadOnlyDictionary<string, string>? Codelists,
    string? RegionVariable,
    string? TimeVariable,
    string? ContentsVariable,
    IReadOnlyDictionary<string, string>? Contents,
    IReadOnlyDictionary<string, string>? RegionMap,
    string? GenderVariable,
    IReadOnlyDictionary<string, string>? GenderMap)
{
    /// <summary>The source form's fields the rules' errors land under.</summary>
    public const string TableField = "PxTable", SelectionField = "PxSelection";

    static readonly PxWebSettings Empty = new(null, null, null, null, null, null, null, null, null, null);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static readonly JsonSerializerOptions WriteJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static PxWebSettings Parse(string json, string sourceName) => TryRead(json, out var settings, out var problem)
        ? settings
        : throw new SourceReadException($"Källan '{sourceName}' har ogiltiga SCB-inställningar. {problem}");

    /// <summary>The settings, or in Swedish which setting is wrong and where (a table id is required).</summary>
    public static bool TryRead(string json, [NotNullWhen(true)] out PxWebSettings? settings, [NotNullWhen(false)] out string? problem)
    {
        if (!TryReadShape(json, out settings, out problem))
        {
            return false;
        }

        problem = string.IsNullOrWhiteSpace(settings.Table) ? "Tabell-id saknas (\"table\", till exempel \"TAB638\")." : EmptyEntry(settings);
        settings = problem is null ? settings : null;
        return problem is null;
    }

    /// <summary>
    /// Why settings of this JSON may not be saved, or null: what a run could not read first (naming the setting), then
    /// the source form's rules in the form's words (a table and a selection).
    /// </summary>
    public static string? Check(string json)
    {
        if (!TryReadShape(json, out var settings, out var problem))
        {
            return $"Ogiltiga SCB-inställningar. {problem}";
        }

        return EmptyEntry(settings) is { } empty ? $"Ogiltiga SCB-inställningar. {empty}" : SourceSettingsRules.Message(settings.Rules());
    }

    /// <summary>The rules beyond what a run can read: the table to read and the selection to read from it.</summary>
    public IReadOnlyList<FieldError> Rules()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Table))
        {
            errors.Add(new FieldError(TableField, "Ange SCB-tabellens id, till exempel TAB638."));
        }

        if (Selection is null)
        {
            errors.Add(new FieldError(SelectionField, "Ange urvalet: en rad per variabel, till exempel 'Region: 22, 24' och 'ContentsCode: BE0101N1'."));
        }

        return errors;
    }

    /// <summary>
    /// The settings the form's fields make: the selection, codelists and maps as typed lines (<see cref="SettingsLines"/>),
    /// empty ones left out; with the lines' errors and the rules', each under its field.
    /// </summary>
    public static (PxWebSettings Settings, IReadOnlyList<FieldError> Errors) FromLines(PxWebLines lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var errors = new List<FieldError>();
        var settings = new PxWebSettings(
            Clean(lines.Table),
            Lists(lines.Selection, SelectionField, "Urvalet", errors),
            Map(lines.Codelists, "PxCodelists", "Kodlistorna", errors),
            Clean(lines.RegionVariable),
            Clean(lines.TimeVariable),
            Clean(lines.ContentsVariable),
            Map(lines.Contents, "PxContents", "Innehållskoderna", errors),
            Map(lines.RegionMap, "PxRegionMap", "Regionöversättningen", errors),
            Clean(lines.GenderVariable),
            Map(lines.GenderMap, "PxGenderMap", "Könsöversättningen", errors));
        var rules = settings.Rules();
        return (settings, [.. rules.Where(r => r.Field == TableField), .. errors, .. rules.Where(r => r.Field != TableField)]);
    }

    /// <summary>The settings as the form's lines, for the form to show.</summary>
    public PxWebLines ToLines() => new(Table, SettingsLines.Format(Selection), SettingsLines.Format(Codelists), RegionVariable, TimeVariable,
        ContentsVariable, SettingsLines.Format(Contents), SettingsLines.Format(RegionMap), GenderVariable, SettingsLines.Format(GenderMap));

    public string ToJson() => JsonSerializer.Serialize(this, WriteJson);

    static bool TryReadShape(string json, [NotNullWhen(true)] out PxWebSettings? settings, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        try
        {
            settings = JsonSerializer.Deserialize<PxWebSettings>(json, Json) ?? Empty;
            return true;
        }
        catch (JsonException e)
        {
            (settings, problem) = (null, SettingsJson.ShapeError(e));
            return false;
        }
    }

    static Dictionary<string, IReadOnlyList<string>>? Lists(string? text, string field, string what, List<FieldError> errors)
    {
        var problems = new List<string>();
        var lists = SettingsLines.ParseLists(text, what, problems);
        errors.AddRange(problems.Select(p => new FieldError(field, p)));
        return lists.Count == 0 ? null : lists;
    }

    static Dictionary<string, string>? Map(string? text, string field, string what, List<FieldError> errors)
    {
        var problems = new List<string>();
        var map = SettingsLines.ParseMap(text, what, problems);
        errors.AddRange(problems.Select(p => new FieldError(field, p)));
        return map.Count == 0 ? null : map;
    }

    static string? Clean(string? text) => Validation.Clean(text);

    /// <summary>An empty variable, code or mapping, which JSON's null or blank text would otherwise slip in.</summary>
    static string? EmptyEntry(PxWebSettings settings)
    {
        foreach (var (variable, codes) in settings.Selection ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (string.IsNullOrWhiteSpace(variable) || codes is null)
            {
                return $"Inställningen 'selection.{variable}' är tom; ange variabelns koder eller ta bort raden.";
            }

            if (SettingsJson.EmptyEntry($"selection.{variable}", codes) is { } empty)
            {
                return empty;
            }
        }

        return SettingsJson.EmptyEntry("codelists", settings.Codelists) ?? SettingsJson.EmptyEntry("contents", settings.Contents)
            ?? SettingsJson.EmptyEntry("regionMap", settings.RegionMap) ?? SettingsJson.EmptyEntry("genderMap", settings.GenderMap);
    }

    /// <summary>The query these settings describe, given the codes of the source's indicators.</summary>
    public PxWebQuery ToQuery(string sourceName, IReadOnlyList<string> indicatorCodes)
    {
        var regionVariable = Name(RegionVariable, "Region");
        var timeVariable = Name(TimeVariable, "Tid");
        var contentsVariable = Name(ContentsVariable, "ContentsCode");
        var selection = (Selection ?? new Dictionary<string, IReadOnlyList<string>>())
            .Select(s => new PxWebSelection(s.Key, s.Value, Codelists?.GetValueOrDefault(s.Key)))
            .ToList();
        if (!selection.Any(s => s.VariableCode == timeVariable))
        {
            selection.Add(new PxWebSelection(timeVariable, ["TOP(10)"], Codelists?.GetValueOrDefault(timeVariable)));
        }

        foreach (var required in new[] { regionVariable, contentsVariable })
        {
            if (!selection.Any(s => s.VariableCode == required && s.ValueCodes.Count > 0))
            {
                throw new SourceReadException($"Källan '{sourceName}': urvalet (\"selection\") mot SCB-tabell {Table} saknar värden för variabeln {required}.");
            }
        }

        var regions = new Dictionary<string, string>(ScbRegions.Counties, StringComparer.Ordinal);
        foreach (var (code, area) in RegionMap ?? new Dictionary<string, string>())
        {
            regions[code] = area;
        }

        var contentCodes = selection.First(s => s.VariableCode == contentsVariable).ValueCodes;
        IReadOnlyDictionary<string, string> contents = Contents is { Count: > 0 }
            ? Contents
            : contentCodes.Count == 1 && indicatorCodes.Count == 1
                ? new Dictionary<string, string> { [contentCodes[0]] = indicatorCodes[0] }
                : contentCodes.ToDictionary(c => c, c => c, StringComparer.Ordinal);

        Dictionary<string, Gender>? genders = null;
        if (!string.IsNullOrWhiteSpace(GenderVariable))
        {
            if (GenderMap is not { Count: > 0 })
            {
                throw new SourceReadException($"Källan '{sourceName}': könsvariabeln {GenderVariable} behöver \"genderMap\" med koderna för T, K och M.");
            }

            genders = new Dictionary<string, Gender>(StringComparer.Ordinal);
            foreach (var (code, gender) in GenderMap)
            {
                genders[code] = GenderCodes.TryParse(gender, out var parsed)
                    ? parsed
                    : throw new SourceReadException($"Källan '{sourceName}': \"genderMap\" säger '{gender}' för koden '{code}'; ange T, K eller M.");
            }
        }

        return new PxWebQuery(Table!.Trim(), selection, regionVariable, timeVariable, contentsVariable, regions, contents,
            genders is null ? null : GenderVariable, genders);
    }

    static string Name(string? configured, string fallback) => string.IsNullOrWhiteSpace(configured) ? fallback : configured.Trim();
}

/// <summary>A PxWeb source's settings as the source form edits them: plain text, the maps and lists one "namn: värde" per line.</summary>
public sealed record PxWebLines(
    string? Table, string? Selection, string? Codelists, string? RegionVariable, string? TimeVariable, string? ContentsVariable,
    string? Contents, string? RegionMap, string? GenderVariable, string? GenderMap);
