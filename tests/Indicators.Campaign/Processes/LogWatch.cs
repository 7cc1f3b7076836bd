namespace Indicators.Campaign.Processes;

/// <summary>
/// Finds unhandled exceptions in a process's console log (the default "simple" console format:
/// <c>fail: Category[EventId]</c>). Request-level ones answer a 500 that the campaign counts when it receives it; the
/// others (a Blazor circuit, a hosted service, anything critical) have no answer to count, so they are counted here.
/// Errors Hangfire logs while the database is away are expected during a restart and are not counted; the runs they
/// concern are judged by the stuck rule instead.
/// </summary>
public static class LogWatch
{
    /// <summary>Logged by ASP.NET Core for a request that ended in an unhandled exception (the client sees a 500).</summary>
    static readonly string[] RequestLevel =
    [
        "Microsoft.AspNetCore.Server.Kestrel[13]",
        "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]",
        "Microsoft.AspNetCore.Diagnostics.DeveloperExceptionPageMiddleware[1]",
    ];

    /// <summary>Unhandled with nobody to tell: a crashed circuit, a hosted service that stopped.</summary>
    static readonly string[] Unanswered =
    [
        "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost[111]",
        "Microsoft.Extensions.Hosting.Internal.Host[9]",
        "Microsoft.Extensions.Hosting.Internal.Host[10]",
        "Microsoft.Extensions.Hosting.Internal.Host[11]",
    ];

    public enum Finding
    {
        None,
        RequestException,
        UnansweredException,
    }

    public static Finding Classify(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.StartsWith("crit: ", StringComparison.Ordinal))
        {
            return Finding.UnansweredException;
        }

        if (!line.StartsWith("fail: ", StringComparison.Ordinal))
        {
            return Finding.None;
        }

        var category = line[6..].Trim();
        if (RequestLevel.Any(c => category.StartsWith(c, StringComparison.Ordinal)))
        {
            return Finding.RequestException;
        }

        return Unanswered.Any(c => category.StartsWith(c, StringComparison.Ordinal)) ? Finding.UnansweredException : Finding.None;
    }
}
