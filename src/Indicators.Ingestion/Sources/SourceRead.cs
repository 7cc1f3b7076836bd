using Indicators.Core.Formatting;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Npgsql;

namespace Indicators.Ingestion.Sources;

/// <summary>
/// One outcome as a source delivers it, in the source's own codes: <see cref="IndicatorCode"/> is the KPI id (Kolada),
/// the content code (PxWeb) or the file's indicator column; <see cref="AreaCode"/> is our area id (Kolada ids: "0022",
/// "0000" = riket) after the source's own region mapping. The runner resolves the indicator code to an indicator.
/// A row without a usable value has <see cref="Value"/> null and a <see cref="Status"/> other than Ok; never 0.
/// </summary>
public sealed record SourceRow(string IndicatorCode, Period Period, string AreaCode, Gender Gender, decimal? Value, ObservationStatus Status);

/// <summary>
/// A rejected row or a warning, in Swedish, naming where: <see cref="Row"/> is the 1-based line of a file (null for API
/// sources), <see cref="Column"/> the column or field. E.g. (Row 14, "värde", "'12,x' är inte ett tal").
/// <para>
/// Reasons quote what a file or an API gave, which may hold characters PostgreSQL cannot store (a NUL makes the run's
/// jsonb problems fail at commit) or that break a line. Every source's problems pass through here, so they are made
/// printable here, once (<see cref="StorableText.Printable"/>): a quoted NUL shows as ␀.
/// </para>
/// </summary>
public sealed record SourceProblem(int? Row, string? Column, string Reason)
{
    public string? Column { get; init => field = StorableText.Printable(value); } = StorableText.Printable(Column);

    public string Reason { get; init => field = StorableText.Printable(value); } = StorableText.Printable(Reason);

    /// <summary>For a file's row: what the cell the problem is about held (its page and CSV show it); null when none.</summary>
    public string? Value { get; init => field = value is null ? null : StorableText.Printable(value); }
}

/// <summary>What a source read: the rows to store, warnings (the run still succeeds, with warnings) and rejected rows.</summary>
public sealed record SourceReadResult(IReadOnlyList<SourceRow> Rows, IReadOnlyList<SourceProblem> Warnings, IReadOnlyList<SourceProblem> Rejected)
{
    public static SourceReadResult Empty { get; } = new([], [], []);

    /// <summary>For a file: the line each of <see cref="Rows"/> was read from, in the same order; null for an API source.</summary>
    public IReadOnlyList<int>? RowLines { get; init; }

    /// <summary>
    /// Work the reader needs done in the run's own transaction, after the observations are written (a file source marks
    /// the files it read as ingested). It commits or rolls back with the observations: a failed run leaves it undone.
    /// </summary>
    public CommitWork? OnCommit { get; init; }
}

/// <summary>Work done inside a run's transaction; <paramref name="runId"/> is the run being written.</summary>
public delegate Task CommitWork(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, CancellationToken cancellationToken);

/// <summary>A source that cannot be read at all (unreachable after retries, malformed response, too many bad rows): the run fails and nothing is stored.</summary>
public class SourceReadException(string message, Exception? inner = null) : Exception(message, inner);
