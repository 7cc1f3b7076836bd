using Indicators.Core.Editing;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Organisations;
using Indicators.Data.Protection;
using Npgsql;

namespace Indicators.Data.Alerts;

/// <summary>
/// A user's own subscriptions: created and deleted by that user only (the store checks the owner, not only the page),
/// and ended by an unsubscribe link without signing in. Every change is audited.
/// </summary>
public sealed class SubscriptionEditor(NpgsqlDataSource dataSource, SecretProtector secrets, WebhookPolicy webhooks)
{
    public Task<int> CreateAsync(SubscriptionDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        if (draft.Validate(webhooks) is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        var webhook = string.IsNullOrWhiteSpace(draft.WebhookUrl) ? null : secrets.Protect(draft.WebhookUrl.Trim());
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var userId = await UserIdAsync(edit);
            const string exists = """
                select case @Kind
                    when 'source' then exists (select 1 from source where id = @Id)
                    when 'indicator' then exists (select 1 from indicator where id = @Id)
                    when 'goal' then exists (select 1 from goal where id = @Id)
                    else exists (select 1 from committee where id = @Id) end
                """;
            if (!await edit.ScalarAsync<bool>(exists, new { Kind = draft.TargetKind, Id = draft.TargetId }))
            {
                throw new InvalidEditException("Target", $"{AlertTargets.SwedishName(draft.TargetKind)} finns inte längre. Ladda om sidan.");
            }

            // A limited account follows only its organisations' indicators, mål and nämnder (their names and outcomes reach
            // it by e-mail); sources are installation-wide, as their pages are.
            if (draft.TargetKind == AlertTargets.Source)
            {
                if ((await OrganisationOwnership.ScopeOfAsync(edit)).IsLimited)
                {
                    throw new InvalidEditException("Target", "Källor gäller hela installationen: ett konto som är begränsat till vissa organisationer har inte behörighet att bevaka dem.");
                }
            }
            else
            {
                var kind = draft.TargetKind switch
                {
                    AlertTargets.Indicator => OwnedKind.Indicator,
                    AlertTargets.Goal => OwnedKind.Goal,
                    _ => OwnedKind.Committee,
                };
                await OrganisationOwnership.RequireAllowedAsync(edit, kind, draft.TargetId, "Target");
            }

            return await SubscriptionWriter.InsertAsync(edit, userId, draft with { WebhookUrl = null }, webhook);
        }, cancellationToken);
    }

    /// <summary>Deletes one of the signed-in user's subscriptions; someone else's is refused as if it did not exist.</summary>
    public Task DeleteAsync(int subscriptionId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            if (!await SubscriptionWriter.DeleteAsync(edit, subscriptionId, await UserIdAsync(edit)))
            {
                throw new InvalidEditException("", "Bevakningen finns inte längre. Ladda om sidan.");
            }
        }, cancellationToken);

    /// <summary>
    /// Ends the subscription an unsubscribe link names, recorded as done by its owner from <paramref name="remoteIp"/>.
    /// False when it is already gone (a link used twice).
    /// </summary>
    public Task<bool> UnsubscribeAsync(int subscriptionId, string? remoteIp, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, new Actor(null, remoteIp), async edit =>
        {
            var owner = await edit.SingleOrDefaultAsync<Owner>(
                "select u.id as UserId, u.user_name as UserName from subscription s join app_user u on u.id = s.user_id where s.id = @Id",
                new { Id = subscriptionId });
            return owner is not null
                && await SubscriptionWriter.DeleteAsync(edit.As(new Actor(owner.UserName + " (avregistreringslänk)", remoteIp)), subscriptionId, owner.UserId);
        }, cancellationToken);

    static async Task<int> UserIdAsync(AuditedEdit edit) =>
        await edit.ScalarAsync<int?>("select id from app_user where lower(user_name) = lower(@Name) and is_active", new { Name = edit.Actor.UserName })
            ?? throw new InvalidEditException("", "Ditt konto finns inte eller är inaktiverat. Logga in igen.");

    sealed record Owner(int UserId, string UserName);
}
