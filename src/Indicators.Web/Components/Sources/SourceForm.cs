using System.Text.Json;
using System.Text.Json.Serialization;
using Indicators.Core.Editing;
using Indicators.Core.Sources;
using Indicators.Data.Sources;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Sources.Kolada;
using Indicators.Ingestion.Sources.PxWeb;

namespace Indicators.Web.Components.Sources;

/// <summary>
/// What the source form edits. The common properties are named as <see cref="SourceDraft"/>'s, so the editor's errors
/// land on their fields; the settings of each kind are edited as plain fields and written as the JSON its reader parses
/// (<see cref="KoladaSettings"/>, <see cref="PxWebSettings"/>, <see cref="FileSourceSettings"/>), by serialising those
/// very records.
/// </summary>
public sealed class SourceForm
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>A file mapping keeps its nulls: a left-out column would read as FileMapping's default column ("area").</summary>
    static readonly JsonSerializerOptions FileJsonOptions = new(JsonSerializerDefaults.Web);

    public string Name { get; set; } = "";

    public string Kind { get; set; } = "kolada";

    public string Cron { get; set; } = "0 6 * * *";

    public string? FullRefreshCron { get; set; }

    public string TimeZone { get; set; } = SourceDraft.DefaultTimeZone;

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Why the stored settings could not be read into the fields (a run cannot read them either), or null. The fields then
    /// start empty, and saving replaces the stored settings with what they hold.
    /// </summary>
    public string? StoredSettingsProblem => storedSettingsProblem;

    string? storedSettingsProblem;

    /// <summary>The settings as last built, for the errors the editor gives about them.</summary>
    public string Settings { get; private set; } = "{}";

    public List<int> IndicatorIds { get; set; } = [];

    // Kolada
    public List<string> KoladaKpis { get; set; } = [];

    public bool KoladaAllAreas { get; set; } = true;

    public HashSet<string> KoladaAreas { get; set; } = new(StringComparer.Ordinal);

    public int? KoladaFromYear { get; set; }

    // PxWeb (SCB)
    public string? PxTable { get; set; }

    public string? PxSelection { get; set; }

    public string? PxCodelists { get; set; }

    public string? PxRegionVariable { get; set; }

    public string? PxTimeVariable { get; set; }

    public string? PxContentsVariable { get; set; }

    public string? PxContents { get; set; }

    public string? PxRegionMap { get; set; }

    public string? PxGenderVariable { get; set; }

    public string? PxGenderMap { get; set; }

    // File. The folder and pattern errors of SourceDraft name these two properties (SourceDraft.FolderField, PatternField).
    public string? FileFolder { get; set; }

    public string? FilePattern { get; set; }

    public string? FileIndicatorColumn { get; set; } = "indicator";

    public string? FileFixedIndicator { get; set; }

    public string? FilePeriodColumn { get; set; } = "period";

    public string? FileAreaColumn { get; set; } = "area";

    public string? FileFixedArea { get; set; }

    public string? FileGenderColumn { get; set; }

    public string? FileValueColumn { get; set; } = "value";

    public string? FileStatusColumn { get; set; }

    /// <summary>The form filled from a stored source.</summary>
    public static SourceForm From(SourceForEdit stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var source = stored.Definition;
        var form = new SourceForm
        {
            Name = source.Name,
            Kind = source.Kind,
            Cron = source.Cron,
            FullRefreshCron = source.FullRefreshCron,
            TimeZone = source.TimeZone,
            Enabled = source.Enabled,
            IndicatorIds = [.. stored.IndicatorIds],
        };
        // Settings a run cannot read leave the kind's fields empty and say why (StoredSettingsProblem).
        if (source.Kind == "kolada" && KoladaSettings.TryRead(source.Settings, out var kolada, out form.storedSettingsProblem))
        {
            form.KoladaKpis = [.. kolada.Kpis ?? []];
            form.KoladaAllAreas = kolada.Areas is not { Count: > 0 };
            form.KoladaAreas = new HashSet<string>(kolada.Areas ?? [], StringComparer.Ordinal);
            form.KoladaFromYear = kolada.FromYear;
        }
        else if (source.Kind == "pxweb" && PxWebSettings.TryRead(source.Settings, out var px, out form.storedSettingsProblem))
        {
            form.PxTable = px.Table;
            form.PxSelection = SettingsLines.Format(px.Selection);
            form.PxCodelists = SettingsLines.Format(px.Codelists);
            form.PxRegionVariable = px.RegionVariable;
            form.PxTimeVariable = px.TimeVariable;
            form.PxContentsVariable = px.ContentsVariable;
            form.PxContents = SettingsLines.Format(px.Contents);
            form.PxRegionMap = SettingsLines.Format(px.RegionMap);
            form.PxGenderVariable = px.GenderVariable;
            form.PxGenderMap = SettingsLines.Format(px.GenderMap);
        }
        else if (source.Kind == "file" && FileSourceSettings.TryRead(source.Settings, out var file, out form.storedSettingsProblem))
        {
            var mapping = file.EffectiveMapping;
            form.FileFolder = file.Folder;
            form.FilePattern = file.Pattern;
            form.FileIndicatorColumn = mapping.IndicatorColumn;
            form.FileFixedIndicator = mapping.FixedIndicatorCode;
            form.FilePeriodColumn = mapping.PeriodColumn;
            form.FileAreaColumn = mapping.AreaColumn;
            form.FileFixedArea = mapping.FixedAreaCode;
            form.FileGenderColumn = mapping.GenderColumn;
            form.FileValueColumn = mapping.ValueColumn;
            form.FileStatusColumn = mapping.StatusColumn;
        }

        return form;
    }

    /// <summary>
    /// The draft to validate and save, with the settings built from the kind's fields; problems in those fields come back
    /// as errors under the field they concern (and then the draft is not to be saved).
    /// </summary>
    public (SourceDraft Draft, IReadOnlyList<FieldError> SettingsErrors) ToDraft()
    {
        var errors = new List<FieldError>();
        Settings = Kind switch
        {
            "kolada" => KoladaJson(errors),
            "pxweb" => PxWebJson(errors),
            "file" => FileJson(errors),
            _ => "{}",
        };
        return (new SourceDraft(Name, Kind, Cron, FullRefreshCron, TimeZone, Enabled, Settings, [.. IndicatorIds.Distinct()]), errors);
    }

    /// <summary>The file mapping the fields describe (also for the preview of a sample file).</summary>
    public FileMapping FileMapping() => new()
    {
        IndicatorColumn = Clean(FileFixedIndicator) is null ? Clean(FileIndicatorColumn) : null,
        FixedIndicatorCode = Clean(FileFixedIndicator),
        PeriodColumn = Clean(FilePeriodColumn) ?? "",
        AreaColumn = Clean(FileFixedArea) is null ? Clean(FileAreaColumn) : null,
        FixedAreaCode = Clean(FileFixedArea),
        GenderColumn = Clean(FileGenderColumn),
        ValueColumn = Clean(FileValueColumn) ?? "",
        StatusColumn = Clean(FileStatusColumn),
    };

    string KoladaJson(List<FieldError> errors)
    {
        if (KoladaFromYear is < 1990 or > 2100)
        {
            errors.Add(new FieldError(nameof(KoladaFromYear), $"Från år måste vara ett årtal mellan 1990 och 2100 (nu {KoladaFromYear})."));
        }

        if (!KoladaAllAreas && KoladaAreas.Count == 0)
        {
            errors.Add(new FieldError(nameof(KoladaAreas), "Välj minst ett område, eller alla regioner och riket."));
        }

        var areas = KoladaAllAreas ? null : KoladaSourceReader.RegionsAndRiket.Where(KoladaAreas.Contains).Concat(KoladaAreas.Order(StringComparer.Ordinal).Where(a => !KoladaSourceReader.RegionsAndRiket.Contains(a))).ToList();
        return JsonSerializer.Serialize(new KoladaSettings(KoladaKpis.Count == 0 ? null : KoladaKpis, areas, KoladaFromYear), Json);
    }

    string PxWebJson(List<FieldError> errors)
    {
        if (Clean(PxTable) is null)
        {
            errors.Add(new FieldError(nameof(PxTable), "Ange SCB-tabellens id, till exempel TAB638."));
        }

        var settings = new PxWebSettings(
            Clean(PxTable),
            Lists(PxSelection, nameof(PxSelection), "Urvalet", errors),
            Map(PxCodelists, nameof(PxCodelists), "Kodlistorna", errors),
            Clean(PxRegionVariable),
            Clean(PxTimeVariable),
            Clean(PxContentsVariable),
            Map(PxContents, nameof(PxContents), "Innehållskoderna", errors),
            Map(PxRegionMap, nameof(PxRegionMap), "Regionöversättningen", errors),
            Clean(PxGenderVariable),
            Map(PxGenderMap, nameof(PxGenderMap), "Könsöversättningen", errors));
        if (settings.Selection is null)
        {
            errors.Add(new FieldError(nameof(PxSelection), "Ange urvalet: en rad per variabel, till exempel 'Region: 22, 24' och 'ContentsCode: BE0101N1'."));
        }

        return JsonSerializer.Serialize(settings, Json);
    }

    string FileJson(List<FieldError> errors)
    {
        if (Clean(FilePeriodColumn) is null)
        {
            errors.Add(new FieldError(nameof(FilePeriodColumn), "Ange vilken kolumn som håller perioden."));
        }

        if (Clean(FileValueColumn) is null)
        {
            errors.Add(new FieldError(nameof(FileValueColumn), "Ange vilken kolumn som håller värdet."));
        }

        if (Clean(FileIndicatorColumn) is null && Clean(FileFixedIndicator) is null)
        {
            errors.Add(new FieldError(nameof(FileIndicatorColumn), "Ange indikatorns kolumn, eller en fast indikatorkod för hela filen."));
        }

        if (Clean(FileAreaColumn) is null && Clean(FileFixedArea) is null)
        {
            errors.Add(new FieldError(nameof(FileAreaColumn), "Ange områdets kolumn, eller ett fast område för hela filen."));
        }

        return JsonSerializer.Serialize(new FileSourceSettings(Clean(FileFolder), Clean(FilePattern), FileMapping()), FileJsonOptions);
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
}
