using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// In every Web and Worker process: every <see cref="RunLeaseOptions.SweepInterval"/>, marks failed the runs whose
/// process has gone (see <see cref="AbandonedRuns"/>), so that such a run ends within a minute rather than at its
/// source's next run, and its page offers "Försök igen". A database that cannot be reached is tried again next time.
/// </summary>
sealed class AbandonedRunSweeper(NpgsqlDataSource dataSource, IOptions<RunLeaseOptions> options, ILogger<AbandonedRunSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                foreach (var runId in await AbandonedRuns.SweepAsync(connection, stoppingToken))
                {
                    logger.LogWarning("Run {RunId} was left running by a process that stopped renewing its lease; marked failed", runId);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database that is down or restarting must not stop the sweep for good; the runs wait for the next one.
                logger.LogWarning(e, "Sweeping for abandoned runs failed; trying again in {Interval}", interval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
