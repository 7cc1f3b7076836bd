using Dapper;
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
}
