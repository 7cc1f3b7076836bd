using System.Globalization;

namespace Indicators.Campaign.World;

/// <summary>How a file source gets its files.</summary>
public enum FileDelivery
{
    None,
    FolderCsv,
    FolderXlsx,
    Upload,
}

/// <summary>
/// A source the campaign runs, kills and restarts under: its id, kind, indicators (code → id) and the generation of data
/// its stub or files deliver now. The generation only changes while the campaign holds the source's run lock, so a run
/// never reads two generations.
/// </summary>
public sealed class CampaignSource(int id, string name, string kind, IReadOnlyDictionary<string, int> indicators, FileDelivery delivery, string? folder, string? table)
{
    int generation = 1;

    public int Id => id;

    public string Name => name;

    public string Kind => kind;

    /// <summary>Indicator code → id.</summary>
    public IReadOnlyDictionary<string, int> Indicators => indicators;

    public int[] IndicatorIds => [.. indicators.Values];

    public FileDelivery Delivery => delivery;

    /// <summary>The watched folder's full path (folder file sources).</summary>
    public string? Folder => folder;

    /// <summary>The SCB table id (PxWeb sources).</summary>
    public string? Table => table;

    public int Generation => Volatile.Read(ref generation);

    public void SetGeneration(int value) => Volatile.Write(ref generation, value);

    /// <summary>When a run of it was last killed or caught by a restart: it rests 65 s, so the stuck rule can be seen.</summary>
    public DateTimeOffset RestingUntil { get; set; } = DateTimeOffset.MinValue;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"source {Id} '{Name}' ({Kind}, generation {Generation})");
}
