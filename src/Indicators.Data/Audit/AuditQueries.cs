using Dapper;
using Npgsql;

namespace Indicators.Data.Audit;

/// <summary>
/// Filters of the audit log; empty means any. <see cref="UserName"/> matches inside the login or the person's name,
/// <see cref="Text"/> inside the before/after values or the object's id. <see cref="From"/> and <see cref="To"/> are
/// instants (the page turns Stockholm dates into them): from inclusive, to exclusive. <see cref="OlderThan"/> is the
/// paging cursor: entries with a smaller id than the last one shown.
/// </summary>
public sealed record AuditFilter(
    string? UserName = null, string? Entity = null, string? Action = null, string? Text = null, int Limit = 200,
    string? EntityId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, long? OlderThan = null);

/// <summary>An entry as the log page reads it; <see cref="DisplayName"/> is null when no account has the login (any more).</summary>
public sealed record AuditRow(
    long Id, DateTime OccurredAt, string? UserName, string Action, string Entity, string? EntityId, string? Before, string? After, string? RemoteIp,
    string? DisplayName = null);

/// <summary>A page of entries, newest first, and the cursor of the next (older) page when there is one.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, long? NextOlderThan);

public sealed class AuditQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Most entries one page or one CSV request reads.</summary>
    public const int MaxLimit = 1000;

    /// <summary>
    /// Newest first. Every filter is a parameter; LIKE wildcards typed by the user match literally. Paging is by key
    /// (<c>id &lt; @OlderThan</c> on the primary key), so a page deep in a large log costs what the first one does.
    /// </summary>
    public async Task<IReadOnlyList<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken cancellationToken = default) =>
        (await PageAsync(filter, cancellationToken)).Rows;

    /// <summary>As <see cref="SearchAsync"/>, with the cursor of the next page (one more row is read to know there is one).</summary>
    public async Task<AuditPage> PageAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        const string sql = """
            select a.id, a.occurred_at, a.user_name, a.action, a.entity, a.entity_id,
                   a.before::text, a.after::text, a.remote_ip, u.display_name
            from audit_log a
            left join app_user u on lower(u.user_name) = lower(a.user_name)
            where (@UserName::text is null or a.user_name ilike @UserName escape '\' or u.display_name ilike @UserName escape '\')
              and (@Entity::text is null or a.entity = @Entity)
              and (@EntityId::text is null or a.entity_id = @EntityId)
              and (@Action::text is null or a.action = @Action)
              and (@From::timestamptz is null or a.occurred_at >= @From)
              and (@To::timestamptz is null or a.occurred_at < @To)
              and (@OlderThan::bigint is null or a.id < @OlderThan)
              and (@Text::text is null or a.before::text ilike @Text escape '\' or a.after::text ilike @Text escape '\' or a.entity_id ilike @Text escape '\')
            order by a.id desc
            limit @Limit
            """;
        var limit = Math.Clamp(filter.Limit, 1, MaxLimit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<AuditRow>(new CommandDefinition(sql, new
        {
            UserName = Contains(filter.UserName),
            Entity = Blank(filter.Entity),
            EntityId = Blank(filter.EntityId),
            Action = Blank(filter.Action),
            From = filter.From?.UtcDateTime,
            To = filter.To?.UtcDateTime,
            filter.OlderThan,
            Text = Contains(filter.Text),
            Limit = limit + 1,
        }, cancellationToken: cancellationToken))).AsList();
        return rows.Count > limit ? new AuditPage(rows[..limit], rows[limit - 1].Id) : new AuditPage(rows, null);
    }

    /// <summary>
    /// The kinds of thing and of action that occur, for the filter's choices: each list is read by skipping from one
    /// value to the next along its index (PostgreSQL has no skip scan), so it costs the number of kinds, not of entries.
    /// </summary>
    public async Task<(IReadOnlyList<string> Entities, IReadOnlyList<string> Actions)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var entities = (await connection.QueryAsync<string>(new CommandDefinition(Distinct("entity"), cancellationToken: cancellationToken))).AsList();
        var actions = (await connection.QueryAsync<string>(new CommandDefinition(Distinct("action"), cancellationToken: cancellationToken))).AsList();
        return (entities, actions);
    }

    static string Distinct(string column) => $"""
        with recursive kinds(value) as (
            select min({column}) from audit_log
            union all
            select (select min({column}) from audit_log where {column} > kinds.value) from kinds where kinds.value is not null
        )
        select value from kinds where value is not null
        """;

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static string? Contains(string? value) =>
        Blank(value) is { } text ? "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%" : null;
}
