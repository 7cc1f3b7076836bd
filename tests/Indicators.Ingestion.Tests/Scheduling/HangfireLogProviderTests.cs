using Indicators.Ingestion.Scheduling;
using Microsoft.Extensions.Logging;

namespace Indicators.Ingestion.Tests.Scheduling;

public class HangfireLogProviderTests
{
    [Fact]
    public void A_logger_asked_for_after_the_hosts_logger_factory_is_disposed_is_silent_instead_of_failing_the_caller()
    {
        var written = new List<string>();
        var factory = LoggerFactory.Create(logging => logging.AddProvider(new Recording(written)));
        var provider = new HangfireLogProvider(factory);
        provider.GetLogger("Hangfire.Before").Log(Hangfire.Logging.LogLevel.Warn, () => "kept");
        Assert.Equal(["kept"], written);

        factory.Dispose();

        Assert.Throws<ObjectDisposedException>(() => factory.CreateLogger("Hangfire.After"));
        var logger = provider.GetLogger("Hangfire.After");
        Assert.False(logger.Log(Hangfire.Logging.LogLevel.Error, () => "lost", new InvalidOperationException()));
        Assert.Equal(["kept"], written);
    }

    sealed class Recording(List<string> written) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            written.Add(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
