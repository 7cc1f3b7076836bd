using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Indicators.Core.Editing;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// A file source's settings: <c>{"folder": "inbox", "pattern": "*.csv;*.xlsx", "mapping": {"genderColumn": "gender", …}}</c>.
/// <c>folder</c> is the watched folder (relative to the root <see cref="FileSourceOptions.DataFolder"/>, or absolute), read
/// only where <see cref="FileRoots"/> allows; without one the source reads uploads only. <c>pattern</c> is one or more
/// file-name globs separated by ';' (default <c>*.csv;*.xlsx</c>; <see cref="FilePattern"/>). <c>mapping</c> says which columns hold what (<see cref="FileMapping"/>; default: columns
/// indicator, period, area, value and at most 10 % rejected rows). The one place of their rules: how a run reads them
/// (<see cref="TryRead"/>), what may be saved (<see cref="Check"/>) and how the form's fields become settings
/// (<see cref="FromFields"/>).
/// </summary>
public sealed record FileSourceSettings(string? Folder, string? Pattern, FileMapping? Mapping)
{
    public const string DefaultPattern = FilePattern.Default;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public FileMapping EffectiveMapping => Mapping ?? new FileMapping();

    public IReadOnlyList<string> Patterns => FilePattern.Split(Pattern);

    /// <summary>The source form's fields the rules' errors land under (the folder's and pattern's are SourceDraft's).</summary>
    public const string PeriodField = "FilePeriodColumn", ValueField = "FileValueColumn", IndicatorField = "FileIndicatorColumn", AreaField = "FileAreaColumn";

    public static FileSourceSettings Parse(string json, string sourceName) => TryRead(json, out var settings, out var problem)
        ? settings
        : throw new SourceReadException($"Källan '{sourceName}' har ogiltiga filinställningar. {problem}");

    /// <summary>The settings, or in Swedish which setting is wrong and where.</summary>
    public static bool TryRead(string json, [NotNullWhen(true)] out FileSourceSettings? settings, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            settings = JsonSerializer.Deserialize<FileSourceSettings>(json, Json) ?? new FileSourceSettings(null, null, null);
            problem = null;
            return true;
        }
        catch (JsonException e)
        {
            (settings, problem) = (null, SettingsJson.ShapeError(e));
            return false;
        }
    }

    /// <summary>Why settings of this JSON may not be saved (a run could not read them, or the form's rules refuse them), or null.</summary>
    public static string? Check(string json) => !TryRead(json, out var settings, out var problem)
        ? $"Ogiltiga filinställningar. {problem}"
        : SourceSettingsRules.Message(settings.Rules());

    /// <summary>The rules beyond what a run can read: a period and a value column, and where each row's indicator and area come from.</summary>
    public IReadOnlyList<FieldError> Rules()
    {
        var mapping = EffectiveMapping;
        var errors = new List<FieldError>();
        if (Validation.Clean(mapping.PeriodColumn) is null)
        {
            errors.Add(new FieldError(PeriodField, "Ange vilken kolumn som håller perioden."));
        }

        if (Validation.Clean(mapping.ValueColumn) is null)
        {
            errors.Add(new FieldError(ValueField, "Ange vilken kolumn som håller värdet."));
        }

        if (Validation.Clean(mapping.IndicatorColumn) is null && Validation.Clean(mapping.FixedIndicatorCode) is null)
        {
            errors.Add(new FieldError(IndicatorField, "Ange indikatorns kolumn, eller en fast indikatorkod för hela filen."));
        }

        if (Validation.Clean(mapping.AreaColumn) is null && Validation.Clean(mapping.FixedAreaCode) is null)
        {
            errors.Add(new FieldError(AreaField, "Ange områdets kolumn, eller ett fast område för hela filen."));
        }

        return errors;
    }

    /// <summary>The settings the form's fields make (blank fields are none), with the rules' errors under their fields.</summary>
    public static (FileSourceSettings Settings, IReadOnlyList<FieldError> Errors) FromFields(string? folder, string? pattern, FileMapping mapping)
    {
        var settings = new FileSourceSettings(Validation.Clean(folder), Validation.Clean(pattern), mapping);
        return (settings, settings.Rules());
    }

    /// <summary>The settings as JSON; a mapping keeps its nulls, since a left-out column would read as the default column ("area").</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The header columns the mapping needs, with what each holds (in Swedish), to check a file before it is accepted.</summary>
    public IReadOnlyList<(string Column, string What)> RequiredColumns()
    {
        var mapping = EffectiveMapping;
        var columns = new List<(string, string)>();
        if (mapping.FixedIndicatorCode is null && mapping.IndicatorColumn is { } indicator) columns.Add((indicator, "indikator"));
        columns.Add((mapping.PeriodColumn, "period"));
        if (mapping.FixedAreaCode is null && mapping.AreaColumn is { } area) columns.Add((area, "område"));
        if (mapping.GenderColumn is { } gender) columns.Add((gender, "kön"));
        columns.Add((mapping.ValueColumn, "värde"));
        if (mapping.StatusColumn is { } status) columns.Add((status, "status"));
        return columns;
    }
}

/// <summary>
/// Where file sources live on this machine. <see cref="DataFolder"/> is the root: it anchors relative watched folders
/// and may be read (config <c>Sources:Files:Root</c>, else <c>Database:DataFolder</c>, else .data beside Indicators.sln);
/// <see cref="AllowedFolders"/> are the other folders an administrator allows; <see cref="PollInterval"/> is how often the
/// watched folders are looked at (<c>Sources:Files:PollInterval</c>, default 30 s); <see cref="MaxUploadBytes"/> caps an
/// upload (<c>Sources:Files:MaxUploadMegabytes</c>, default 50).
/// </summary>
public sealed record FileSourceOptions(string DataFolder, TimeSpan PollInterval, long MaxUploadBytes)
{
    /// <summary><c>Sources:Files:AllowedFolders</c>: absolute folders, besides the root, that file sources may read.</summary>
    public IReadOnlyList<string> AllowedFolders { get; init; } = [];

    /// <summary>
    /// The app's own data folder (<c>Database:DataFolder</c>), where the embedded database keeps its password, port and
    /// pgdata: never a watched folder, even when it is the root. Null: the same as <see cref="DataFolder"/>.
    /// </summary>
    public string? DatabaseFolder { get; init; }

    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(30);

    public const long DefaultMaxUploadBytes = 50L * 1024 * 1024;
}
