using Indicators.Data.Sources;
using Indicators.Ingestion.Sources;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Runs;

/// <summary>Incremental runs fetch what changed since the last successful run; a full refresh fetches everything again.</summary>
public enum RunMode
{
    Incremental,
    FullRefresh,
}

/// <summary>Reads one kind of source as its settings say.</summary>
public interface ISourceReader
{
    SourceKind Kind { get; }

    /// <param name="source">The source and its settings.</param>
    /// <param name="mode">Incremental or a full refresh.</param>
    /// <param name="lastSuccess">When the last successful run of this source started; null before the first.</param>
    /// <param name="progress">
    /// Rows read so far (accepted and rejected), reported at least once per page, file or request so the run's row shows
    /// how far it has come; the runner throttles what it writes, so reporting often is cheap.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<SourceReadResult> ReadAsync(
        SourceDefinition source, RunMode mode, DateTimeOffset? lastSuccess, IProgress<ReadProgress> progress, CancellationToken cancellationToken);
}
