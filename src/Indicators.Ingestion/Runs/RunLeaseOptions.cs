using Microsoft.Extensions.Options;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// How a running run shows it is alive, and how soon the others give up on it (configuration section Ingestion:Runs).
/// The process running a run renews the run's lease every <see cref="HeartbeatInterval"/>, for <see cref="Lease"/>;
/// every Web and Worker process sweeps every <see cref="SweepInterval"/> for runs whose lease has run out and whose
/// source lock nobody holds. With the defaults a run whose process died is marked failed within 30 + 10 seconds.
/// </summary>
public sealed class RunLeaseOptions
{
    public const string Section = "Ingestion:Runs";

    /// <summary>How often a running run renews its lease (and notices whether its lock session is still there).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a renewal lasts: several heartbeats, so that one slow write does not let it run out.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each process looks for runs whose lease has run out; zero or less turns the sweep off in that process.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a run that failed because its database went away keeps trying to record why, on new connections, while
    /// the database comes back. After that the sweep records it, without the cause.
    /// </summary>
    public TimeSpan FailureRecordingTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Null when the settings hold together, else what is wrong (for the start-up check).</summary>
    public string? Problem() =>
        HeartbeatInterval <= TimeSpan.Zero ? $"{Section}:HeartbeatInterval must be positive."
        : Lease < 2 * HeartbeatInterval ? $"{Section}:Lease ({Lease}) must be at least twice HeartbeatInterval ({HeartbeatInterval})."
        : FailureRecordingTimeout < TimeSpan.Zero ? $"{Section}:FailureRecordingTimeout must not be negative."
        : null;
}

/// <summary>Refuses settings that do not hold together at start, with what is wrong.</summary>
sealed class RunLeaseOptionsValidation : IValidateOptions<RunLeaseOptions>
{
    public ValidateOptionsResult Validate(string? name, RunLeaseOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
