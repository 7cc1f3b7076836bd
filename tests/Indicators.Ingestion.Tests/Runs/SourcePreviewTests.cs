using Indicators.TestSupport;
using Dapper;
using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Sources;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Indicators.Ingestion.Tests.Runs;

public class SourcePreviewTests
{
    static SourcePreview Preview(ServiceProvider services) => new(
        services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<SourceQueries>(), services.GetServices<ISourceReader>());

    static Task<(long Observations, long Revisions, long Runs)> Stored(string connectionString) =>
        new NpgsqlConnection(connectionString).QuerySingleAsync<(long, long, long)>(
            "select (select count(*) from observation), (select count(*) from observation_revision), (select count(*) from ingestion_run)");

    [Fact]
    public async Task A_preview_shows_the_rows_and_counts_a_run_would_give_and_stores_nothing()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(IngestionRunnerTests.Kolada(55.0m, 60.0m)));
        var (services, sourceId, connectionString) = await IngestionRunnerTests.Setup(stub);
        await using var _ = services;

        var preview = await Preview(services).PreviewAsync(sourceId, CancellationToken.None);

        Assert.Equal((3, 0, 0, 0), (preview.Counts.Inserted, preview.Counts.Updated, preview.Counts.Unchanged, preview.Counts.Retracted));
        Assert.Equal(3, preview.RowsRead);
        var region = Assert.Single(preview.FirstRows, r => r.AreaName == "Region Västernorrland" && r.Gender == "Totalt");
        Assert.Equal(("OP90", "2024", 55.0m), (region.IndicatorCode, region.Period, region.Value));
        Assert.Contains(preview.FirstRows, r => r.AreaName == "Region Västernorrland" && r.Gender == "Kvinnor" && r.Value is null && r.Status != "");
        Assert.Equal((0L, 0L, 0L), await Stored(connectionString));
    }

    [Fact]
    public async Task After_a_run_a_preview_of_changed_data_counts_the_change_and_leaves_the_stored_value_alone()
    {
        var answer = IngestionRunnerTests.Kolada(55.0m, 60.0m);
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(answer));
        var (services, sourceId, connectionString) = await IngestionRunnerTests.Setup(stub);
        await using var _ = services;
        await services.GetRequiredService<IngestionRunner>().RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
        var before = await Stored(connectionString);

        answer = IngestionRunnerTests.Kolada(57.5m, 60.0m);
        var preview = await Preview(services).PreviewAsync(sourceId, CancellationToken.None);

        Assert.Equal((0, 1, 2), (preview.Counts.Inserted, preview.Counts.Updated, preview.Counts.Unchanged));
        Assert.Equal(before, await Stored(connectionString));
        Assert.Equal(55.0m, await new NpgsqlConnection(connectionString).ExecuteScalarAsync<decimal>(
            "select value from observation where area_id = '0022' and gender = 'T'"));
    }

    [Fact]
    public async Task A_preview_of_a_broken_answer_says_what_is_wrong_in_Swedish()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json("""{"values": [{"kpi": "N79224", "municipality": """));
        var (services, sourceId, connectionString) = await IngestionRunnerTests.Setup(stub);
        await using var _ = services;

        var error = await Assert.ThrowsAsync<SourceReadException>(() => Preview(services).PreviewAsync(sourceId, CancellationToken.None));

        Assert.Contains("Kolada", error.Message, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), await Stored(connectionString));
    }
}
