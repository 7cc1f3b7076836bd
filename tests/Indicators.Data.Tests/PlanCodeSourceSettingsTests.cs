using Indicators.Data.PlanCode;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Sources;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>A plan document's sources keep the source form's rules: what the form refuses, the import refuses, with the form's words.</summary>
public class PlanCodeSourceSettingsTests
{
    static readonly Data.Audit.Actor Alva = new("alva", "127.0.0.1");

    static string Document(string settings) => $$"""
        format: indicators-plan/1
        plan: {area: "0022", name: Källplan, start_year: 2025, end_year: 2026}
        areas:
          - {id: "0022", name: Region Västernorrland, short_name: Västernorrland, kind: region}
        indicators:
          - {code: F1, name: Folkmängd, unit: antal, direction: higher, frequency: year, primary_area: "0022"}
        sources:
          - name: Folkmängd (SCB)
            kind: pxweb
            cron: "0 6 * * *"
            indicators: [F1]
            settings: {{settings}}
        """;

    static async Task<PlanImportResult> ImportAsync(string document)
    {
        await using var empty = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        return await new PlanImporter(empty, CronSchedule.Check, _ => null, SourceSettingsShape.Check).ImportAsync(document, Alva, dryRun: true);
    }

    [Fact]
    public async Task A_PxWeb_source_without_a_table_is_refused_with_the_source_forms_message_at_its_settings()
    {
        var result = await ImportAsync(Document("{selection: {Region: [\"22\"], ContentsCode: [BE0101N1]}}"));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(12, error.Line);
        Assert.Contains("Ange SCB-tabellens id, till exempel TAB638.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_PxWeb_source_without_a_selection_is_refused_with_the_source_forms_message()
    {
        var result = await ImportAsync(Document("{table: TAB638}"));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains("Ange urvalet: en rad per variabel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_PxWeb_source_with_a_table_and_a_selection_is_accepted()
    {
        var result = await ImportAsync(Document("{table: TAB638, selection: {Region: [\"22\"], ContentsCode: [BE0101N1]}}"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }
}
