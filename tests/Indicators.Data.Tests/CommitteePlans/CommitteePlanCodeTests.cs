using Dapper;
using Indicators.Data.Audit;
using Indicators.Data.PlanCode;
using Indicators.TestSupport;
using Npgsql;
using static Indicators.TestSupport.PlanCodeTesting;

namespace Indicators.Data.Tests.CommitteePlans;

/// <summary>Nämndplaner and delmål in plan as code: export, import, round trip and the document's checks.</summary>
public class CommitteePlanCodeTests
{
    static readonly Actor Alva = new("alva", "127.0.0.1");

    static async Task<string> ExportAsync(NpgsqlDataSource dataSource, int? planId = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var id = planId ?? await connection.ExecuteScalarAsync<int>("select id from plan where name = 'Regionplan 2025–2027'");
        return (await new PlanExporter(dataSource).ExportAsync(id))!;
    }

    static Task<PlanImportResult> ImportAsync(NpgsqlDataSource dataSource, string text) =>
        Importer(dataSource).ImportAsync(text, Alva, dryRun: false);

    static async Task<string> RowsAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var parts = new List<string>();
        foreach (var table in new[] { "committee_plan", "sub_goal", "sub_goal_indicator", "target_value", "audit_log" })
        {
            parts.Add(table + ": " + string.Join("\n", await connection.QueryAsync<string>($"select t::text from {table} t order by t::text")));
        }

        return string.Join("\n\n", parts);
    }

    [Fact]
    public async Task HSNs_nämndplan_is_exported_under_its_version_and_a_fresh_import_exports_the_identical_document()
    {
        await using var demo = await DemoAsync();
        var first = await ExportAsync(demo);

        Assert.Contains(string.Join("\n",
            "    committee_plans:",
            "      - committee: HSN",
            "        name: Verksamhetsplan 2025 (2026–2027)",
            "        start_year: 2025",
            "        end_year: 2027",
            "        sub_goals:",
            "          - code: HSN-2.1.1",
            "            goal_area: \"2\"",
            "            goal: \"2.1\""), first, StringComparison.Ordinal);
        Assert.Contains("indicators: [DRG_AVVIKELSE_RIKET]", first, StringComparison.Ordinal);

        await using var fresh = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        var result = await ImportAsync(fresh, first);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains(result.Changes, c => c is { Action: "create", Entity: "committee_plan", Key: "Fastställd plan / HSN / Verksamhetsplan 2025 (2026–2027)" });
        Assert.Equal(2, result.Changes.Count(c => c is { Action: "create", Entity: "sub_goal" }));
        Assert.Equal(first, await ExportAsync(fresh, result.PlanId));
        await using var connection = await fresh.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("select count(*) from target_value where committee_plan_id is not null"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("select count(*) from audit_log where action = 'import' and entity = 'sub_goal'"));

        // Imported again unchanged: nothing changes.
        var again = await ImportAsync(fresh, first);
        Assert.Empty(again.Changes);
    }

    [Fact]
    public async Task An_import_changes_a_delmal_removes_one_the_document_no_longer_has_and_audits_both()
    {
        await using var demo = await DemoAsync();
        var first = await ExportAsync(demo);
        var changed = first
            .Replace("name: \"Kostnad per DRG-poäng högst 7,5 % över riket 2027\"", "name: \"Kostnad per DRG-poäng högst 7 % över riket 2027\"", StringComparison.Ordinal);
        var start = changed.IndexOf("          - code: HSN-2.1.1", StringComparison.Ordinal);
        var end = changed.IndexOf("          - code: HSN-2.2.1", StringComparison.Ordinal);
        changed = changed.Remove(start, end - start);
        // Its målvärde goes with it.
        var target = changed.IndexOf("          - indicator: LISTADE_PER_ALLMANSPECIALIST\n", changed.IndexOf("committee_plans:", StringComparison.Ordinal), StringComparison.Ordinal);
        changed = changed.Remove(target, changed.IndexOf("sources:\n", target, StringComparison.Ordinal) - target);

        var result = await ImportAsync(demo, changed);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(
            [("delete", "sub_goal", "Fastställd plan / HSN / Verksamhetsplan 2025 (2026–2027) / HSN-2.1.1"),
             ("update", "sub_goal", "Fastställd plan / HSN / Verksamhetsplan 2025 (2026–2027) / HSN-2.2.1")],
            result.Changes.Select(c => (c.Action, c.Entity, c.Key)));
        var exported = await ExportAsync(demo);
        Assert.Contains("name: Kostnad per DRG-poäng högst 7 % över riket 2027", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("HSN-2.1.1", exported, StringComparison.Ordinal);
        await using var connection = await demo.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("select count(*) from audit_log where action = 'import' and entity = 'sub_goal'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("select count(*) from target_value where committee_plan_id is not null"));
    }

    [Theory]
    [InlineData("goal: \"2.2\"", "goal: \"9.9\"", "Okänt mål '9.9' i målområdet '2'")]
    [InlineData("indicators: [DRG_AVVIKELSE_RIKET]", "indicators: [LISTADE_PER_ALLMANSPECIALIST]", "Indikatorn LISTADE_PER_ALLMANSPECIALIST följer redan upp delmål HSN-2.1.1")]
    [InlineData("committee: HSN", "committee: XYZ", "Okänd nämnd 'XYZ'")]
    [InlineData("code: HSN-2.2.1", "code: HSN-2.1.1", "Delmålet HSN-2.1.1 finns redan i nämndplanen")]
    [InlineData("start_year: 2025\n        end_year: 2027\n        sub_goals:", "start_year: 2024\n        end_year: 2027\n        sub_goals:", "utanför regionplanens år 2025–2027")]
    [InlineData("        sub_goals:\n", "        sub_goal:\n", "Okänd nyckel 'sub_goal' i nämndplanen")]
    public async Task A_bad_nämndplan_is_refused_with_its_line_and_a_Swedish_reason_and_nothing_is_written(string from, string to, string message)
    {
        await using var demo = await DemoAsync();
        var first = await ExportAsync(demo);
        var at = first.IndexOf("committee_plans:", StringComparison.Ordinal);
        var index = first.IndexOf(from, at, StringComparison.Ordinal);
        Assert.True(index > 0, from);
        var broken = first.Remove(index, from.Length).Insert(index, to);
        var before = await RowsAsync(demo);

        var result = await ImportAsync(demo, broken);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.True(error.Line > first[..at].Count(c => c == '\n'), error.ToString());
        Assert.Equal(before, await RowsAsync(demo));
    }

    [Fact]
    public async Task A_nämndplan_målvärde_for_an_indicator_outside_its_delmal_is_refused()
    {
        await using var demo = await DemoAsync();
        var first = await ExportAsync(demo);
        var at = first.IndexOf("committee_plans:", StringComparison.Ordinal);
        var index = first.IndexOf("- indicator: DRG_AVVIKELSE_RIKET", at, StringComparison.Ordinal);
        var broken = first.Remove(index, "- indicator: DRG_AVVIKELSE_RIKET".Length).Insert(index, "- indicator: N79173");

        var result = await ImportAsync(demo, broken);

        Assert.Contains(result.Errors, e => e.Message.Contains("Indikatorn N79173 har ett målvärde i nämndplanen 'Verksamhetsplan 2025 (2026–2027)' men hör inte till något av dess delmål", StringComparison.Ordinal));
    }
}
