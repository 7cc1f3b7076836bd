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
/// Sends deliveries. Each send claims its delivery row (<c>for update skip locked</c>, state pending) in a transaction
/// that marks it sent and commits only after the mail server or webhook accepted it: a second job for the same delivery
/// finds it locked or sent and does nothing, so a message goes once per event and recipient. A failed send is rolled
/// back, counted and retried by Hangfire; after <see cref="MaxAttempts"/> the delivery is marked failed. Nothing here
/// touches a run.
/// </summary>
public sealed class AlertSender(
    NpgsqlDataSource dataSource, MailTransport mail, WebhookPoster webhooks, SecretProtector secrets, UnsubscribeTokens tokens,
    IOptions<NotificationOptions> options, ILogger<AlertSender> logger)
{
    public const int MaxAttempts = 5;

    const string ItemColumns = """
        d.id, d.channel, d.subscription_id, e.title, e.body, e.link, s.webhook_url_encrypted, u.email, u.display_name
        from alert_delivery d
        join alert_event e on e.id = d.event_id
        join subscription s on s.id = d.subscription_id
        join app_user u on u.id = d.user_id
        """;

    [Queue("default")]
    [AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = [30, 120, 600, 1800], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task SendAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DeliveryRow>(new CommandDefinition(
            $"select {ItemColumns} where d.id = @Id and d.state = 'pending' and not d.digest for update of d skip locked",
            new { Id = deliveryId }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return; // Sent already, being sent by another job, or its subscription is gone.
        }

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
            await transaction.RollbackAsync(CancellationToken.None);
            if (await FailedAsync([deliveryId], e) == "pending")
            {
                throw new AlertSendException(Safe(e));
            }

            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "update alert_delivery set state = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null where id = @Id",
            new { Id = deliveryId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The daily digest: per user, every pending digest e-mail delivery in one message, claimed as one.</summary>
    [Queue("default")]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DeliveryRow>(new CommandDefinition(
            $"select {ItemColumns} where d.user_id = @UserId and d.state = 'pending' and d.digest order by d.id for update of d skip locked",
            new { UserId = userId }, transaction, cancellationToken: cancellationToken))).AsList();
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
            await transaction.RollbackAsync(CancellationToken.None);
            await FailedAsync(ids, e);
            return; // The next digest tries again, until the attempts run out.
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "update alert_delivery set state = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null where id = any(@Ids)",
            new { Ids = ids }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Counts the failed attempt; returns the delivery's state after it ("pending" while attempts remain).</summary>
    async Task<string?> FailedAsync(long[] ids, Exception e)
    {
        var error = Safe(e);
        logger.LogWarning("Alert deliveries {Ids} could not be sent: {Error}", string.Join(",", ids), error);
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>("""
            update alert_delivery set attempts = attempts + 1, last_error = @Error,
                   state = case when attempts + 1 >= @MaxAttempts then 'failed' else 'pending' end
            where id = any(@Ids) and state = 'pending'
            returning state
            """, new { Ids = ids, Error = error, MaxAttempts });
    }

    AlertMessageItem Item(DeliveryRow row) => new(row.Title, row.Body, options.Value.Link(row.Link),
        options.Value.Link("/bevakningar/avsluta?t=" + tokens.For(row.SubscriptionId)));

    string WebhookUrl(DeliveryRow row)
    {
        try
        {
            return secrets.Unprotect(row.WebhookUrlEncrypted ?? throw new AlertSendException("Bevakningen har ingen webhook längre."));
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
