using Indicators.TestSupport;
using Dapper;
using Indicators.Ingestion.Runs;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Indicators.Ingestion.Tests.Runs.RunFixture;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>Incremental Kolada runs: an empty answer is "no changes"; a KPI never delivered is read in full.</summary>
public class IncrementalKoladaRunTests
{
    [Fact]
    public async Task An_incremental_run_in_which_Kolada_has_no_changes_succeeds_without_a_warning()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        await using var stub = await StubServer.StartAsync(request =>
            StubResponse.Json(request.Query.Contains("from_date=", StringComparison.Ordinal) ? EmptyPage : KoladaPage(55.0m, 60.0m)));
        await using var services = Services(connectionString, stub);
        var runner = services.GetRequiredService<IngestionRunner>();
        await runner.RunAsync(sourceId, RunTrigger.Scheduled, RunMode.Incremental, CancellationToken.None);

        var incremental = await runner.RunAsync(sourceId, RunTrigger.Scheduled, RunMode.Incremental, CancellationToken.None);

        Assert.Contains("from_date=", stub.Requests[^1].Query, StringComparison.Ordinal);
        Assert.Equal("succeeded", incremental.Status);
        Assert.Empty(incremental.Problems);
    }

    [Fact]
    public async Task A_KPI_linked_after_the_last_success_is_read_in_full_and_is_warned_about_when_Kolada_has_nothing_for_it()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        await using var stub = await StubServer.StartAsync(request =>
            StubResponse.Json(request.Path.Contains("N79224", StringComparison.Ordinal) && !request.Query.Contains("from_date=", StringComparison.Ordinal)
                ? KoladaPage(55.0m, 60.0m)
                : EmptyPage));
        await using var services = Services(connectionString, stub);
        var runner = services.GetRequiredService<IngestionRunner>();
        await runner.RunAsync(sourceId, RunTrigger.Scheduled, RunMode.Incremental, CancellationToken.None);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync("""
                insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, kpi_id)
                values ('0022', 'NY', 'Ett nytt nyckeltal', '%', 'higher', 'year', '0022', 'N99999');
                insert into source_indicator (source_id, indicator_id) select @SourceId, id from indicator where kpi_id = 'N99999';
                """, new { SourceId = sourceId });
        }

        var incremental = await runner.RunAsync(sourceId, RunTrigger.Scheduled, RunMode.Incremental, CancellationToken.None);

        var requests = stub.Requests.Skip(1).Select(r => r.Path + r.Query).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains(requests, r => r.Contains("/kpi/N79224/", StringComparison.Ordinal) && r.Contains("from_date=", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Contains("/kpi/N99999/", StringComparison.Ordinal) && !r.Contains("from_date=", StringComparison.Ordinal));
        Assert.Equal("succeeded_with_warnings", incremental.Status);
        Assert.Equal("KPI N99999 gav inga värden från Kolada – okänt eller borttaget nyckeltal?", Assert.Single(incremental.Problems).Reason);
    }
}
