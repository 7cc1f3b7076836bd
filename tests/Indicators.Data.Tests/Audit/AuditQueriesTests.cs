using Dapper;
using Indicators.Data.Audit;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests.Audit;

/// <summary>The audit log's filters and paging against a real database.</summary>
public class AuditQueriesTests : IAsyncLifetime
{
    static readonly DateTime Day = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    NpgsqlDataSource dataSource = default!;
    AuditQueries audit = default!;

    public async Task InitializeAsync()
    {
        dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        audit = new AuditQueries(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            insert into app_user (user_name, display_name) values ('anna', 'Anna Andersson'), ('bo', 'Bo Berg');
            """);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    async Task AddAsync(string? user, string action, string entity, string? id, DateTime at, string? after = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "insert into audit_log (occurred_at, user_name, action, entity, entity_id, after) values (@At, @User, @Action, @Entity, @Id, @After::jsonb)",
            new { At = at, User = user, Action = action, Entity = entity, Id = id, After = after });
    }

    [Fact]
    public async Task Each_filter_narrows_to_its_entries_and_names_come_from_the_accounts()
    {
        await AddAsync("anna", "submit", "committee_report", "1/2", Day, """{"State": "under_review"}""");
        await AddAsync("bo", "update", "target", "7", Day.AddDays(1), """{"Value": 92.0}""");
        await AddAsync("bo", "update", "target", "8", Day.AddDays(2), """{"Value": 93.0}""");
        await AddAsync("gone", "sign-in", "user", "9", Day.AddDays(3));
        await AddAsync(null, "sign-in-failed", "user", null, Day.AddDays(4));

        var all = await audit.SearchAsync(new AuditFilter());
        Assert.Equal(["sign-in-failed", "sign-in", "update", "update", "submit"], all.Select(r => r.Action));
        Assert.Equal([null, null, "Bo Berg", "Bo Berg", "Anna Andersson"], all.Select(r => r.DisplayName));

        Assert.Equal(["anna"], (await audit.SearchAsync(new AuditFilter(UserName: "Andersson"))).Select(r => r.UserName));
        Assert.Equal(["gone"], (await audit.SearchAsync(new AuditFilter(UserName: "gon"))).Select(r => r.UserName));
        Assert.Equal(["8", "7"], (await audit.SearchAsync(new AuditFilter(Entity: "target"))).Select(r => r.EntityId));
        Assert.Equal(["7"], (await audit.SearchAsync(new AuditFilter(Entity: "target", EntityId: "7"))).Select(r => r.EntityId));
        Assert.Equal(["submit"], (await audit.SearchAsync(new AuditFilter(Action: "submit"))).Select(r => r.Action));
        Assert.Equal(["8"], (await audit.SearchAsync(new AuditFilter(Text: "93"))).Select(r => r.EntityId));

        // From inclusive, to exclusive: the second and third day.
        var range = await audit.SearchAsync(new AuditFilter(From: new DateTimeOffset(Day.AddDays(1)), To: new DateTimeOffset(Day.AddDays(3))));
        Assert.Equal(["8", "7"], range.Select(r => r.EntityId));

        Assert.Empty(await audit.SearchAsync(new AuditFilter(UserName: "%")));
        Assert.Empty(await audit.SearchAsync(new AuditFilter(Entity: "target", EntityId: "' or 1=1 --")));

        var (entities, actions) = await audit.ChoicesAsync();
        Assert.Equal(["committee_report", "target", "user"], entities);
        Assert.Equal(["sign-in", "sign-in-failed", "submit", "update"], actions);
    }

    [Fact]
    public async Task Pages_by_key_cover_every_entry_once_newest_first()
    {
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                insert into audit_log (occurred_at, user_name, action, entity, entity_id)
                select @Day + make_interval(mins => n), case when n % 2 = 0 then 'anna' else 'bo' end, 'update', 'target', n::text
                from generate_series(1, 250) n
                """, new { Day });
        }

        var seen = new List<long>();
        var filter = new AuditFilter(Limit: 100);
        var sizes = new List<int>();
        while (true)
        {
            var page = await audit.PageAsync(filter);
            sizes.Add(page.Rows.Count);
            seen.AddRange(page.Rows.Select(r => r.Id));
            if (page.NextOlderThan is not { } next)
            {
                break;
            }

            filter = filter with { OlderThan = next };
        }

        Assert.Equal([100, 100, 50], sizes);
        Assert.Equal(seen.OrderByDescending(id => id), seen);
        Assert.Equal(250, seen.Distinct().Count());

        // A page of one person's entries pages the same way, and the last full page says there is no more.
        var bo = await audit.PageAsync(new AuditFilter(UserName: "bo", Limit: 125));
        Assert.Equal(125, bo.Rows.Count);
        Assert.Null(bo.NextOlderThan);
        Assert.All(bo.Rows, r => Assert.Equal("Bo Berg", r.DisplayName));
    }
}
