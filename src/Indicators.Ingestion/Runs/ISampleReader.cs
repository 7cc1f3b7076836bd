using Indicators.Data.Sources;
using Indicators.Ingestion.Sources;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Runs;

/// <summary>A file an analyst chose to try a source on before saving it; held in memory only, never stored.</summary>
public sealed record SourceSample(string FileName, byte[] Content);

/// <summary>A reader that can read a sample (a file source reads the analyst's sample file as it would read an upload).</summary>
public interface ISampleReader
{
    SourceKind Kind { get; }

    Task<SourceReadResult> ReadSampleAsync(SourceDefinition source, IReadOnlyList<SourceIndicator> indicators, SourceSample sample, CancellationToken cancellationToken);
}
