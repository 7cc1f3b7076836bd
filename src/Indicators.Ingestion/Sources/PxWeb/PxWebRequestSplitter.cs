namespace Indicators.Ingestion.Sources.PxWeb;

/// <summary>
/// Cuts a selection whose cell count (the product of the selected values) exceeds the host's maxDataCells into several,
/// first along time, then along region. Expressions such as "*" or "TOP(2)" cannot be counted here; such a selection
/// is sent whole and SCB's 403 explains if it is too big.
/// </summary>
static class PxWebRequestSplitter
{
    public static IReadOnlyList<IReadOnlyList<PxWebSelection>> Split(PxWebQuery query, int maxDataCells)
    {
        var selection = query.Selection;
        if (maxDataCells <= 0 || selection.Any(s => s.ValueCodes.Any(IsExpression)))
        {
            return [selection];
        }

        var cells = selection.Aggregate(1L, (product, s) => product * s.ValueCodes.Count);
        if (cells <= maxDataCells)
        {
            return [selection];
        }

        var time = Find(selection, query.TimeVariable);
        var region = Find(selection, query.RegionVariable);
        var perRegionAndTime = cells / ((long)time.ValueCodes.Count * region.ValueCodes.Count);
        if (perRegionAndTime > maxDataCells)
        {
            throw new SourceReadException(
                $"Frågan mot SCB-tabell {query.TableId} ger {cells} celler och kan inte delas under gränsen {maxDataCells}: "
                + $"redan en region och en tidpunkt ger {perRegionAndTime} celler. Välj färre värden.");
        }

        var timesPerRequest = maxDataCells / (perRegionAndTime * region.ValueCodes.Count);
        var (timeChunk, regionChunk) = timesPerRequest >= 1
            ? ((int)Math.Min(timesPerRequest, time.ValueCodes.Count), region.ValueCodes.Count)
            : (1, (int)(maxDataCells / perRegionAndTime));

        var requests = new List<IReadOnlyList<PxWebSelection>>();
        foreach (var times in time.ValueCodes.Chunk(timeChunk))
        {
            foreach (var regions in region.ValueCodes.Chunk(regionChunk))
            {
                requests.Add(selection.Select(s =>
                    ReferenceEquals(s, time) ? s with { ValueCodes = times }
                    : ReferenceEquals(s, region) ? s with { ValueCodes = regions }
                    : s).ToList());
            }
        }

        return requests;
    }

    static bool IsExpression(string code) => code.Contains('*', StringComparison.Ordinal) || code.Contains('(', StringComparison.Ordinal);

    static PxWebSelection Find(IReadOnlyList<PxWebSelection> selection, string variable) =>
        selection.FirstOrDefault(s => string.Equals(s.VariableCode, variable, StringComparison.Ordinal))
        ?? throw new ArgumentException($"Urvalet saknar variabeln {variable}.", nameof(selection));
}
