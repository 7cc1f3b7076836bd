using Dapper;
using Hangfire;
using Indicators.Core.Formatting;
using Indicators.Data.Alerts;
using Indicators.Data.Protection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Indicators.Ingestion.Alerts;

/// <summary>
/// Sends deliveries, never one twice. A send first claims its delivery (pending → sending, committed on its own), then
/// sends, then marks it sent; a second job for the same delivery finds it claimed or sent and does nothing. When the
/// mail server or webhook accepted a message but the mark could not be written (the database restarted, the process was
/// killed), the delivery stays 'sending' and is not sent again: it may have gone out, and twice is worse than once
/// unknown (the scan marks it failed after an hour, saying so). A send that failed is released for Hangfire to retry;
/// after <see cref="MaxAttempts"/> it is marked failed. Nothing here touches a run.
/// </summary>
public sealed class AlertSender(
    NpgsqlDataSource dataSource, MailTransport mail, WebhookPoster webhooks, WebhookPolicy webhookPolicy, SecretProtector secrets,
    UnsubscribeTokens tokens, IOptions<NotificationOptions> options, ILogger<AlertSender> logger)
{
    public const int MaxAttempts = 5;

    const string ItemColumns = """
        d.id, d.channel, d.subscription_id, e.title, e.body, e.link, s.webhook_url_encrypted, u.email, u.display_name
        from claimed d
        join alert_event e on e.id = d.event_id
        join subscription s on s.id = d.subscription_id
        join app_user u on u.id = d.user_id
        """;

    [Queue("default")]
    [AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = [30, 120, 600, 1800], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task SendAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var rows = await ClaimAsync("id = @Id and not digest", new { Id = deliveryId }, cancellationToken);
        if (rows.Count == 0)
        {
            return; // Sent already, being sent by another job, or its subscription is gone.
        }

        var row = rows[0];
        try
        {
            var item = Item(row);
            if (row.Channel == "webhook")
            {
                await webhooks.PostAsync(WebhookUrl(row), item, cancellationToken);
            }
            else
            {
                await mail.SendAsync(row.Email ?? "", row.DisplayName, new AlertMessage(row.Title, [item]), cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (await ReleaseAsync([deliveryId], e, permanent: e is AlertSendException { Permanent: true }) == "pending")
            {
                throw new AlertSendException(Safe(e));
            }

            return;
        }

        await MarkSentAsync([deliveryId]);
    }

    /// <summary>The daily digest: per user, every pending digest e-mail delivery in one message, claimed as one.</summary>
    [Queue("default")]
    [AutomaticRetry(Attempts = 0)]
    public async Task SendDigestsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<int> users;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            users = (await connection.QueryAsync<int>(new CommandDefinition(
                "select distinct user_id from alert_delivery where state = 'pending' and digest", cancellationToken: cancellationToken))).AsList();
        }

        foreach (var userId in users)
        {
            await SendDigestAsync(userId, cancellationToken);
        }
    }

    async Task SendDigestAsync(int userId, CancellationToken cancellationToken)
    {
        var rows = await ClaimAsync("user_id = @UserId and digest", new { UserId = userId }, cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }

        var ids = rows.Select(r => r.Id).ToArray();
        try
        {
            var subject = $"Indicators: {SwedishFormat.Count(rows.Count, "händelse", "händelser")} att känna till";
            await mail.SendAsync(rows[0].Email ?? "", rows[0].DisplayName, new AlertMessage(subject, [.. rows.Select(Item)]), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(ids, e);
            return; // The next digest tries again, until the attempts run out.
        }

        await MarkSentAsync(ids);
    }

    /// <summary>Claims the pending deliveries <paramref name="where"/> names (pending → sending, one committed statement) and reads them.</summary>
    async Task<List<DeliveryRow>> ClaimAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        var sql = $"""
            with claimed as (
                update alert_delivery set state = 'sending', claimed_at = now(), attempts = attempts + 1
                where state = 'pending' and {where}
                returning *)
            select {ItemColumns}
            order by d.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<DeliveryRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    Task<int> MarkSentAsync(long[] ids) => PersistentlyAsync(connection => connection.ExecuteAsync(
        "update alert_delivery set state = 'sent', sent_at = now(), last_error = null where id = any(@Ids) and state = 'sending'", new { Ids = ids }));

    /// <summary>
    /// A write after a send, which must land even when the database is restarting: tried for a minute. If it never
    /// lands, the delivery stays 'sending' (never sent twice; the scan marks it failed later).
    /// </summary>
    async Task<T> PersistentlyAsync<T>(Func<NpgsqlConnection, Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                return await write(connection);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>A send that failed: released to pending for a retry while attempts remain (and a retry can help), else failed; returns the state.</summary>
    async Task<string?> ReleaseAsync(long[] ids, Exception e, bool permanent = false)
    {
        var error = Safe(e);
        logger.LogWarning("Alert deliveries {Ids} could not be sent: {Error}", string.Join(",", ids), error);
        return await PersistentlyAsync(connection => connection.ExecuteScalarAsync<string?>("""
            update alert_delivery set last_error = @Error, state = case when @Permanent or attempts >= @MaxAttempts then 'failed' else 'pending' end
            where id = any(@Ids) and state = 'sending'
            returning state
            """, new { Ids = ids, Error = error, MaxAttempts, Permanent = permanent }));
    }

    AlertMessageItem Item(DeliveryRow row) => new(row.Title, row.Body, options.Value.Link(row.Link),
        options.Value.Link("/bevakningar/avsluta?t=" + tokens.For(row.SubscriptionId)));

    string WebhookUrl(DeliveryRow row)
    {
        try
        {
            var url = secrets.Unprotect(row.WebhookUrlEncrypted ?? throw new AlertSendException("Bevakningen har ingen webhook längre.", permanent: true));
            // Checked again: the subscription may have been saved under an older list (or before there was one).
            return webhookPolicy.Check(url) is { } refused ? throw new AlertSendException(refused, permanent: true) : url;
        }
        catch (InvalidOperationException e)
        {
            throw new AlertSendException("Webhookadressen kan inte dekrypteras (nyckeln saknas); ange den på nytt.", e);
        }
    }

    /// <summary>An error to store and log: no addresses (a webhook's path is its secret), a bounded length.</summary>
    static string Safe(Exception e) => AlertTexts.Shortened(e is AlertSendException ? e.Message : $"{e.GetType().Name}: {e.Message}");

    sealed record DeliveryRow(long Id, string Channel, int SubscriptionId, string Title, string Body, string Link, byte[]? WebhookUrlEncrypted, string? Email, string DisplayName);
}
