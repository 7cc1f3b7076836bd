using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Tests.Runs;
using Microsoft.Extensions.Time.Testing;

namespace Indicators.Ingestion.Tests.Sources.Kolada;

/// <summary>A machine without internet: the demo plan's Kolada source must fail clearly and touch nothing.</summary>
public class KoladaUnreachableTests
{
    [Fact]
    public async Task A_Kolada_run_against_an_unreachable_host_fails_with_a_Swedish_message_after_its_retries_and_keeps_stored_data()
    {
        var closed = RunnerHost.ClosedPort();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));
        await using var host = await RunnerHost.StartAsync("""
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, kpi_id)
            values ('0022', 'N79173', 'Medicinsk bedömning inom 3 dagar', '%', 'higher', 'year', '0022', 'N79173');
            insert into source (name, kind, cron, settings) values ('Kolada', 'kolada', '0 6 * * *', '{"areas": ["0022"], "fromYear": 2024}');
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
            insert into observation (indicator_id, period, area_id, gender, value, status) select id, '2024', '0022', 'T', 71.2, 'ok' from indicator;
            """, closed, time);
        var sourceId = await host.SourceIdAsync("Kolada");

        var error = await Assert.ThrowsAsync<SourceReadException>(() => host.RunOnFakeTimeAsync(sourceId, time));
        Assert.StartsWith($"Kunde inte nå Kolada ({closed.Authority}/v3/data/kpi/…)", error.Message, StringComparison.Ordinal);
        Assert.Contains("inte heller efter 4 nya försök", error.Message, StringComparison.Ordinal);
        var stored = (await host.QueryAsync<(string Status, string Message)>("select status, message from ingestion_run")).Single();
        Assert.Equal(("failed", error.Message), stored);
        // Each of the 4 retries is on the failed run, with no HTTP status (there was no answer).
        Assert.Equal(["|1|Kolada gick inte att nå (HttpRequestException)", "|2|", "|3|", "|4|"],
            (await host.QueryAsync<string>("select concat_ws('|', coalesce(http_status::text, ''), attempt, message) from ingestion_run_event order by id"))
                .Select((e, i) => i == 0 ? e : e[..e.LastIndexOf('|')] + "|"));
        Assert.Equal(71.2m, await host.ScalarAsync<decimal>("select value from observation"));
        Assert.Equal(0, await host.ScalarAsync<int>("select count(*) from observation_revision"));
    }
}
