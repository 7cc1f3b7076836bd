using System.Diagnostics;
using System.Globalization;

namespace Indicators.Benchmarks;

/// <summary>One path's figures. Memory is the whole process's, sampled while the path ran (so it includes the replay server).</summary>
sealed record Measurement(string Path, long Rows, TimeSpan Elapsed, long PeakManagedBytes, long PeakWorkingSetBytes)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Path,-8} {Rows,10:N0} rows {Elapsed.TotalSeconds,8:0.00} s {RowsPerSecond,12:N0} rows/s   peak managed {PeakManagedBytes / 1048576.0,7:0} MiB   peak working set {PeakWorkingSetBytes / 1048576.0,7:0} MiB");

    /// <summary>Times an action after a full collection, sampling memory every 10 ms while it runs.</summary>
    public static async Task<Measurement> TakeAsync(string path, Func<Task<long>> run)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long peakManaged = GC.GetTotalMemory(false);
        long peakWorkingSet = Environment.WorkingSet;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
                    peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var clock = Stopwatch.StartNew();
        long rows;
        try
        {
            rows = await run();
        }
        finally
        {
            clock.Stop();
            await stop.CancelAsync();
            await sampler;
        }

        return new Measurement(path, rows, clock.Elapsed, Math.Max(peakManaged, GC.GetTotalMemory(false)), Math.Max(peakWorkingSet, Environment.WorkingSet));
    }
}
