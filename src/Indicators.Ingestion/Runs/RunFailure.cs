using Indicators.Data;
using Indicators.Ingestion.Sources;

namespace Indicators.Ingestion.Runs;

/// <summary>Why a run failed, in the words its page shows: the real cause, not a guess made later by someone else.</summary>
static class RunFailure
{
    public const string DatabaseLost =
        "Körningen avbröts: förbindelsen med databasen bröts (databasen startades om eller stängde anslutningen). Inget av körningen sparades.";

    public const string ShutDown = "Körningen avbröts: processen som körde den stängdes av. Inget av körningen sparades.";

    /// <summary>For Hangfire's record only: a run that could not start has no row of its own.</summary>
    public const string CouldNotStart = "Körningen kunde inte starta: förbindelsen med databasen bröts eller gick inte att få.";

    /// <summary>Said of a run by the sweep or by the source's next run, which cannot know more than that the run's process went quiet.</summary>
    public const string Abandoned =
        "Körningen avbröts: processen som körde den slutade svara (den stoppades eller tappade förbindelsen med databasen). Inget av körningen sparades.";

    /// <summary>Stored instead when even the sanitised message could not be (it should not happen; the log has the cause).</summary>
    public const string Unrecordable = "Körningen misslyckades; orsaken gick inte att spara (se loggen).";

    /// <summary>
    /// A failure of the source itself (unreachable, bad answer, bad file), recorded on its run: expected in daily
    /// operation, so logged as a warning without a stack trace, and not a failed Hangfire job (<see cref="Scheduling.SourceJobs"/>).
    /// </summary>
    public static bool IsExpected(Exception exception) => exception is SourceReadException;

    /// <summary>The failure as the run records it, and whether it was the database going away (then it is worth retrying).</summary>
    public static (string Message, bool DatabaseLost) Of(Exception exception, bool lockLost, CancellationToken jobToken) =>
        exception switch
        {
            RunInterruptedException => (RunMessage.Sanitize(exception.Message), true),
            _ when lockLost || DatabaseFaults.IsConnectionLoss(exception) => (DatabaseLost, true),
            OperationCanceledException when jobToken.IsCancellationRequested => (ShutDown, false),
            SourceReadException => (RunMessage.Sanitize(exception.Message), false),
            _ => (RunMessage.Sanitize($"Körningen misslyckades: {exception.GetType().Name}: {exception.Message}"), false),
        };
}
