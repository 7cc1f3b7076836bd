using System.Text;
using Dapper;
using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;
using Npgsql;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>The source form's "Förhandsgranska" for a file source not yet saved: the analyst's sample file is read as an upload would be.</summary>
public class SamplePreviewTests
{
    const string Settings = """{"mapping": {"indicatorColumn": "indikator", "periodColumn": "period", "areaColumn": "område", "valueColumn": "värde"}}""";

    [Fact]
    public async Task An_unsaved_file_source_previews_its_sample_with_the_chosen_indicators_and_names_the_bad_row_and_stores_nothing()
    {
        await using var host = await RunnerHost.StartAsync("""
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
            values ('0022', 'HYR', 'Kostnad för hyrpersonal', '%', 'lower', 'month', '0022');
            """);
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        var hyr = await connection.ExecuteScalarAsync<int>("select id from indicator where code = 'HYR'");
        var csv = new StringBuilder("indikator;period;område;värde\n");
        for (var month = 1; month <= 12; month++)
        {
            csv.Append(month == 6 ? "HYR;2025-06;0022;4,x\n" : $"HYR;2025-{month:00};0022;{month},5\n");
        }

        var preview = new SourcePreview(host.Get<NpgsqlDataSource>(), host.Get<SourceQueries>(), host.Get<IEnumerable<ISourceReader>>());
        var source = new SourceDefinition(0, "Hyrpersonal (fil)", "file", "0 7 * * 1", null, "Europe/Stockholm", true, Settings, false);

        var result = await preview.PreviewAsync(source, [new SourceIndicator(hyr, "HYR", null, false, "month")], new SourceSample("hyrpersonal.csv", Encoding.UTF8.GetBytes(csv.ToString())), CancellationToken.None);

        Assert.Equal(12, result.RowsRead);
        Assert.Equal(11, result.Counts.Inserted);
        var bad = Assert.Single(result.Rejected);
        Assert.Equal((7, "värde"), (bad.Row, bad.Column));
        Assert.Equal("'hyrpersonal.csv': '4,x' är inte ett tal", bad.Reason);
        Assert.Equal(("HYR", "Region Västernorrland", 1.5m), (result.FirstRows[0].IndicatorCode, result.FirstRows[0].AreaName, result.FirstRows[0].Value));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>(
            "select (select count(*) from observation) + (select count(*) from ingestion_run) + (select count(*) from source_file)"));
    }

    [Fact]
    public async Task A_sample_over_the_rejected_share_previews_its_valid_rows_and_its_rejected_rows_with_their_lines_and_the_error()
    {
        await using var host = await RunnerHost.StartAsync("""
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
            values ('0022', 'HYR', 'Kostnad för hyrpersonal', '%', 'lower', 'month', '0022');
            """);
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        var hyr = await connection.ExecuteScalarAsync<int>("select id from indicator where code = 'HYR'");
        const string csv = "indikator;period;område;värde\nHYR;2025-01;0022;1,5\nHYR;2025-02;0022;2,5\nHYR;2025-03;0022;4,x\nHYR;2025-04;0022;3,5\nHYR;2025-05;0022;4,5\n";
        var preview = new SourcePreview(host.Get<NpgsqlDataSource>(), host.Get<SourceQueries>(), host.Get<IEnumerable<ISourceReader>>());
        var source = new SourceDefinition(0, "Hyrpersonal (fil)", "file", "0 7 * * 1", null, "Europe/Stockholm", true, Settings, false);

        var result = await preview.PreviewAsync(source, [new SourceIndicator(hyr, "HYR", null, false, "month")], new SourceSample("hyrpersonal.csv", Encoding.UTF8.GetBytes(csv)), CancellationToken.None);

        Assert.StartsWith("1 av 5 datarader i 'hyrpersonal.csv' avvisades, fler än de 10", result.Error, StringComparison.Ordinal);
        Assert.Equal((5, 4), (result.RowsRead, result.Counts.Inserted));
        Assert.Equal(["jan 2025", "feb 2025", "apr 2025", "maj 2025"], result.FirstRows.Select(r => r.Period));
        var bad = Assert.Single(result.Rejected);
        Assert.Equal((4, "värde", "4,x"), (bad.Row, bad.Column, bad.Value));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("select (select count(*) from observation) + (select count(*) from source_file)"));
    }
}
