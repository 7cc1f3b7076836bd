namespace Indicators.Ingestion.Sources;

/// <summary>
/// Sits inside the resilience handler and reads the whole body there, so a body that stalls or ends early counts against
/// the attempt timeout and is retried like any other transient failure, instead of failing later outside the pipeline.
/// </summary>
sealed class BufferContentHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}
