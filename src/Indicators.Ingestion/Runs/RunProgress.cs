namespace Indicators.Ingestion.Runs;

/// <summary>
/// What a reader reports while it reads: the rows read so far (accepted and rejected together, the same count that ends
/// up in ingestion_run.rows_read). Readers report at least once per page, file or request; the runner throttles the writes.
/// </summary>
public sealed record ReadProgress(int RowsRead);

/// <summary>The phases a run shows in ingestion_run.phase while it runs.</summary>
public static class RunPhase
{
    public const string Reading = "läser";
    public const string Writing = "skriver";
    public const string Done = "klar";
}

/// <summary>A run's progress as stored on its ingestion_run row.</summary>
public sealed record RunProgress(string Phase, int RowsRead, int RowsDone);
