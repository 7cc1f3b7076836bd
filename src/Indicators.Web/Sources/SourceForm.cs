using Indicators.Core.Editing;
using Indicators.Core.Sources;
using Indicators.Data.Sources;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Sources.Kolada;
using Indicators.Ingestion.Sources.PxWeb;

namespace Indicators.Web.Sources;

/// <summary>
/// What the source form edits. The common properties are named as <see cref="SourceDraft"/>'s, so the editor's errors
/// land on their fields; the settings of each kind are edited as plain fields, which the kind's settings record turns into
/// its settings and checks by its own rules (<see cref="KoladaSettings"/>, <see cref="PxWebSettings"/>,
/// <see cref="FileSourceSettings"/>: the same rules plan import and the command line keep).
/// </summary>
public sealed class SourceForm
{
    public string Name { get; set; } = "";

    public string Kind { get; set; } = SourceKind.Kolada.Text();

    /// <summary>When the source is fetched: picked (daily, weekly, monthly, yearly) or a cron written by hand.</summary>
    public ScheduleChoice Schedule { get; set; } = ScheduleChoice.From("0 6 * * *", optional: false);

    /// <summary>When the whole history is read again, if ever.</summary>
    public ScheduleChoice FullRefresh { get; set; } = ScheduleChoice.From(null, optional: true);

    /// <summary>The cron <see cref="Schedule"/> gives; its errors, the picker's and the editor's, are shown under this name.</summary>
    public string Cron => Schedule.Read().Cron ?? "";

    /// <summary>The cron <see cref="FullRefresh"/> gives, or null; its errors are shown under this name.</summary>
    public string? FullRefreshCron => FullRefresh.Read().Cron;

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
            Schedule = ScheduleChoice.From(source.Cron, optional: false),
            FullRefresh = ScheduleChoice.From(source.FullRefreshCron, optional: true),
            TimeZone = source.TimeZone,
            Enabled = source.Enabled,
            IndicatorIds = [.. stored.IndicatorIds],
        };
        // Settings a run cannot read leave the kind's fields empty and say why (StoredSettingsProblem).
        if (source.Kind.Is(SourceKind.Kolada) && KoladaSettings.TryRead(source.Settings, out var kolada, out form.storedSettingsProblem))
        {
            form.KoladaKpis = [.. kolada.Kpis ?? []];
            form.KoladaAllAreas = kolada.Areas is not { Count: > 0 };
            form.KoladaAreas = new HashSet<string>(kolada.Areas ?? [], StringComparer.Ordinal);
            form.KoladaFromYear = kolada.FromYear;
        }
        else if (source.Kind.Is(SourceKind.PxWeb) && PxWebSettings.TryRead(source.Settings, out var px, out form.storedSettingsProblem))
        {
            form.PxLines = px.ToLines();
        }
        else if (source.Kind.Is(SourceKind.File) && FileSourceSettings.TryRead(source.Settings, out var file, out form.storedSettingsProblem))
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
        IReadOnlyList<FieldError> errors = [];
        var (cron, cronError) = Schedule.Read();
        var (fullRefreshCron, fullRefreshError) = FullRefresh.Read();
        switch (SourceKinds.Parse(Kind))
        {
            case SourceKind.Kolada:
                (var kolada, errors) = KoladaSettings.FromChoices(KoladaKpis, KoladaAllAreas, KoladaAreas, KoladaFromYear);
                Settings = kolada.ToJson();
                break;
            case SourceKind.PxWeb:
                (var px, errors) = PxWebSettings.FromLines(PxLines);
                Settings = px.ToJson();
                break;
            case SourceKind.File:
                (var file, errors) = FileSourceSettings.FromFields(FileFolder, FilePattern, FileMapping());
                Settings = file.ToJson();
                break;
            default:
                Settings = "{}";
                break;
        }

        // The picker's errors name its field ("Schema – Klockslag: …") and go where the editor's cron errors go.
        List<FieldError> scheduleErrors = [];
        if (cronError is not null)
        {
            scheduleErrors.Add(new FieldError(nameof(Cron), "Schema – " + cronError));
        }

        if (fullRefreshError is not null)
        {
            scheduleErrors.Add(new FieldError(nameof(FullRefreshCron), "Fullständig omläsning – " + fullRefreshError));
        }

        return (new SourceDraft(Name, Kind, cron ?? "", fullRefreshCron, TimeZone, Enabled, Settings, [.. IndicatorIds.Distinct()]), [.. scheduleErrors, .. errors]);
    }

    /// <summary>The file mapping the fields describe (also for the preview of a sample file).</summary>
    public FileMapping FileMapping() => Ingestion.Sources.Files.FileMapping.FromFields(
        FileIndicatorColumn, FileFixedIndicator, FilePeriodColumn, FileAreaColumn, FileFixedArea, FileGenderColumn, FileValueColumn, FileStatusColumn);

    /// <summary>The PxWeb fields as the lines the settings record reads.</summary>
    PxWebLines PxLines
    {
        get => new(PxTable, PxSelection, PxCodelists, PxRegionVariable, PxTimeVariable, PxContentsVariable, PxContents, PxRegionMap, PxGenderVariable, PxGenderMap);
        set => (PxTable, PxSelection, PxCodelists, PxRegionVariable, PxTimeVariable, PxContentsVariable, PxContents, PxRegionMap, PxGenderVariable, PxGenderMap) =
            (value.Table, value.Selection, value.Codelists, value.RegionVariable, value.TimeVariable, value.ContentsVariable, value.Contents, value.RegionMap,
             value.GenderVariable, value.GenderMap);
    }
}
