using System.Net;
using Dapper;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indicators.Web.Tests;

public class SourcesPageTests
{
    /// <summary>Two sources: one whose last run failed after an earlier success, one that has never run; a run with problems.</summary>
    static async Task<(string ConnectionString, int KoladaId, int FileId, long WarningRunId)> Arrange()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync("""
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, kpi_id)
            values ('0022', 'OP90', 'Operation inom 90 dagar', '%', 'higher', 'year', '0022', 'N79224');
            insert into source (name, kind, cron, settings) values ('Kolada väntetider', 'kolada', '0 6 * * *', '{"fromYear": 2024}');
            insert into source (name, kind, cron, enabled) values ('Hyrpersonal (fil)', 'file', '0 7 * * 1', false);
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i where s.kind = 'kolada';
            """);
        var koladaId = await connection.ExecuteScalarAsync<int>("select id from source where kind = 'kolada' order by id limit 1");
        var fileId = await connection.ExecuteScalarAsync<int>("select id from source where kind = 'file' order by id limit 1");
        var warningRunId = await connection.ExecuteScalarAsync<long>("""
            insert into ingestion_run (source_id, trigger, status, started_at, finished_at, rows_read, rows_done, inserted, rejected, message, problems)
            values (@Id, 'scheduled', 'succeeded_with_warnings', now() - interval '3 days', now() - interval '3 days' + interval '4 seconds', 3, 2, 2, 1,
                    '2 nya, 0 ändrade, 0 oförändrade, 0 återkallade, 1 avvisade.',
                    '[{"kind": "avvisad", "row": 14, "column": "värde", "reason": "''12,x'' är inte ett tal."}]')
            returning id
            """, new { Id = koladaId });
        await connection.ExecuteAsync("""
            insert into observation (indicator_id, period, area_id, value, run_id) select id, '2024', '0022', 81.5, @RunId from indicator;
            insert into ingestion_run (source_id, trigger, status, started_at, finished_at, message)
            values (@Id, 'manual', 'failed', now() - interval '1 hour', now() - interval '59 minutes', 'Kolada svarade inte (api.kolada.se): försökte 4 gånger.');
            """, new { Id = koladaId, RunId = warningRunId });
        return (connectionString, koladaId, fileId, warningRunId);
    }

    static async Task<HttpClient> SignedIn(TestWebApp app, string connectionString, string role)
    {
        await TestUsers.CreateAsync(connectionString, "person", role);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "person");
        return client;
    }

    [Fact]
    public async Task The_source_list_shows_each_sources_last_run_next_run_and_how_stale_its_data_is_in_words()
    {
        var (connectionString, koladaId, _, _) = await Arrange();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedIn(app, connectionString, "Ledning");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/kallor", UriKind.Relative)));

        Assert.Contains($"href=\"kallor/{koladaId}\">Kolada väntetider</a>", page, StringComparison.Ordinal);
        Assert.Contains("Misslyckades", page, StringComparison.Ordinal);
        // A daily source whose last success was three days ago is stale; a disabled one is said to be off.
        Assert.Contains("Inaktuell", page, StringComparison.Ordinal);
        Assert.Contains("Avstängd", page, StringComparison.Ordinal);
        Assert.Contains("senaste period 2024", page, StringComparison.Ordinal);
        Assert.Contains("Har inte körts", page, StringComparison.Ordinal);
        Assert.Contains(" 06:00", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_page_names_each_rejected_row_with_its_row_column_and_reason()
    {
        var (connectionString, _, _, runId) = await Arrange();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedIn(app, connectionString, "Administrator");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/kallor/korningar/{runId}", UriKind.Relative)));

        Assert.Contains("Klar med varningar", page, StringComparison.Ordinal);
        Assert.Contains("<td>14</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>värde</td>", page, StringComparison.Ordinal);
        Assert.Contains("'12,x' är inte ett tal.", page, StringComparison.Ordinal);
        Assert.Contains("2 nya, 0 ändrade", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_page_shows_the_run_history_and_the_next_five_run_times()
    {
        var (connectionString, koladaId, _, _) = await Arrange();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedIn(app, connectionString, "Analytiker");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/kallor/{koladaId}", UriKind.Relative)));

        Assert.Contains("Operation inom 90 dagar (Kolada N79224)", page, StringComparison.Ordinal);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(page.Split("Nästa körningar")[1].Split("</dd>")[0], " 06:00"));
        Assert.Contains("<td>Kör nu</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Schemalagd</td>", page, StringComparison.Ordinal);
        Assert.Contains("Kör nu", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_delivery_is_told_with_the_same_counts_on_the_list_the_source_page_and_the_run_page_with_who_started_it_and_what_it_met()
    {
        // Issue 18: 1 191 values and 19 retractions were "1 210 nya … 0 återkallade" on the run page and "1 162 utfall" on
        // the list; an upload's run said "Startad för hand"; retries were only in the server log; "jobb 5" was Hangfire's number.
        var (connectionString, koladaId, _, _) = await Arrange();
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync("update app_user set display_name = 'Alva Andersson' where user_name = 'alva'");
        var runId = await connection.ExecuteScalarAsync<long>($$"""
            insert into ingestion_run (source_id, hangfire_job_id, trigger, started_by, status, started_at, finished_at, rows_read, rows_done, inserted, retracted, unchanged, message)
            values ({{koladaId}}, '5', 'upload', 'alva', 'succeeded', now() - interval '1 minute', now() - interval '50 seconds', 1210, 1210, 1191, 19, 0,
                    '1 191 nya, 0 ändrade, 0 oförändrade, 19 återkallade, 0 avvisade.')
            returning id
            """);
        await TestPostgres.ExecuteAsync(connectionString, $"""
            insert into ingestion_run_event (run_id, kind, http_status, attempt, wait_ms, message)
            values ({runId}, 'retry', 429, 1, 1000, 'Kolada svarade 429 (Too Many Requests) för api.kolada.se/v3/data/kpi/… (sida 3)'),
                   ({runId}, 'retry', 500, 2, 4200, 'Kolada svarade 500 (Internal Server Error) för api.kolada.se/v3/data/kpi/… (sida 3)');
            """);
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedIn(app, connectionString, "Analytiker");
        const string Counts = "1 191 nya, 0 ändrade, 0 oförändrade, 19 återkallade, 0 avvisade";

        var list = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/kallor", UriKind.Relative)));
        var source = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/kallor/{koladaId}", UriKind.Relative)));
        var run = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/kallor/korningar/{runId}", UriKind.Relative)));

        Assert.Contains(Counts, list.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Contains($"Körning {runId}", list, StringComparison.Ordinal);
        Assert.Contains(Counts, run.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Contains("Uppladdad fil av Alva Andersson", run, StringComparison.Ordinal);
        Assert.Contains("<td>Uppladdad fil av Alva Andersson</td>", source, StringComparison.Ordinal);
        Assert.Contains($">Körning {runId}</a>", source, StringComparison.Ordinal);
        Assert.DoesNotContain("jobb", run, StringComparison.Ordinal);
        Assert.Contains("Kolada svarade 429 (Too Many Requests) för api.kolada.se/v3/data/kpi/… (sida 3)", run, StringComparison.Ordinal);
        Assert.Contains("4,2 s", run, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">1 s</td>", run, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analyst_starts_a_run_now_which_queues_a_job_and_is_audited()
    {
        var (connectionString, koladaId, _, _) = await Arrange();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedIn(app, connectionString, "Analytiker");

        var response = await TestUsers.PostFormAsync(client, $"/kallor/{koladaId}", $"/kallor/{koladaId}/kor-nu", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/kallor/{koladaId}?startad=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        // Kör nu records who pressed it: the run will say "Kör nu av …".
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.job where invocationdata::text like '%RunNowAsync%' and arguments::text like '%person%'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where action = 'run' and entity = 'source' and entity_id = @Id and user_name = 'person'", new { Id = koladaId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public async Task Management_cannot_start_a_run_even_by_posting_the_form_itself()
    {
        var (connectionString, koladaId, _, _) = await Arrange();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedIn(app, connectionString, "Ledning");

        var page = await client.GetStringAsync(new Uri($"/kallor/{koladaId}", UriKind.Relative));
        var response = await TestUsers.PostFormAsync(client, $"/kallor/{koladaId}", $"/kallor/{koladaId}/kor-nu", new Dictionary<string, string>());

        Assert.DoesNotContain("Kör nu", page, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/ingen-behorighet", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.job"));
    }

    static async Task<HttpResponseMessage> Upload(HttpClient client, int sourceId, string fileName, string content, bool readNow = true)
    {
        var page = await client.GetStringAsync(new Uri($"/kallor/{sourceId}", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "fil", fileName },
        };
        if (readNow)
        {
            form.Add(new StringContent("ja"), "las-in-nu");
        }

        return await client.PostAsync(new Uri($"/kallor/{sourceId}/filer", UriKind.Relative), form);
    }

    [Fact]
    public async Task An_analyst_uploads_a_file_which_is_stored_for_its_source_queued_for_reading_and_audited()
    {
        var (connectionString, _, fileId, _) = await Arrange();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedIn(app, connectionString, "Analytiker");

        var response = await Upload(client, fileId, "hyrpersonal.csv", "indicator;period;area;value\nHYR;2025-03;0022;4,2\n");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("'hyrpersonal.csv' är uppladdad (UTF-8, avgränsare ';', decimalkomma; kolumner: 'indicator', 'period', 'area', 'value'). Den läses in nu.", page, StringComparison.Ordinal);
        Assert.Matches("<a href=\"kallor/\\d+/filer/\\d+\">hyrpersonal.csv</a>", page);
        Assert.Contains("Väntar på nästa körning", page, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from source_file where source_id = @Id and uploaded_by = 'person'", new { Id = fileId }));
        // The run is an upload's, by the person who uploaded: not "Startad för hand".
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.job where invocationdata::text like '%RunUploadAsync%' and arguments::text like '%person%'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from audit_log where action = 'upload' and user_name = 'person'"));
    }

    [Fact]
    public async Task A_file_without_the_mapped_columns_is_refused_with_a_Swedish_message_naming_it_and_nothing_is_stored()
    {
        var (connectionString, _, fileId, _) = await Arrange();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedIn(app, connectionString, "Analytiker");

        var response = await Upload(client, fileId, "fel-fil.csv", "namn;antal\nx;1\n");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));

        Assert.Matches("<p class=\"error\" role=\"alert\">[^<]*'fel-fil.csv'", page);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from source_file"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.job"));
    }

    [Fact]
    public async Task A_message_in_the_address_that_the_app_did_not_write_is_not_shown()
    {
        var (connectionString, _, fileId, _) = await Arrange();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedIn(app, connectionString, "Ledning");

        var page = await client.GetStringAsync(new Uri($"/kallor/{fileId}?meddelande=fel%7CRing%20supporten%20p%C3%A5%20070", UriKind.Relative));

        Assert.DoesNotContain("Ring supporten", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_now_posted_without_the_antiforgery_token_is_refused_and_queues_nothing()
    {
        var (connectionString, koladaId, _, _) = await Arrange();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedIn(app, connectionString, "Analytiker");

        using var empty = new FormUrlEncodedContent(new Dictionary<string, string>());
        var response = await client.PostAsync(new Uri($"/kallor/{koladaId}/kor-nu", UriKind.Relative), empty);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.job"));
    }
}
