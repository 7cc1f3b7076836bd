using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>
/// A local account's sign-in attempts: counted before the password is checked, the account locked after
/// <see cref="MaxFailedSignIns"/> failures in a row, and each checked attempt's outcome audited on the account.
/// </summary>
public sealed class SignInAttempts(NpgsqlDataSource dataSource)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Counts a sign-in attempt at an active local account before its password is checked, in one atomic UPDATE: the
    /// attempt may be checked only while the account is not locked and this is at most the
    /// <see cref="MaxFailedSignIns"/>th attempt since the last success. The attempt that reaches the limit locks the
    /// account for <see cref="LockoutDuration"/> (a right password then unlocks it through <see cref="RecordSuccessAsync"/>);
    /// an expired lock starts a new count. Parallel attempts queue on the row, so no more than the limit are ever checked.
    /// Null when no active account with a password has the name.
    /// </summary>
    public async Task<SignInAttempt?> BeginAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await AuditedEdit.RunAsync(dataSource, new Actor(userName, null),
            edit => AppUserWriter.CountAttemptAsync(edit, userName, MaxFailedSignIns, LockoutDuration), cancellationToken);
        return user is null ? null : new SignInAttempt(user, user.FailedSignIns, user.FailedSignIns <= MaxFailedSignIns);
    }

    /// <summary>
    /// A checked attempt whose password was wrong, audited on the account (it was counted by
    /// <see cref="BeginAsync"/>, so at most <see cref="MaxFailedSignIns"/> such rows per lockout).
    /// </summary>
    public Task RecordFailureAsync(SignInAttempt attempt, string? remoteIp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return AuditedEdit.RunAsync(dataSource, new Actor(attempt.User.UserName, remoteIp), edit => AppUserWriter.RecordRefusedSignInAsync(
            edit, attempt.User.Id, new { failures = attempt.Number, lockedOut = attempt.Number >= MaxFailedSignIns }), cancellationToken);
    }

    /// <summary>A right password: the account is signed in, audited, and its failed sign-in count starts again.</summary>
    public Task RecordSuccessAsync(AppUser user, string? remoteIp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return AuditedEdit.RunAsync(dataSource, new Actor(user.UserName, remoteIp), async edit =>
        {
            await AppUserWriter.ClearFailedSignInsAsync(edit, user.Id);
            await AppUserWriter.RecordSignInAsync(edit, user.Id);
        }, cancellationToken);
    }

    /// <summary>Clears the failed sign-in count after a right password that signed nobody in (a refused password change).</summary>
    public Task ClearFailuresAsync(int userId, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, new Actor(null, null), edit => AppUserWriter.ClearFailedSignInsAsync(edit, userId), cancellationToken);
}
