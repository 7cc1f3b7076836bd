using System.Text.Json;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>
/// Failed sign-ins that no account answers for (an unknown user name, an account refused unchecked while locked, a
/// single sign-on the provider or the token check refused), counted per address and time window instead of written to
/// the audit log one row each: a flood of them would otherwise bury everything else in the log. The first failure of a
/// window is audited at once, with its details; when the window has closed, one more row gives the window's total, the
/// user names tried and the reasons (<see cref="FlushAsync"/>).
/// </summary>
public sealed class SignInFailureCounter(NpgsqlDataSource dataSource)
{
    /// <summary>At most this many distinct user names (and reasons) are kept per window.</summary>
    public const int MaxListed = 20;

    /// <summary>Counts one failure in its window; the window's first is audited at once. Also writes any closed window.</summary>
    public async Task RecordAsync(
        string? remoteIp, string? userName, string source, string reason, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reason);
        const string sql = """
            insert into sign_in_failure_window as w (remote_ip, window_start, window_end, failures, user_names, reasons)
            values (@RemoteIp, @WindowStart, @WindowEnd, 1, case when @UserName::text is null then '{}'::text[] else array[@UserName::text] end, jsonb_build_object(@Reason::text, 1))
            on conflict (remote_ip, window_start) do update
            set failures = w.failures + 1,
                user_names = case when @UserName::text is null or @UserName::text = any (w.user_names) or cardinality(w.user_names) >= @MaxListed
                                  then w.user_names else w.user_names || @UserName::text end,
                reasons = case when w.reasons ->> @Reason::text is not null or (select count(*) from jsonb_object_keys(w.reasons)) < @MaxListed
                               then jsonb_set(w.reasons, array[@Reason::text], to_jsonb(coalesce((w.reasons ->> @Reason::text)::int, 0) + 1))
                               else w.reasons end
            returning failures
            """;
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
        var key = $"{source}:{reason}";
        if (key.Length > 100)
        {
            key = key[..100];
        }

        await AuditedEdit.RunAsync(dataSource, new Actor(Shorten(userName), remoteIp), async edit =>
        {
            var failures = await edit.ScalarAsync<int>(sql, new
            {
                RemoteIp = Address(remoteIp),
                WindowStart = start.UtcDateTime,
                WindowEnd = (start + window).UtcDateTime,
                UserName = Shorten(userName),
                Reason = key,
                MaxListed,
            });
            if (failures == 1)
            {
                await edit.RecordAsync("sign-in-failed", "user", null, null, new { source, reason });
            }
        }, cancellationToken);
        await FlushAsync(now, cancellationToken);
    }

    /// <summary>
    /// Writes every window closed by <paramref name="now"/> that saw more than its first failure as one audit row (user
    /// name empty, the address, and after: failures, from, to, userNames, reasons), and removes it, in one transaction;
    /// safe to run in several processes at once. Returns how many windows were written.
    /// </summary>
    public Task<int> FlushAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, new Actor(null, null), async edit =>
        {
            // Another process flushing at the same moment takes other rows (skip locked), never the same one twice.
            var closed = await edit.ListAsync<WindowRow>("""
                delete from sign_in_failure_window
                where (remote_ip, window_start) in (select remote_ip, window_start from sign_in_failure_window where window_end <= @Now for update skip locked)
                returning remote_ip, window_start, window_end, failures, to_jsonb(user_names)::text as user_names, reasons::text as reasons
                """, new { Now = now.UtcDateTime });
            foreach (var window in closed.Where(w => w.Failures > 1))
            {
                await edit.As(new Actor(null, window.RemoteIp == Unknown ? null : window.RemoteIp)).RecordAsync("sign-in-failed", "user", null, null, new
                {
                    failures = window.Failures,
                    from = DbTime.Utc(window.WindowStart),
                    to = DbTime.Utc(window.WindowEnd),
                    userNames = JsonSerializer.Deserialize<string[]>(window.UserNames),
                    reasons = JsonSerializer.Deserialize<Dictionary<string, int>>(window.Reasons),
                });
            }

            return closed.Count(w => w.Failures > 1);
        }, cancellationToken);

    const string Unknown = "okänd";

    static string Address(string? remoteIp) => string.IsNullOrEmpty(remoteIp) ? Unknown : remoteIp;

    /// <summary>What someone typed as a user name, kept short (it may be anything, even a password typed in the wrong field).</summary>
    static string? Shorten(string? userName) => userName is { Length: > 100 } ? userName[..100] : userName;

    sealed record WindowRow(string RemoteIp, DateTime WindowStart, DateTime WindowEnd, int Failures, string UserNames, string Reasons);
}
