namespace Indicators.Core.Sources;

/// <summary>
/// Where a run of a source stands: running until it ends, then succeeded, succeeded with warnings (rows rejected or
/// warnings given, the good rows kept) or failed (nothing written). A closed set; the database holds each as its text
/// (<see cref="RunStates.Text"/>, the words its check constraint allows).
/// </summary>
public enum RunState
{
    Running,
    Succeeded,
    SucceededWithWarnings,
    Failed,
}

/// <summary>The run states' database texts ("running", "succeeded", "succeeded_with_warnings", "failed") and back.</summary>
public static class RunStates
{
    public static string Text(this RunState state) => state switch
    {
        RunState.Running => "running",
        RunState.Succeeded => "succeeded",
        RunState.SucceededWithWarnings => "succeeded_with_warnings",
        RunState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The state a stored text names, or null (a source that has not run has none).</summary>
    public static RunState? Parse(string? text) =>
        Enum.GetValues<RunState>().Where(s => s.Text() == text).Select(s => (RunState?)s).FirstOrDefault();

    /// <summary>Whether <paramref name="text"/> is the stored text of <paramref name="state"/>.</summary>
    public static bool Is(this string? text, RunState state) => text == state.Text();
}
