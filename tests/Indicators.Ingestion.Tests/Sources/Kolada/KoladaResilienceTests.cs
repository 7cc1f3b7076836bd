using Indicators.TestSupport;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Kolada;
using Microsoft.Extensions.Time.Testing;

namespace Indicators.Ingestion.Tests.Sources.Kolada;

/// <summary>The resilience pipeline as registered for Kolada, on fake time: delays are asserted, never wall time.</summary>
public class KoladaResilienceTests
{
    const string OnePage = """
        {"values": [{"kpi": "N00001", "period": 2023, "municipality": "0000", "values": [{"gender": "T", "value": 1.0, "status": ""}]}], "next_url": null}
        """;

    static readonly KoladaQuery Query = new(["N00001"], ["0000"], [2023]);

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_then_the_read_succeeds()
    {
        var tooMany = new StubResponse(429, """{"error": "Too Many Requests"}""") { Headers = new Dictionary<string, string> { ["Retry-After"] = "7" } };
        await using var host = new SourceTestHost(await StubServer.StartAsync(tooMany, StubResponse.Json(OnePage)));

        var (result, elapsed) = await host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(Query, CancellationToken.None));

        Assert.Single(result.Rows);
        Assert.Equal(2, host.Server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], host.RetryDelays);
        Assert.True(elapsed >= TimeSpan.FromSeconds(7), $"only {elapsed} of fake time passed");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_is_clamped_to_the_cap()
    {
        var tooMany = new StubResponse(429, "{}") { Headers = new Dictionary<string, string> { ["Retry-After"] = "3600" } };
        await using var host = new SourceTestHost(await StubServer.StartAsync(tooMany, StubResponse.Json(OnePage)));

        var (result, elapsed) = await host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(Query, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Single(result.Rows);
        Assert.Equal([SourceHttp.RetryAfterCap], host.RetryDelays);
        Assert.InRange(elapsed, SourceHttp.RetryAfterCap, TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_500_is_retried_after_an_exponential_backoff_then_the_read_succeeds()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(new StubResponse(500, "oops", "text/plain"), new StubResponse(503, "busy", "text/plain"), StubResponse.Json(OnePage)));

        var (result, elapsed) = await host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(Query, CancellationToken.None));

        Assert.Single(result.Rows);
        Assert.Equal(3, host.Server.Requests.Count);
        var delays = host.RetryDelays;
        Assert.Equal(2, delays.Count);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), SourceHttp.MaxBackoff));
        Assert.True(elapsed >= delays[0] + delays[1], $"{elapsed} of fake time passed, less than the delays {delays[0]} + {delays[1]}");
    }

    [Fact]
    public async Task A_server_error_that_persists_fails_the_read_after_the_retries_with_status_and_URL()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(new StubResponse(502, "bad gateway", "text/plain")));

        var error = await Assert.ThrowsAsync<SourceReadException>(() =>
            host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(Query, CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal(SourceHttp.MaxRetryAttempts + 1, host.Server.Requests.Count);
        Assert.Equal(SourceHttp.MaxRetryAttempts, host.RetryDelays.Count);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
        Assert.Contains(host.Server.Root.Authority + "/v3/data/kpi/…", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attempt_that_outlasts_the_attempt_timeout_is_abandoned_and_retried()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(new StubResponse(200, OnePage) { Hang = true }, StubResponse.Json(OnePage)));

        var (result, elapsed) = await host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(Query, CancellationToken.None));

        Assert.Single(result.Rows);
        Assert.Equal(2, host.Server.Requests.Count);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("TimeoutRejectedException", StringComparison.Ordinal));
        Assert.True(elapsed >= SourceHttp.AttemptTimeout, $"only {elapsed} of fake time passed");
    }

    [Fact]
    public async Task The_Kolada_rate_limiter_lets_five_requests_through_per_second_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        using var limiter = SourceHttp.CreateLimiter(SourceHttp.KoladaRequestsPerSecond, TimeSpan.FromSeconds(1), time);

        var leases = Enumerable.Range(0, 5).Select(_ => limiter.AttemptAcquire()).ToList();
        var queued = limiter.AcquireAsync().AsTask();

        Assert.All(leases, lease => Assert.True(lease.IsAcquired));
        Assert.False(queued.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(queued.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await queued.WaitAsync(TimeSpan.FromSeconds(10))).IsAcquired);
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("600", 60)]
    public void Retry_After_is_honoured_up_to_the_cap(string header, int expectedSeconds)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), SourceHttp.RetryAfter(response, new FakeTimeProvider()));
    }

    [Fact]
    public void A_Retry_After_date_is_measured_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(20));

        Assert.Equal(TimeSpan.FromSeconds(20), SourceHttp.RetryAfter(response, time));
    }
}
