using Indicators.TestSupport;
using System.Collections.Concurrent;
using Indicators.Ingestion.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Indicators.Ingestion.Tests.Sources;

/// <summary>
/// The source clients as production registers them (<see cref="SourceHttp.AddIndicatorsSourceClients"/>), pointed at a
/// stub server, with a <see cref="FakeTimeProvider"/> in DI so every Polly delay and timeout runs on fake time.
/// </summary>
public sealed class SourceTestHost : IAsyncDisposable
{
    readonly ServiceProvider services;

    public SourceTestHost(StubServer server)
    {
        Server = server;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:Kolada:BaseUrl"] = server.Url("v3"),
            ["Sources:PxWeb:BaseUrl"] = server.Url("api/v2"),
        }).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        collection.AddIndicatorsSourceClients(configuration);
        services = collection.BuildServiceProvider();
    }

    public StubServer Server { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));

    public RecordingLoggerProvider Logs { get; } = new();

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>The retry delays the pipeline chose, as logged by its OnRetry.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => Logs.Entries
        .Select(e => e.State.FirstOrDefault(p => p.Key == "RetryDelay").Value)
        .OfType<TimeSpan>()
        .ToList();

    /// <summary>
    /// Runs the call while moving fake time forward in small steps whenever the stub is not answering, because each
    /// Polly delay is only scheduled after the previous attempt has finished. Returns the fake time that passed.
    /// </summary>
    public async Task<(T Result, TimeSpan Elapsed)> RunAsync<T>(Func<Task<T>> call, TimeSpan? step = null)
    {
        var start = Time.GetUtcNow();
        var task = call();
        var guard = DateTime.UtcNow.AddSeconds(60);
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(5));
            if (task.IsCompleted)
            {
                break;
            }

            if (!Server.IsBusy)
            {
                Time.Advance(step ?? TimeSpan.FromMilliseconds(250));
            }

            if (DateTime.UtcNow > guard)
            {
                throw new TimeoutException("The call did not finish within 60 s of real time.");
            }
        }

        return (await task, Time.GetUtcNow() - start);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Server.DisposeAsync();
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> State);

public sealed class RecordingLoggerProvider : ILoggerProvider
{
    readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception),
                state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
    }
}
