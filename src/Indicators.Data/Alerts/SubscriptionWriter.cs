using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Alerts;

/// <summary>What the audit log records of a subscription: never the webhook address, only whether there is one.</summary>
public sealed record SubscriptionState(int Id, string UserName, string TargetKind, int TargetId, string Events, bool ByEmail, bool HasWebhook, bool Digest);

/// <summary>The subscription table's writes, each with its audit entry.</summary>
static class SubscriptionWriter
{
    static readonly AuditedTable<SubscriptionState> Table = new("subscription", """
        select s.id, u.user_name, s.target_kind, s.target_id, array_to_string(s.events, ',') as events, s.by_email,
               s.webhook_url_encrypted is not null as has_webhook, s.digest
        from subscription s join app_user u on u.id = s.user_id
        where s.id = @Id
        """, "Bevakningen");

    public static Task<int> InsertAsync(AuditedEdit edit, int userId, SubscriptionDraft draft, byte[]? webhook) =>
        Table.InsertAsync<int>(edit, """
            insert into subscription (user_id, target_kind, target_id, events, by_email, webhook_url_encrypted, digest)
            values (@UserId, @TargetKind, @TargetId, @Events, @ByEmail, @Webhook, @Digest)
            returning id
            """,
            new { UserId = userId, draft.TargetKind, draft.TargetId, Events = draft.Events.Distinct().ToArray(), draft.ByEmail, Webhook = webhook, draft.Digest },
            new Unique("subscription_user_id_target_kind_target_id_key",
                () => new InvalidEditException("Target", "Du bevakar redan det här. Ta bort den gamla bevakningen först om du vill ändra den.")));

    /// <summary>Deletes the subscription when it belongs to <paramref name="userId"/>; false when it does not (or is gone).</summary>
    public static async Task<bool> DeleteAsync(AuditedEdit edit, int id, int userId)
    {
        if (await edit.ScalarAsync<int?>("select id from subscription where id = @Id and user_id = @UserId", new { Id = id, UserId = userId }) is null)
        {
            return false;
        }

        await Table.DeleteAsync(edit, id, "delete from subscription where id = @Id and user_id = @UserId", new { Id = id, UserId = userId });
        return true;
    }
}
