using System.Globalization;
using Dapper;
using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Kolada;
using Indicators.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>A migrated database with one Kolada source (KPI N79224 for Västernorrland and riket), and waits with a deadline.</summary>
static class RunFixture
{
    /// <summary>Kolada's answer for N79224 in 2024: three rows (region total, region women without a value, riket total).</summary>
    public static string KoladaPage(decimal region, decimal riket, string? nextUrl = null) => $$"""
        {"values": [
          {"kpi": "N79224", "municipality": "0022", "period": 2024,
           "values": [{"gender": "T", "count": 1, "status": "", "value": {{region.ToString(CultureInfo.InvariantCulture)}}, "isdeleted": false},
                      {"gender": "K", "count": 1, "status": "", "value": null, "isdeleted": false}]},
          {"kpi": "N79224", "municipality": "0000", "period": 2024,
           "values": [{"gender": "T", "count": 1, "status": "", "value": {{riket.ToString(CultureInfo.InvariantCulture)}}, "isdeleted": false}]}],
         "count": 3, "next_url": {{(nextUrl is null ? "null" : $"\"{nextUrl}\"")}}, "previous_url": null}
        """;

    /// <summary>A page of 2023 values for the riket total, the last page after <see cref="KoladaPage"/>.</summary>
    public static string KoladaLastPage(decimal riket) => $$"""
        {"values": [
          {"kpi": "N79224", "municipality": "0000", "period": 2023,
           "values": [{"gender": "T", "count": 1, "status": "", "value": {{riket.ToString(CultureInfo.InvariantCulture)}}, "isdeleted": false}]}],
         "count": 1, "next_url": null, "previous_url": null}
        """;

    public const string EmptyPage = """{"values": [], "count": 0, "next_url": null, "previous_url": null}""";

    /// <summary>A stub whose first page links to a second page that is held back until the test lets it go.</summary>
    public static async Task<StubServer> TwoPagesAsync(ManualResetEventSlim secondPage)
    {
        string? next = null;
        var stub = await StubServer.StartAsync(request =>
        {
            if (request.Path.EndsWith("/next", StringComparison.Ordinal))
            {
                secondPage.Wait(TimeSpan.FromSeconds(25));
                return StubResponse.Json(KoladaLastPage(61.0m));
            }

            return StubResponse.Json(KoladaPage(55.0m, 60.0m, next));
        });
        next = stub.Url("v3/next");
        return stub;
    }

    /// <summary>A fresh database (or the given migrated one) with the source; returns its connection string and the source's id.</summary>
    public static async Task<(string ConnectionString, int SourceId)> ArrangeAsync(string? migratedDatabase = null)
    {
        var connectionString = migratedDatabase ?? await TestPostgres.CreateMigratedDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync("""
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region'), ('0000', 'Riket', 'Riket', 'country') on conflict (id) do nothing;
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, kpi_id, gender_split)
            values ('0022', 'OP90', 'Genomförd operation/åtgärd inom 90 dagar', '%', 'higher', 'year', '0022', 'N79224', true);
            insert into source (name, kind, cron, settings) values ('Kolada väntetider', 'kolada', '0 6 * * *', '{"areas": ["0022", "0000"], "fromYear": 2023}');
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
            """);
        return (connectionString, await connection.ExecuteScalarAsync<int>("select id from source"));
    }

    /// <summary>The runner and its Kolada reader, pointed at the stub.</summary>
    public static ServiceProvider Services(string connectionString, StubServer stub)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:Kolada:BaseUrl"] = stub.Url("v3"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddNpgsqlDataSource(connectionString);
        services.AddSingleton<SourceQueries>();
        services.AddIndicatorsSourceClients(configuration);
        services.AddSingleton<ISourceReader, KoladaSourceReader>();
        services.AddSingleton<IngestionRunner>();
        // A short heartbeat, so that a run notices a lost lock session within a fraction of a second.
        services.Configure<RunLeaseOptions>(options =>
        {
            options.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
            options.Lease = TimeSpan.FromSeconds(2);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Polls until the condition holds; fails the test with <paramref name="what"/> when the deadline passes, followed by
    /// what <paramref name="explain"/> says of the state then (a wait that times out in CI must say why).
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 60, Func<Task<string>>? explain = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var state = explain is null ? "" : "\n" + await explain();
                Assert.Fail($"Waited {seconds} s for: {what}{state}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Hangfire's jobs with their state history, its queue and servers, the runs and the database's sessions: what a stuck wait needs.</summary>
    public static async Task<string> DescribeJobsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var lines = new List<string> { "Hangfire jobs and states:" };
        lines.AddRange(await connection.QueryAsync<string>("""
            select concat_ws(' | ', 'job ' || j.id, j.invocationdata::jsonb ->> 'Method', s.name, s.createdat, s.reason, left(s.data::text, 600))
            from hangfire.job j left join hangfire.state s on s.jobid = j.id order by j.id, s.id
            """));
        lines.Add("Queue:");
        lines.AddRange(await connection.QueryAsync<string>("select concat_ws(' | ', jobid, queue, fetchedat) from hangfire.jobqueue order by id"));
        lines.Add("Servers:");
        lines.AddRange(await connection.QueryAsync<string>("select concat_ws(' | ', id, lastheartbeat, left(data::text, 300)) from hangfire.server order by id"));
        lines.Add("Runs:");
        lines.AddRange(await connection.QueryAsync<string>("select concat_ws(' | ', id, trigger, status, phase, rows_done, message) from ingestion_run order by id"));
        lines.Add("Sessions:");
        lines.AddRange(await connection.QueryAsync<string>("""
            select concat_ws(' | ', pid, application_name, state, wait_event_type, wait_event, left(query, 200))
            from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
            """));
        lines.Add($"Server connections in use: {await connection.ExecuteScalarAsync<long>("select count(*) from pg_stat_activity")}");
        return string.Join('\n', lines);
    }

    /// <summary>The observations as (area, period, gender, value, status), in a fixed order, to compare before and after.</summary>
    public static async Task<IReadOnlyList<string>> ObservationsAsync(NpgsqlConnection connection) =>
        [.. await connection.QueryAsync<string>(
            "select concat_ws('|', area_id, period, gender, value, status, revision) from observation order by area_id, period, gender")];
}
