using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Indicators.Ingestion.Scheduling;

/// <summary>
/// Hangfire's loggers from this host's logger factory, but never an exception once that factory is disposed. Hangfire keeps
/// its log provider in a process-wide static, and creates some loggers lazily (a job method's retry attribute, the first
/// time a job of that method is enqueued). When a second host in the same process (a test server, a restarted host)
/// enqueues after the first one was disposed, Hangfire's default provider asks the disposed factory and the enqueue fails
/// (HangfireIO/Hangfire #1099, #2147). A logger that cannot be created is silent instead.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    sealed class Silent : ILog
    {
        public static Silent Instance { get; } = new();

        // Returning false for a null message is how LibLog asks whether a level is enabled.
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
