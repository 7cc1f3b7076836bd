using Dapper;
using Indicators.Campaign.World;
using Npgsql;

namespace Indicators.Campaign.Phases;

/// <summary>
/// Where a run is, seen from PostgreSQL: the run row's phase and what the worker's sessions are doing. The data
/// transaction's statements (ObservationWriter) tell the writing steps apart: <c>copy observation_staging …</c> is the
/// COPY, the unique index, analyze and merge are the writing, and a transaction that has written everything and waits
/// for its commit (or runs the final update of its run row) is committing.
/// </summary>
public static class KillPoint
{
    public const string Reading = "reading";
    public const string MidCopy = "mid-COPY";
    public const string Writing = "writing";
    public const string Committing = "committing";
    public const string Finished = "finished";

    /// <summary>An aim: a moment chosen at random in the first three seconds.</summary>
    public const string AtRandom = "random";

    public static async Task<string> ObserveAsync(NpgsqlConnection connection, string applicationName, long runId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var sessions = (await connection.QueryAsync<(string? State, string? WaitType, string? Query)>(
            "select state, wait_event_type, left(lower(query), 120) from pg_stat_activity where application_name = @App", new { App = applicationName })).ToList();
        var run = await connection.QuerySingleOrDefaultAsync<(string Status, string Phase)?>("select status, phase from ingestion_run where id = @Run", new { Run = runId });
        if (run is not { Status: "running" } r)
        {
            return Finished;
        }

        bool Any(Func<(string? State, string? WaitType, string? Query), bool> test) => sessions.Any(test);
        if (Any(s => s.State == "active" && s.Query?.StartsWith("copy observation_staging", StringComparison.Ordinal) == true))
        {
            return MidCopy;
        }

        if (Any(s => s.State == "active" && (s.Query?.StartsWith("commit", StringComparison.Ordinal) == true
                || (s.Query?.Contains("update ingestion_run", StringComparison.Ordinal) == true && s.Query.Contains("set status", StringComparison.Ordinal))))
            || Any(s => s.State == "idle in transaction" && s.Query is { } q
                && (q.StartsWith("drop table observation_staging", StringComparison.Ordinal) || q.Contains("source_file", StringComparison.Ordinal))))
        {
            return Committing;
        }

        if (Any(s => s.State is "active" or "idle in transaction" && s.Query is { } q
                && (q.Contains("observation_staging", StringComparison.Ordinal) || q.Contains("with changed as", StringComparison.Ordinal))))
        {
            return Writing;
        }

        return r.Phase == "läser" ? Reading : Writing;
    }

    /// <summary>
    /// Waits until the run is at the aimed point (<see cref="Reading"/> needs the stub's <paramref name="hold"/>;
    /// <see cref="Committing"/> takes a lock on the run's own row with <paramref name="blocker"/>, which the caller closes
    /// after the kill). Returns where the run is when the kill is to come, or <see cref="Finished"/>.
    /// </summary>
    public static async Task<string> WaitForAsync(string aim, Hold? hold, NpgsqlConnection probe, NpgsqlConnection blocker, RunInProcess run, Random random, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        switch (aim)
        {
            case Reading:
                await Task.WhenAny(hold!.Held, Task.Delay(TimeSpan.FromSeconds(60), cancellationToken));
                await Task.Delay(random.Next(200), cancellationToken);
                return await ObserveAsync(probe, run.ApplicationName, run.RunId);
            case AtRandom:
                await Task.Delay(random.Next(3_000), cancellationToken);
                return await ObserveAsync(probe, run.ApplicationName, run.RunId);
            case Committing:
                // Once the run writes, its progress updates and its final update of its own row wait for this lock: the data
                // transaction then holds everything it wrote, uncommitted, until the kill. "No key update", not "update":
                // the outcomes' foreign key to the run row takes a key-share lock, which must not wait.
                while (DateTime.UtcNow < deadline)
                {
                    var now = await ObserveAsync(probe, run.ApplicationName, run.RunId);
                    if (now == Finished)
                    {
                        return now;
                    }

                    if (now != Reading && blocker.State != System.Data.ConnectionState.Open)
                    {
                        await blocker.OpenAsync(cancellationToken);
                        await blocker.ExecuteAsync("begin; select 1 from ingestion_run where id = @Run for no key update", new { Run = run.RunId });
                    }

                    if (now == Committing || (blocker.State == System.Data.ConnectionState.Open && await WaitsForBlockerAsync(probe, run.ApplicationName)))
                    {
                        return Committing;
                    }

                    await Task.Delay(5, cancellationToken);
                }

                return await ObserveAsync(probe, run.ApplicationName, run.RunId);
            default:
                while (DateTime.UtcNow < deadline)
                {
                    var now = await ObserveAsync(probe, run.ApplicationName, run.RunId);
                    if (now == aim || now == Finished || (aim == MidCopy && now is Writing or Committing && await PastCopyAsync(probe, run.ApplicationName)))
                    {
                        return now;
                    }

                    await Task.Delay(2, cancellationToken);
                }

                return await ObserveAsync(probe, run.ApplicationName, run.RunId);
        }
    }

    /// <summary>The final update of the run row, waiting for the campaign's lock: all data written, commit pending.</summary>
    static Task<bool> WaitsForBlockerAsync(NpgsqlConnection probe, string applicationName) => probe.ExecuteScalarAsync<bool>("""
        select exists (select 1 from pg_stat_activity where application_name = @App and wait_event_type = 'Lock'
                       and lower(query) like '%update ingestion_run%set status%')
        """, new { App = applicationName });

    /// <summary>The COPY was missed: the merge or later is under way.</summary>
    static Task<bool> PastCopyAsync(NpgsqlConnection probe, string applicationName) => probe.ExecuteScalarAsync<bool>("""
        select exists (select 1 from pg_stat_activity where application_name = @App
                       and (lower(query) like 'with changed as%' or lower(query) like 'drop table observation_staging%' or lower(query) like 'analyze observation_staging%'))
        """, new { App = applicationName });

}
