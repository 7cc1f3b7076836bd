using System.Globalization;

namespace Indicators.Ingestion.Sources.Kolada;

/// <summary>Kolada's data URLs. Kolada refuses more than 25 ids in one comma list, so every list is cut into chunks.</summary>
static class KoladaUrls
{
    public const int MaxIdsPerList = 25;
    public const int PageSize = 5000;

    /// <summary>One relative URL per combination of chunks (KPI chunk × area chunk × year chunk).</summary>
    public static IEnumerable<string> DataUrls(KoladaQuery query)
    {
        var kpiChunks = query.KpiIds.Chunk(MaxIdsPerList).Select(c => string.Join(',', c)).ToList();
        var areaChunks = query.AreaIds.Chunk(MaxIdsPerList).Select(c => string.Join(',', c)).ToList();
        var yearChunks = query.Years.Count == 0
            ? [null]
            : query.Years.Chunk(MaxIdsPerList).Select(c => string.Join(',', c.Select(y => y.ToString(CultureInfo.InvariantCulture)))).ToList<string?>();
        var parameters = $"?per_page={PageSize}"
            + (query.UpdatedSince is { } since ? "&from_date=" + since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");

        foreach (var kpis in kpiChunks)
        {
            foreach (var areas in areaChunks)
            {
                foreach (var years in yearChunks)
                {
                    yield return $"data/kpi/{Uri.EscapeDataString(kpis).Replace("%2C", ",", StringComparison.Ordinal)}"
                        + $"/municipality/{Uri.EscapeDataString(areas).Replace("%2C", ",", StringComparison.Ordinal)}"
                        + (years is null ? "" : $"/year/{years}")
                        + parameters;
                }
            }
        }
    }
}
