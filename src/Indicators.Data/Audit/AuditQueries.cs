using Dapper;
using Npgsql;

namespace Indicators.Data.Audit;

/// <summary>Filters of the audit log page; empty means any. Text matches inside the before/after values.</summary>
public sealed record AuditFilter(string? UserName = null, string? Entity = null, string? Action = null, string? Text = null, int Limit = 200);

public sealed record AuditRow(long Id, DateTime OccurredAt, string? UserName, string Action, string Entity, string? EntityId, string? Before, string? After, string? RemoteIp);

public sealed class AuditQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Newest first. Every filter is a parameter; LIKE wildcards typed by the user match literally.</summary>
    public async Task<IReadOnlyList<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select id, occurred_at, user_name, action, entity, entity_id,
                   before::text, after::text, remote_ip
            from audit_log
            where (@UserName is null or user_name ilike @UserName escape '\')
              and (@Entity is null or entity = @Entity)
              and (@Action is null or action = @Action)
              and (@Text is null or before::text ilike @Text escape '\' or after::text ilike @Text escape '\' or entity_id ilike @Text escape '\')
            order by id desc
            limit @Limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AuditRow>(new CommandDefinition(sql, new
        {
            UserName = Contains(filter.UserName),
            Entity = Blank(filter.Entity),
            Action = Blank(filter.Action),
            Text = Contains(filter.Text),
            Limit = Math.Clamp(filter.Limit, 1, 1000),
        }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The kinds of thing and of action that occur, for the filter's choices.</summary>
    public async Task<(IReadOnlyList<string> Entities, IReadOnlyList<string> Actions)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var entities = (await connection.QueryAsync<string>(new CommandDefinition("select distinct entity from audit_log order by 1", cancellationToken: cancellationToken))).AsList();
        var actions = (await connection.QueryAsync<string>(new CommandDefinition("select distinct action from audit_log order by 1", cancellationToken: cancellationToken))).AsList();
        return (entities, actions);
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static string? Contains(string? value) =>
        Blank(value) is { } text ? "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%" : null;
}
