using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Sources.PxWeb;

/// <summary>
/// Reads a PxWeb (SCB) source: the whole selection every time — PxWeb has no "changed since", and the merge leaves
/// unchanged values untouched, so an incremental run and a full refresh are the same read.
/// </summary>
public sealed class PxWebSourceReader(PxWebClient client, SourceQueries sources) : ISourceReader
{
    public SourceKind Kind => SourceKind.PxWeb;

    public async Task<SourceReadResult> ReadAsync(
        SourceDefinition source, RunMode mode, DateTimeOffset? lastSuccess, IProgress<ReadProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(progress);
        var settings = PxWebSettings.Parse(source.Settings, source.Name);
        var indicators = await sources.IndicatorsOfAsync(source.Id, cancellationToken);
        var query = settings.ToQuery(source.Name, indicators.Select(i => i.Code).ToList());
        var read = await client.ReadAsync(query, cancellationToken);
        progress.Report(new ReadProgress(read.Rows.Count + read.Rejected.Count));
        return read;
    }
}
