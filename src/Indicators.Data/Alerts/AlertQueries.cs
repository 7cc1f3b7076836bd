using Dapper;
using Indicators.Core.Organisations;
using Npgsql;

namespace Indicators.Data.Alerts;

/// <summary>One of the user's subscriptions, with the name of what it follows.</summary>
public sealed record SubscriptionRow(int Id, string TargetKind, int TargetId, string TargetName, string EventList, bool ByEmail, bool HasWebhook, bool Digest)
{
    /// <summary>The kinds of event it follows (stored as a text array; read as one comma-separated text).</summary>
    public string[] Events => EventList.Split(',');
}

/// <summary>An event in the user's in-app list.</summary>
public sealed record InboxItem(long DeliveryId, string Kind, string Title, string Body, string Link, DateTime OccurredAt);

/// <summary>Something that can be followed, for the form's list.</summary>
public sealed record AlertTargetChoice(int Id, string Name);

/// <summary>Reads the Bevakningar page: always for the signed-in user only.</summary>
public sealed class AlertQueries(NpgsqlDataSource dataSource)
{
    const string TargetName = """
        case s.target_kind
            when 'source' then (select name from source where id = s.target_id)
            when 'indicator' then (select code || ' ' || name from indicator where id = s.target_id)
            when 'goal' then (select code || ' ' || name from goal where id = s.target_id)
            else (select name from committee where id = s.target_id) end
        """;

    public async Task<IReadOnlyList<SubscriptionRow>> SubscriptionsAsync(string userName, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            select s.id, s.target_kind, s.target_id, coalesce({TargetName}, '(borttagen)') as target_name, array_to_string(s.events, ',') as event_list, s.by_email,
                   s.webhook_url_encrypted is not null as has_webhook, s.digest
            from subscription s join app_user u on u.id = s.user_id
            where lower(u.user_name) = lower(@UserName)
            order by s.created_at, s.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(sql, new { UserName = userName }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The user's e-mail address; null when the account has none (e-mail cannot be sent then).</summary>
    public async Task<string?> EmailAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select nullif(trim(email), '') from app_user where lower(user_name) = lower(@UserName)", new { UserName = userName }, cancellationToken: cancellationToken));
    }

    /// <summary>What a subscription follows, for the unsubscribe page; null when it is gone.</summary>
    public async Task<SubscriptionRow?> SubscriptionAsync(int subscriptionId, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            select s.id, s.target_kind, s.target_id, coalesce({TargetName}, '(borttagen)') as target_name, array_to_string(s.events, ',') as event_list, s.by_email,
                   s.webhook_url_encrypted is not null as has_webhook, s.digest
            from subscription s where s.id = @Id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(sql, new { Id = subscriptionId }, cancellationToken: cancellationToken));
    }

    /// <summary>The user's latest events, newest first.</summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(string userName, int limit = 50, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select d.id as delivery_id, e.kind, e.title, e.body, e.link, e.occurred_at
            from alert_delivery d
            join alert_event e on e.id = d.event_id
            join app_user u on u.id = d.user_id
            where d.channel = 'app' and lower(u.user_name) = lower(@UserName)
            order by d.id desc
            limit @Limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<InboxItem>(new CommandDefinition(sql, new { UserName = userName, Limit = limit }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>What can be followed of one kind, by name.</summary>
    /// <summary>What can be subscribed to of a kind, within the reader's organisations (none given: every one; issue 21).</summary>
    public async Task<IReadOnlyList<AlertTargetChoice>> ChoicesAsync(string targetKind, OrganisationScope? organisations = null, CancellationToken cancellationToken = default)
    {
        static string Allowed(string column) => $"(@Organisations::text[] is null or {column} = any(@Organisations))";
        var sql = targetKind switch
        {
            AlertTargets.Source => "select id, name from source order by name, id",
            AlertTargets.Indicator => $"select id, code || ' ' || name as name from indicator where {Allowed("area_id")} order by code, id",
            AlertTargets.Goal => "select g.id, g.code || ' ' || g.name as name from goal g join goal_area ga on ga.id = g.goal_area_id "
                + "join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id "
                + $"where {Allowed("p.area_id")} order by g.code, g.id",
            AlertTargets.Committee => $"select id, name from committee where {Allowed("area_id")} order by name, id",
            _ => throw new ArgumentOutOfRangeException(nameof(targetKind), targetKind, null),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AlertTargetChoice>(new CommandDefinition(sql, new { Organisations = organisations?.SqlParameter },
            cancellationToken: cancellationToken))).AsList();
    }
}
