using System.Buffers;
using System.Net;
using Polly;

namespace Indicators.Ingestion.Sources;

/// <summary>A response body in a pooled buffer: one rental per page, not per row.</summary>
sealed class PooledBody(byte[] buffer, int length) : IDisposable
{
    byte[]? buffer = buffer;

    public ReadOnlySpan<byte> Span => Memory.Span;

    public ReadOnlyMemory<byte> Memory => (buffer ?? throw new ObjectDisposedException(nameof(PooledBody))).AsMemory(0, length);

    public void Dispose()
    {
        if (buffer is { } rented)
        {
            buffer = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

/// <summary>
/// One call to a source after the resilience pipeline has done its retries: what still fails becomes a
/// <see cref="SourceReadException"/> in Swedish naming the source and the URL (summarised, <see cref="SourceUrl"/>). The caller's cancellation passes through.
/// </summary>
static class SourceHttpCall
{
    public static async Task<PooledBody> SendAsync(
        HttpClient http,
        Func<HttpRequestMessage> createRequest,
        string sourceName,
        Func<HttpStatusCode, Uri, string?> explainStatus,
        CancellationToken cancellationToken)
    {
        using var request = createRequest();
        var address = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute : new Uri(http.BaseAddress!, request.RequestUri!);
        var url = SourceUrl.Summary(address);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new SourceReadException($"{sourceName} svarade inte i tid ({url}), inte heller efter {SourceHttp.MaxRetryAttempts} nya försök.", e);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException e)
        {
            throw new SourceReadException($"{sourceName} har svarat med fel för många gånger i rad; nya anrop pausas en stund ({url}).", e);
        }
        catch (ExecutionRejectedException e)
        {
            throw new SourceReadException($"Anropet till {sourceName} avvisades innan det skickades ({url}): {e.Message}", e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new SourceReadException(
                $"Kunde inte nå {sourceName} ({url}), inte heller efter {SourceHttp.MaxRetryAttempts} nya försök: servern svarar inte eller datorn saknar internetanslutning. "
                + "Inget av det som redan finns sparat ändrades.", e);
        }
        catch (HttpRequestException e)
        {
            throw new SourceReadException($"Kunde inte läsa svaret från {sourceName} ({url}), inte heller efter {SourceHttp.MaxRetryAttempts} nya försök: {e.Message}", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var explained = explainStatus(response.StatusCode, address);
                throw new SourceReadException(explained ?? (status is 429 or >= 500 or 408
                    ? $"{sourceName} svarade {status} ({response.ReasonPhrase}) för {url}, även efter {SourceHttp.MaxRetryAttempts} nya försök."
                    : $"{sourceName} svarade {status} ({response.ReasonPhrase}) för {url}."));
            }

            // The body is already buffered by BufferContentHandler; copying it into a pooled array costs no network time.
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var length = checked((int)(response.Content.Headers.ContentLength ?? stream.Length));
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            try
            {
                await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
            }
            catch (Exception e) when (e is IOException or EndOfStreamException)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw new SourceReadException($"Svaret från {sourceName} ({url}) tog slut i förtid.", e);
            }

            return new PooledBody(buffer, length);
        }
    }
}
