namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// Reads another stream and throws the given exception as soon as more than <paramref name="limit"/> bytes come out of
/// it: a zip entry that unpacks to more than its directory declared is stopped there, however much more it holds.
/// </summary>
internal sealed class BoundedStream(Stream inner, long limit, Func<Exception> tooLong) : Stream
{
    long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = inner.Read(buffer);
        read += count;
        return read > limit ? throw tooLong() : count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
