using Indicators.Data.Observations;
using Indicators.Data.Sources;
using Indicators.Ingestion.Sources;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// Turns a source's rows into observations: the indicator code must name an indicator linked to the source (by its code
/// or its Kolada KPI id), the area must exist, and each (indicator, period, area, gender) may come once. Everything else is
/// rejected with the reason, so a bad row never silently disappears.
/// </summary>
public static class RowResolver
{
    public static (List<IncomingObservation> Rows, List<SourceProblem> Rejected) Resolve(
        IReadOnlyList<SourceRow> rows, IReadOnlyList<SourceIndicator> indicators, IReadOnlySet<string> areaIds)
    {
        var byCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in indicators)
        {
            byCode.TryAdd(indicator.Code, indicator.IndicatorId);
            if (!string.IsNullOrWhiteSpace(indicator.KpiId))
            {
                byCode.TryAdd(indicator.KpiId, indicator.IndicatorId);
            }
        }

        var resolved = new List<IncomingObservation>(rows.Count);
        var rejected = new List<SourceProblem>();
        var seen = new HashSet<(int, string, string, Core.Observations.Gender)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!byCode.TryGetValue(row.IndicatorCode, out var indicatorId))
            {
                rejected.Add(new SourceProblem(null, "indikator", $"Indikatorn '{row.IndicatorCode}' är inte kopplad till källan."));
                continue;
            }

            if (!areaIds.Contains(row.AreaCode))
            {
                rejected.Add(new SourceProblem(null, "område", $"Området '{row.AreaCode}' finns inte ({row.IndicatorCode}, {row.Period.SwedishName})."));
                continue;
            }

            var period = row.Period.Code;
            if (!seen.Add((indicatorId, period, row.AreaCode, row.Gender)))
            {
                rejected.Add(new SourceProblem(null, null,
                    $"Dubblett: {row.IndicatorCode} {row.Period.SwedishName} område {row.AreaCode} kön {row.Gender} kom mer än en gång; den första behölls."));
                continue;
            }

            resolved.Add(new IncomingObservation(indicatorId, period, row.AreaCode, row.Gender, row.Value, row.Status));
        }

        return (resolved, rejected);
    }
}
