using System.Globalization;
using System.Text;
using System.Text.Json;
using Indicators.Core.Observations;
using Indicators.Data.Observations;
using Indicators.Ingestion.Sources.Kolada;

namespace Indicators.Benchmarks;

/// <summary>
/// The benchmark's outcomes, made at run time (nothing large is committed): every KPI × area × year × gender, the same
/// rows for every path. One in 40 values is missing, as Kolada and region files both have gaps.
/// </summary>
sealed class BenchData(int kpiCount, int firstYear, int lastYear)
{
    public const int KoladaPageSize = 5000; // Kolada's per_page cap, which the client asks for
    const int MaxIdsPerList = 25; // Kolada's limit on a comma list, which the client chunks by

    static readonly Gender[] Genders = [Gender.T, Gender.K, Gender.M];

    public IReadOnlyList<string> Areas { get; } = KoladaSourceReader.RegionsAndRiket;

    public int FirstYear => firstYear;

    public int Years => lastYear - firstYear + 1;

    public int KpiCount => kpiCount;

    public long Observations => (long)kpiCount * Areas.Count * Years * Genders.Length;

    /// <summary>The KPI id of the k-th indicator; its code sorts the same way, so the source reader asks in this order.</summary>
    public static string KpiId(int k) => string.Create(CultureInfo.InvariantCulture, $"N{10000 + k}");

    public static string Code(int k) => string.Create(CultureInfo.InvariantCulture, $"B{k:0000}");

    /// <summary>Null for a missing value.</summary>
    static decimal? Value(int k, int a, int year, int g)
    {
        var hash = unchecked((uint)((k * 7919) ^ (a * 104729) ^ (year * 31) ^ (g * 17)) * 2654435761u);
        return hash % 40 == 0 ? null : (hash % 10000) / 10m;
    }

    /// <summary>The rows as the database should hold them, indicator ids resolved: what the COPY baseline writes.</summary>
    public List<IncomingObservation> Resolved(IReadOnlyDictionary<string, int> indicatorIdByKpi)
    {
        var rows = new List<IncomingObservation>(checked((int)Observations));
        var periods = Enumerable.Range(firstYear, Years).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray();
        for (var k = 0; k < kpiCount; k++)
        {
            var indicatorId = indicatorIdByKpi[KpiId(k)];
            for (var a = 0; a < Areas.Count; a++)
            {
                for (var y = 0; y < Years; y++)
                {
                    for (var g = 0; g < Genders.Length; g++)
                    {
                        var value = Value(k, a, firstYear + y, g);
                        rows.Add(new IncomingObservation(indicatorId, periods[y], Areas[a], Genders[g], value,
                            value is null ? ObservationStatus.Missing : ObservationStatus.Ok));
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>The region's own export format (sql/demo/outcomes.csv): semicolon, decimal comma, UTF-8. Returns its size.</summary>
    public long WriteCsv(string path)
    {
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("indicator;period;area;gender;value;status\n");
            var line = new StringBuilder(64);
            for (var k = 0; k < kpiCount; k++)
            {
                var code = Code(k);
                for (var a = 0; a < Areas.Count; a++)
                {
                    for (var y = firstYear; y <= lastYear; y++)
                    {
                        for (var g = 0; g < Genders.Length; g++)
                        {
                            var value = Value(k, a, y, g);
                            line.Clear().Append(code).Append(';').Append(y).Append(';').Append(Areas[a]).Append(';').Append(Genders[g].ToCode()).Append(';');
                            if (value is { } v)
                            {
                                line.Append(v.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',')).Append(";ok\n");
                            }
                            else
                            {
                                line.Append(";missing\n");
                            }

                            writer.Write(line);
                        }
                    }
                }
            }
        }

        return new FileInfo(path).Length;
    }

    /// <summary>
    /// The Kolada v3 answers the client will ask for, page by page, as files: one request per KPI chunk × area chunk ×
    /// year chunk (25 ids a list), each split into pages of 5000 data points linked by an absolute next_url. Returns the
    /// request (path and query, as the server sees it) each page answers, and the total bytes written.
    /// </summary>
    public (Dictionary<string, string> Pages, long Bytes) WriteKoladaDump(string folder, Uri root)
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        long bytes = 0;
        var kpiChunks = Enumerable.Range(0, kpiCount).Chunk(MaxIdsPerList).ToList();
        var areaChunks = Enumerable.Range(0, Areas.Count).Chunk(MaxIdsPerList).ToList();
        var yearChunks = Enumerable.Range(firstYear, Years).Chunk(MaxIdsPerList).ToList();
        foreach (var kpis in kpiChunks)
        {
            foreach (var areas in areaChunks)
            {
                foreach (var years in yearChunks)
                {
                    var path = "/v3/data/kpi/" + string.Join(',', kpis.Select(KpiId))
                        + "/municipality/" + string.Join(',', areas.Select(a => Areas[a]))
                        + "/year/" + string.Join(',', years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
                    var points = (from k in kpis from a in areas from y in years select (k, a, y)).ToList();
                    var pageCount = Math.Max(1, (points.Count + KoladaPageSize - 1) / KoladaPageSize);
                    for (var page = 1; page <= pageCount; page++)
                    {
                        var request = path + PageQuery(page);
                        var next = page < pageCount ? new Uri(root, path + PageQuery(page + 1)).ToString() : null;
                        var previous = page > 1 ? new Uri(root, path + PageQuery(page - 1)).ToString() : null;
                        var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"page-{pages.Count:00000}.json"));
                        bytes += WritePage(file, points.Skip((page - 1) * KoladaPageSize).Take(KoladaPageSize), next, previous);
                        pages.Add(request, file);
                    }
                }
            }
        }

        return (pages, bytes);
    }

    static string PageQuery(int page) => page == 1
        ? string.Create(CultureInfo.InvariantCulture, $"?per_page={KoladaPageSize}")
        : string.Create(CultureInfo.InvariantCulture, $"?per_page={KoladaPageSize}&page={page}");

    long WritePage(string file, IEnumerable<(int K, int A, int Year)> points, string? next, string? previous)
    {
        using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("values");
            var count = 0;
            foreach (var (k, a, year) in points)
            {
                count++;
                json.WriteStartObject();
                json.WriteString("kpi", KpiId(k));
                json.WriteString("municipality", Areas[a]);
                json.WriteNumber("period", year);
                json.WriteStartArray("values");
                for (var g = 0; g < Genders.Length; g++)
                {
                    var value = Value(k, a, year, g);
                    json.WriteStartObject();
                    json.WriteString("gender", Genders[g].ToCode());
                    json.WriteNumber("count", 1);
                    json.WriteString("status", value is null ? "Missing" : "");
                    if (value is { } v)
                    {
                        json.WriteNumber("value", v);
                    }
                    else
                    {
                        json.WriteNull("value");
                    }

                    json.WriteBoolean("isdeleted", false);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("count", count);
            json.WriteString("next_url", next);
            json.WriteString("previous_url", previous);
            json.WriteEndObject();
        }

        return new FileInfo(file).Length;
    }
}
