using System.Text.Json;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// A file source's settings: <c>{"folder": "inbox", "pattern": "*.csv;*.xlsx", "mapping": {"genderColumn": "gender", …}}</c>.
/// <c>folder</c> is the watched folder (absolute, or relative to the app's data folder, <see cref="FileSourceOptions.DataFolder"/>);
/// without one the source reads uploads only. <c>pattern</c> is one or more file-name patterns separated by ';'
/// (default <c>*.csv;*.xlsx</c>). <c>mapping</c> says which columns hold what (<see cref="FileMapping"/>; default: columns
/// indicator, period, area, value and at most 10 % rejected rows).
/// </summary>
public sealed record FileSourceSettings(string? Folder, string? Pattern, FileMapping? Mapping)
{
    public const string DefaultPattern = "*.csv;*.xlsx";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public FileMapping EffectiveMapping => Mapping ?? new FileMapping();

    public IReadOnlyList<string> Patterns =>
        (string.IsNullOrWhiteSpace(Pattern) ? DefaultPattern : Pattern)
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static FileSourceSettings Parse(string json, string sourceName)
    {
        try
        {
            return JsonSerializer.Deserialize<FileSourceSettings>(json, Json) ?? new FileSourceSettings(null, null, null);
        }
        catch (JsonException e)
        {
            throw new SourceReadException($"Källan '{sourceName}' har ogiltiga filinställningar: {e.Message}", e);
        }
    }

    /// <summary>The watched folder as a full path, or null for an uploads-only source.</summary>
    public string? FolderPath(string dataFolder) =>
        string.IsNullOrWhiteSpace(Folder) ? null : Path.GetFullPath(Path.Combine(dataFolder, Folder.Trim()));

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
/// Where file sources live on this machine. <see cref="DataFolder"/> anchors relative watched folders (config
/// <c>Sources:Files:Root</c>, else <c>Database:DataFolder</c>, else .data beside Indicators.sln);
/// <see cref="PollInterval"/> is how often the watched folders are looked at (<c>Sources:Files:PollInterval</c>, default
/// 30 s); <see cref="MaxUploadBytes"/> caps an upload (<c>Sources:Files:MaxUploadMegabytes</c>, default 50).
/// </summary>
public sealed record FileSourceOptions(string DataFolder, TimeSpan PollInterval, long MaxUploadBytes)
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(30);

    public const long DefaultMaxUploadBytes = 50L * 1024 * 1024;
}
