using Dapper;
using Indicators.Core.ActionPlans;
using Indicators.Data.ActionPlans;
using Indicators.Data.Audit;
using Indicators.Data.PlanCode;
using Indicators.TestSupport;
using Npgsql;
using static Indicators.TestSupport.PlanCodeTesting;

namespace Indicators.Data.Tests.ActionPlans;

/// <summary>Åtgärdsplaner as code: exported under their version, imported back identically, and a broken one refused at its line.</summary>
public class ActionPlanPlanCodeTests
{
    static readonly Actor Alva = new("alva", "127.0.0.1");

    static async Task<(int PlanId, string Yaml)> ExportAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var planId = await connection.ExecuteScalarAsync<int>("select id from plan where name = 'Regionplan 2025–2027'");
        return (planId, (await new PlanExporter(dataSource).ExportAsync(planId))!);
    }

    static async Task<ActionPlan> HsnPlanAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var (versionId, hsnId) = await connection.QuerySingleAsync<(int, int)>("""
            select v.id, c.id from plan_version v join plan p on p.id = v.plan_id, committee c
            where p.name = 'Regionplan 2025–2027' and v.is_current and c.area_id = p.area_id and c.code = 'HSN'
            """);
        return Assert.Single(await new ActionPlanQueries(dataSource).ForCommitteeAsync(versionId, hsnId)).Plan;
    }

    static int LineOf(string yaml, string text) =>
        Array.FindIndex(yaml.Split('\n'), l => l == text) is var i and >= 0 ? i + 1 : throw new InvalidOperationException($"No line '{text}'.");

    static string ReplaceLine(string yaml, int line, string replacement)
    {
        var lines = yaml.Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    [Fact]
    public async Task The_demo_action_plan_goes_out_and_back_into_a_fresh_database_with_seed_003s_figures_and_the_same_document()
    {
        await using var demo = await DemoAsync();
        var (_, first) = await ExportAsync(demo);
        Assert.Contains("    action_plans:\n      - committee: HSN\n        name: Ekonomisk handlingsplan 2025–2027\n", first, StringComparison.Ordinal);
        Assert.Contains("          - name: Hyroberonde vård\n            planned:\n              \"2025\": 70\n", first, StringComparison.Ordinal);

        await using var fresh = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        var result = await Importer(fresh).ImportAsync(first, Alva, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains(result.Changes, c => c is { Action: "create", Entity: "action_plan", Key: "Regionplan 2025–2027 / Fastställd plan / HSN / Ekonomisk handlingsplan 2025–2027" });
        Assert.Equal(7, result.Changes.Count(c => c is { Action: "create", Entity: "action_measure" }));
        var plan = await HsnPlanAsync(fresh);
        int[] years = [2025, 2026, 2027];
        Assert.Equal([240m, 235m, 215m], years.Select(y => ActionPlanSums.Planned(plan, y)));
        Assert.Equal([15m, -15m, 120m], years.Select(y => ActionPlanSums.Deviation(plan, y)!.Value));
        Assert.Equal([-600m, -570m, -345m, -95m, 0m], ActionPlanSums.PathToBalance(plan).Select(p => p.Result));
        Assert.Equal(first, await new PlanExporter(fresh).ExportAsync(result.PlanId!.Value));

        // The same document again changes nothing.
        var again = await Importer(fresh).ImportAsync(first, Alva, dryRun: false);
        Assert.True(again.Succeeded);
        Assert.DoesNotContain(again.Changes, c => c.Entity.StartsWith("action", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_effect_and_a_removed_aatgaerd_are_imported_through_the_audited_writers()
    {
        await using var demo = await DemoAsync();
        var (_, yaml) = await ExportAsync(demo);
        var hyr = LineOf(yaml, "          - name: Hyroberonde vård");
        Assert.Equal("              \"2025\": 70", yaml.Split('\n')[hyr + 1]);
        var changed = ReplaceLine(yaml, hyr + 2, "              \"2025\": 80");
        var admin = LineOf(changed, "          - name: Effektivare administration");
        var lines = changed.Split('\n').ToList();
        lines.RemoveRange(admin - 1, 3);  // the name, "planned:" and its one year
        changed = string.Join('\n', lines);

        var result = await Importer(demo).ImportAsync(changed, Alva, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var prefix = "Regionplan 2025–2027 / Fastställd plan / HSN / Ekonomisk handlingsplan 2025–2027";
        // The åtgärder after the removed one move up a place: their order is part of what they are.
        Assert.Equal(
            [
                ("delete", "action_measure", $"{prefix} / Effektivare administration"), ("update", "action_measure", $"{prefix} / Hyroberonde vård"),
                ("update", "action_measure", $"{prefix} / Köpt vård"), ("update", "action_measure", $"{prefix} / Smarta Inköp"),
            ],
            result.Changes.Where(c => c.Entity.StartsWith("action", StringComparison.Ordinal)).Select(c => (c.Action, c.Entity, c.Key)));
        var plan = await HsnPlanAsync(demo);
        // 240 + 10 (Hyroberonde vård 70 → 80) − 15 (Effektivare administration removed).
        Assert.Equal(235m, ActionPlanSums.Planned(plan, 2025));
        await using var connection = await demo.OpenConnectionAsync();
        Assert.Equal(["action_measure", "action_measure_effect"], await connection.QueryAsync<string>(
            "select distinct entity from audit_log where action = 'import' and entity like 'action%' order by entity"));
    }

    public static TheoryData<string, string, string, string> InvalidDocuments => new()
    {
        // name, line to find in the export, replacement, expected reason (part of it)
        { "year before the year before the plan", "          - year: 2024", "          - year: 2023", "År: 2023 ligger utanför planens år 2024–2027" },
        { "an effect after the plan", "              \"2027\": 30", "              \"2031\": 30", "Planerad effekt 2031: 2031 ligger utanför planens år 2024–2027" },
        { "a year that is no year", "              \"2027\": 30", "              sjuttio: 30", "'sjuttio' är inget år" },
        { "an amount that is no number", "              \"2027\": 30", "              \"2027\": trettio", "'trettio' är inget tal" },
        { "an unknown nämnd", "      - committee: HSN", "      - committee: XYZ", "Okänd nämnd 'XYZ'" },
        { "an åtgärd twice", "          - name: Läkemedel", "          - name: hyroberonde VÅRD", "har redan en åtgärd som heter 'hyroberonde VÅRD'" },
        { "no name", "        name: Ekonomisk handlingsplan 2025–2027", "        name: \" \"", "Ange åtgärdsplanens namn." },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task An_invalid_action_plan_is_refused_at_its_line_in_Swedish_and_nothing_is_written(string what, string find, string replacement, string reason)
    {
        await using var demo = await DemoAsync();
        var (_, yaml) = await ExportAsync(demo);
        var line = LineOf(yaml, find);

        var result = await Importer(demo).ImportAsync(ReplaceLine(yaml, line, replacement), Alva, dryRun: false);

        Assert.False(result.Succeeded, what);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(line, error.Line);
        Assert.Empty(result.Changes);
        Assert.Equal(240m, ActionPlanSums.Planned(await HsnPlanAsync(demo), 2025));
    }
}
