using System.Text.Json;
using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;

namespace Indicators.Ingestion.Sources.Kolada;

/// <summary>
/// A Kolada source's settings: <c>{"kpis": ["N79173"], "areas": ["0022", "0000"], "fromYear": 2019}</c>. Without
/// <c>kpis</c> the KPI ids of the source's indicators are used; without <c>areas</c> all regions and riket; years run from
/// <c>fromYear</c> (default ten years back) to this year.
/// </summary>
public sealed record KoladaSettings(IReadOnlyList<string>? Kpis, IReadOnlyList<string>? Areas, int? FromYear)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static KoladaSettings Parse(string json, string sourceName)
    {
        try
        {
            return JsonSerializer.Deserialize<KoladaSettings>(json, Json) ?? new KoladaSettings(null, null, null);
        }
        catch (JsonException e)
        {
            throw new SourceReadException($"Källan '{sourceName}' har ogiltiga Kolada-inställningar: {e.Message}", e);
        }
    }
}

/// <summary>Reads a Kolada source: incrementally (values updated since a day before the last success) or in full.</summary>
public sealed class KoladaSourceReader(KoladaClient client, SourceStore sources, TimeProvider time) : ISourceReader
{
    /// <summary>Kolada's regions (type L) and riket: the default comparison set.</summary>
    public static readonly IReadOnlyList<string> RegionsAndRiket =
        ["0000", "0001", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0012", "0013",
         "0014", "0017", "0018", "0019", "0020", "0021", "0022", "0023", "0024", "0025"];

    public string Kind => "kolada";

    public async Task<SourceReadResult> ReadAsync(SourceDefinition source, RunMode mode, DateTimeOffset? lastSuccess, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var settings = KoladaSettings.Parse(source.Settings, source.Name);
        var kpis = settings.Kpis is { Count: > 0 } configured
            ? configured
            : (await sources.IndicatorsOfAsync(source.Id, cancellationToken)).Select(i => i.KpiId).OfType<string>().Where(k => k.Length > 0).ToList();
        if (kpis.Count == 0)
        {
            throw new SourceReadException($"Källan '{source.Name}' har inga KPI-id: ange dem i inställningarna eller på de kopplade indikatorerna.");
        }

        var thisYear = time.GetLocalNow().Year;
        var from = settings.FromYear ?? thisYear - 10;
        var years = Enumerable.Range(from, Math.Max(1, thisYear - from + 1)).ToList();
        // A day's overlap: Kolada's from_date is a date, and a value updated late on the day of the last run must not slip through.
        DateOnly? since = mode == RunMode.Incremental && lastSuccess is { } last ? DateOnly.FromDateTime(last.UtcDateTime).AddDays(-1) : null;
        return await client.ReadAsync(new KoladaQuery(kpis, settings.Areas is { Count: > 0 } areas ? areas : RegionsAndRiket, years, since), cancellationToken);
    }
}
