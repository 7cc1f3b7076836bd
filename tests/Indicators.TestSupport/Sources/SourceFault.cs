namespace Indicators.TestSupport.Sources;

/// <summary>What can go wrong with an answer from an external source, as a stub can make it go wrong.</summary>
public enum SourceFault
{
    /// <summary>429 with Retry-After: 1.</summary>
    TooManyRequests,

    /// <summary>500 with an RFC 7807 body.</summary>
    ServerError,

    /// <summary>503 with an HTML body, as a load balancer sends it.</summary>
    ServiceUnavailable,

    /// <summary>No answer at all, until the client gives up.</summary>
    Timeout,

    /// <summary>The connection is dropped before any answer.</summary>
    ConnectionReset,

    /// <summary>200 announcing the whole body's length, half of it sent, then the connection dropped.</summary>
    TruncatedBody,

    /// <summary>200 with JSON that breaks off in the middle and goes on with garbage.</summary>
    MalformedJson,

    /// <summary>200 with no body at all.</summary>
    EmptyBody,

    /// <summary>200 with text/html: a proxy's sign-in page instead of the API's JSON.</summary>
    WrongContentType,
}

/// <summary>Each fault as a stub answer, and what a client with retries should make of it.</summary>
public static class SourceFaults
{
    public static IReadOnlyList<SourceFault> All { get; } = Enum.GetValues<SourceFault>();

    /// <summary>
    /// The faults a careful client retries (the next attempt may well succeed). A 200 with a body that is not the API's
    /// JSON is not retried: asking again would give the same page, so the run fails at once with its reason.
    /// </summary>
    public static bool IsTransient(SourceFault fault) =>
        fault is SourceFault.TooManyRequests or SourceFault.ServerError or SourceFault.ServiceUnavailable or SourceFault.Timeout
            or SourceFault.ConnectionReset or SourceFault.TruncatedBody;

    /// <summary>The answer that carries the fault, given the healthy answer's JSON body.</summary>
    public static StubResponse Answer(SourceFault fault, string healthyBody)
    {
        ArgumentNullException.ThrowIfNull(healthyBody);
        return fault switch
        {
            SourceFault.TooManyRequests => new StubResponse(429, """{"type": "about:blank", "title": "Too Many Requests", "status": 429}""", "application/problem+json")
            {
                Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
            },
            SourceFault.ServerError => new StubResponse(500, """{"type": "about:blank", "title": "Internal Server Error", "status": 500}""", "application/problem+json"),
            SourceFault.ServiceUnavailable => new StubResponse(503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", "text/html"),
            SourceFault.Timeout => new StubResponse(200, healthyBody) { Hang = true },
            SourceFault.ConnectionReset => new StubResponse(200, healthyBody) { Reset = true },
            SourceFault.TruncatedBody => new StubResponse(200, healthyBody) { TruncateAfter = Math.Max(1, System.Text.Encoding.UTF8.GetByteCount(healthyBody) / 2) },
            SourceFault.MalformedJson => new StubResponse(200, healthyBody[..(healthyBody.Length / 2)] + "\",]}{{ ,"),
            SourceFault.EmptyBody => new StubResponse(200, ""),
            SourceFault.WrongContentType => new StubResponse(200,
                "<!DOCTYPE html><html lang=\"sv\"><head><title>Logga in</title></head><body><form action=\"/proxy\"><input name=\"u\"></form></body></html>",
                "text/html; charset=utf-8"),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
    }

    /// <summary>A short name for reports: "429 Retry-After", "timeout", …</summary>
    public static string Describe(SourceFault fault) => fault switch
    {
        SourceFault.TooManyRequests => "429 Retry-After",
        SourceFault.ServerError => "500",
        SourceFault.ServiceUnavailable => "503",
        SourceFault.Timeout => "timeout",
        SourceFault.ConnectionReset => "connection reset",
        SourceFault.TruncatedBody => "truncated body",
        SourceFault.MalformedJson => "malformed JSON",
        SourceFault.EmptyBody => "empty body",
        SourceFault.WrongContentType => "wrong content type",
        _ => fault.ToString(),
    };
}
