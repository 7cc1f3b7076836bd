using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Indicators.Core.Sources;
using Indicators.Core.Observations;
using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;

namespace Indicators.Ingestion.Sources.PxWeb;

/// <summary>
/// A PxWeb source's settings, for example SCB's folkmängd per län:
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
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PxWebSettings Parse(string json, string sourceName) => TryRead(json, out var settings, out var problem)
        ? settings
        : throw new SourceReadException($"Källan '{sourceName}' har ogiltiga SCB-inställningar. {problem}");

    /// <summary>The settings, or in Swedish which setting is wrong and where (a table id is required).</summary>
    public static bool TryRead(string json, [NotNullWhen(true)] out PxWebSettings? settings, [NotNullWhen(false)] out string? problem)
    {
        (settings, problem) = (null, null);
        try
        {
            settings = JsonSerializer.Deserialize<PxWebSettings>(json, Json);
        }
        catch (JsonException e)
        {
            problem = SettingsJson.ShapeError(e);
            return false;
        }

        problem = string.IsNullOrWhiteSpace(settings?.Table) ? "Tabell-id saknas (\"table\", till exempel \"TAB638\")." : EmptyEntry(settings);
        settings = problem is null ? settings : null;
        return problem is null;
    }

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

/// <summary>
/// Reads a PxWeb (SCB) source: the whole selection every time — PxWeb has no "changed since", and the merge leaves
/// unchanged values untouched, so an incremental run and a full refresh are the same read.
/// </summary>
public sealed class PxWebSourceReader(PxWebClient client, SourceStore sources) : ISourceReader
{
    public string Kind => "pxweb";

    public async Task<SourceReadResult> ReadAsync(
        SourceDefinition source, RunMode mode, DateTimeOffset? lastSuccess, IProgress<ReadProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(progress);
        var settings = PxWebSettings.Parse(source.Settings, source.Name);
        var indicators = await sources.IndicatorsOfAsync(source.Id, cancellationToken);
        var query = settings.ToQuery(source.Name, indicators.Select(i => i.Code).ToList());
        var read = await client.ReadAsync(query, cancellationToken);
        progress.Report(new ReadProgress(read.Rows.Count + read.Rejected.Count));
        return read;
    }
}
