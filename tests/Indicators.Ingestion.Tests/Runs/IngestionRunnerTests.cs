using Indicators.TestSupport;
using Dapper;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Indicators.Ingestion.Tests.Runs;

public class IngestionRunnerTests
{
    internal static string Kolada(decimal region, decimal riket) => $$"""
        {"values": [
          {"kpi": "N79224", "municipality": "0022", "period": 2024,
           "values": [{"gender": "T", "count": 1, "status": "", "value": {{region.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "isdeleted": false},
                      {"gender": "K", "count": 1, "status": "", "value": null, "isdeleted": false}]},
          {"kpi": "N79224", "municipality": "0000", "period": 2024,
           "values": [{"gender": "T", "count": 1, "status": "", "value": {{riket.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "isdeleted": false}]}],
         "count": 2, "next_url": null, "previous_url": null}
        """;

    /// <summary>The shared arrangement of <see cref="RunFixture"/>: one Kolada source feeding one indicator, and the runner.</summary>
    internal static async Task<(ServiceProvider Services, int SourceId, string ConnectionString)> Setup(StubServer stub)
    {
        var (connectionString, sourceId) = await RunFixture.ArrangeAsync();
        return (RunFixture.Services(connectionString, stub), sourceId, connectionString);
    }

    [Fact]
    public async Task Running_the_same_data_twice_changes_nothing_and_a_changed_value_keeps_its_predecessor()
    {
        var answer = Kolada(55.0m, 60.0m);
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(answer));
        var (services, sourceId, connectionString) = await Setup(stub);
        await using var _ = services;
        var runner = services.GetRequiredService<IngestionRunner>();

        var first = await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
        var second = await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
        answer = Kolada(57.5m, 60.0m);
        var third = await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);

        Assert.Equal((3, 0, 0), (first.Counts.Inserted, first.Counts.Updated, first.Counts.Unchanged));
        Assert.Equal((0, 0, 3), (second.Counts.Inserted, second.Counts.Updated, second.Counts.Unchanged));
        Assert.Equal((0, 1, 2), (third.Counts.Inserted, third.Counts.Updated, third.Counts.Unchanged));
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(57.5m, await connection.ExecuteScalarAsync<decimal>("select value from observation where area_id = '0022' and gender = 'T'"));
        Assert.Equal("missing", await connection.ExecuteScalarAsync<string>("select status from observation where area_id = '0022' and gender = 'K'"));
        var revision = await connection.QuerySingleAsync<(decimal Value, long ReplacedBy)>(
            "select value, replaced_by_run_id from observation_revision");
        Assert.Equal((55.0m, third.RunId!.Value), revision);
        Assert.Equal(["succeeded", "succeeded", "succeeded"], await connection.QueryAsync<string>("select status from ingestion_run order by id"));
    }

    [Fact]
    public async Task A_run_whose_source_answers_with_broken_JSON_fails_and_leaves_the_stored_data_as_it_was()
    {
        var answer = Kolada(55.0m, 60.0m);
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(answer));
        var (services, sourceId, connectionString) = await Setup(stub);
        await using var _ = services;
        var runner = services.GetRequiredService<IngestionRunner>();
        await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);

        answer = """{"values": [{"kpi": "N79224", "municipality": "0022", "period": 2024, "values": [{"gender": "T", "value": 99""";
        await Assert.ThrowsAsync<SourceReadException>(() => runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None));

        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(55.0m, await connection.ExecuteScalarAsync<decimal>("select value from observation where area_id = '0022' and gender = 'T'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from observation_revision"));
        var failed = await connection.QuerySingleAsync<(string Status, string Message)>("select status, message from ingestion_run order by id desc limit 1");
        Assert.Equal("failed", failed.Status);
        Assert.Contains("Kolada", failed.Message, StringComparison.Ordinal);
    }
}
