namespace Indicators.Ingestion.Runs;

/// <summary>
/// Counts rows as the writer consumes them (its binary COPY enumerates them one by one), so the run can show how many
/// are written without the writer knowing about progress.
/// </summary>
static class ProgressCounting
{
    /// <summary>How many rows pass between two reports; the recorder throttles the writes further.</summary>
    const int Every = 500;

    public static IEnumerable<T> Count<T>(IEnumerable<T> rows, Action<int> report)
    {
        var done = 0;
        foreach (var row in rows)
        {
            yield return row;
            if (++done % Every == 0)
            {
                report(done);
            }
        }

        report(done);
    }
}
