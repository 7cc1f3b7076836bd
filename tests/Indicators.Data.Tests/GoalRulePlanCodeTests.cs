using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Sources;
using Indicators.Data.Audit;
using Indicators.Data.Demo;
using Indicators.Data.PlanCode;
using Indicators.Data.Plans;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Files;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>A version's goal rule in plan as code: <c>goal_rule</c> with <c>met_share</c>, <c>not_met_share</c> and <c>weights</c>.</summary>
public class GoalRulePlanCodeTests
{
    static readonly Actor Analyst = new("anna.analytiker", "127.0.0.1");
    static readonly FolderCheck Folders = new FileRoots(new FileSourceOptions("/var/tmp/indicators-plan-code-root", TimeSpan.Zero, 1)).Check;

    const string Rule = """
            goal_rule:
              met_share: 75
              not_met_share: 40.5
              weights:
                - indicator: N79222
                  weight: 2
                - indicator: SJUKFRANVARO
                  weight: 0.5

        """;

    static async Task<(NpgsqlDataSource DataSource, int PlanId)> DemoAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        await TestUsers.CreateAsync(connectionString, Analyst.UserName!, "Analytiker", committeeId: null);
        return (dataSource, (await new PlanQueries(dataSource).ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId);
    }

    static PlanImporter Importer(NpgsqlDataSource dataSource) => new(dataSource, CronSchedule.Check, Folders, SourceSettingsShape.Check);

    /// <summary>
    /// The demo's versions are exported by name, the adopted "Fastställd plan" before "Sjukvårdspartiets förslag": a rule is added at
    /// the adopted version's end.
    /// </summary>
    static string WithRule(string yaml, string rule = Rule) =>
        yaml.Replace("\n  - name: Sjukvårdspartiets förslag\n", "\n" + rule.TrimEnd('\n') + "\n  - name: Sjukvårdspartiets förslag\n", StringComparison.Ordinal);

    [Fact]
    public async Task A_rule_set_on_the_plan_page_is_exported_and_a_fresh_database_imports_it_to_the_identical_document()
    {
        var (demo, planId) = await DemoAsync();
        await using var _ = demo;
        var store = new GoalRuleEditor(demo);
        var opened = (await store.ReadForPlanAsync(planId))!;
        var ids = opened.Indicators.ToDictionary(i => i.Code, i => i.IndicatorId);
        await store.SaveAsync(opened.VersionId, opened.RowVersion,
            new GoalRuleEdit(new GoalRule(75, 40.5m), new Dictionary<int, decimal> { [ids["N79222"]] = 2, [ids["SJUKFRANVARO"]] = 0.5m }), Analyst);

        var exported = (await new PlanExporter(demo).ExportAsync(planId))!;
        Assert.Contains(Rule.TrimEnd('\n'), exported, StringComparison.Ordinal);

        await using var fresh = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        var result = await Importer(fresh).ImportAsync(exported, Analyst, dryRun: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains(result.Changes, c => c is { Action: "update", Entity: "goal_rule", Key: "Regionplan 2025–2027 / Fastställd plan" });
        Assert.Equal(exported, await new PlanExporter(fresh).ExportAsync(result.PlanId!.Value));
        var overview = (await new PlanQueries(fresh).GetOverviewAsync(result.PlanId!.Value))!;
        Assert.Equal(new GoalRule(75, 40.5m), overview.Rule);
        Assert.Equal(2m, overview.Indicators.Single(i => i.Code == "N79222").GoalWeight);
    }

    [Fact]
    public async Task The_default_rule_is_not_written_and_a_document_without_a_rule_brings_a_version_back_to_the_default()
    {
        var (demo, planId) = await DemoAsync();
        await using var _ = demo;
        var plain = (await new PlanExporter(demo).ExportAsync(planId))!;
        Assert.DoesNotContain("goal_rule", plain, StringComparison.Ordinal);

        var imported = await Importer(demo).ImportAsync(WithRule(plain), Analyst, dryRun: false);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        Assert.Equal(new GoalRule(75, 40.5m), (await new GoalRuleEditor(demo).ReadForPlanAsync(planId))!.Rule);

        var reset = await Importer(demo).ImportAsync(plain, Analyst, dryRun: false);
        Assert.Equal(["Regionplan 2025–2027 / Fastställd plan"], reset.Changes.Where(c => c.Entity == "goal_rule").Select(c => c.Key));
        var settings = (await new GoalRuleEditor(demo).ReadForPlanAsync(planId))!;
        Assert.Equal(GoalRule.Default, settings.Rule);
        Assert.Empty(settings.Weighted);
        Assert.Equal(plain, await new PlanExporter(demo).ExportAsync(planId));
    }

    public static TheoryData<string, string, string, string> InvalidRules => new()
    {
        // name, line to change in Rule, replacement, expected reason (part of it)
        { "met share not above not-met share", "      met_share: 75", "      met_share: 40", "Andelen för uppfyllt (40\u00A0%) måste vara större än andelen för ej uppfyllt (40,5\u00A0%)." },
        { "not-met share of 100", "      not_met_share: 40.5", "      not_met_share: 100", "Andelen för ej uppfyllt måste vara minst 0\u00A0% och mindre än 100\u00A0%" },
        { "a share that is no number", "      met_share: 75", "      met_share: tre kvarts", "'tre kvarts' är inget tal (met_share)." },
        { "a weight of 0", "          weight: 2", "          weight: 0", "Vikten för N79222 måste vara större än 0" },
        { "an unknown indicator", "        - indicator: SJUKFRANVARO", "        - indicator: OKAND", "Okänd indikator 'OKAND'" },
        { "an indicator weighed twice", "        - indicator: SJUKFRANVARO", "        - indicator: N79222", "Indikatorn N79222 har redan en vikt" },
        { "an unknown key", "      met_share: 75", "      uppfyllt: 75", "Okänd nyckel 'uppfyllt' i regeln för målförslag." },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public async Task An_invalid_rule_is_refused_at_its_line_with_a_Swedish_reason_and_nothing_is_written(string what, string find, string replacement, string reason)
    {
        var (demo, planId) = await DemoAsync();
        await using var _ = demo;
        var yaml = WithRule((await new PlanExporter(demo).ExportAsync(planId))!, Rule.Replace(find, replacement, StringComparison.Ordinal));
        var line = yaml.Split('\n').ToList().FindLastIndex(l => l == replacement) + 1;

        var result = await Importer(demo).ImportAsync(yaml, Analyst, dryRun: false);

        Assert.False(result.Succeeded, what);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(line, error.Line);
        Assert.Equal(GoalRule.Default, (await new GoalRuleEditor(demo).ReadForPlanAsync(planId))!.Rule);
        await using var connection = await demo.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from indicator_weight"));
    }

    [Fact]
    public async Task A_weight_for_an_indicator_that_follows_up_no_goal_of_the_version_is_refused_at_its_line()
    {
        var (demo, planId) = await DemoAsync();
        await using var _ = demo;
        var exported = (await new PlanExporter(demo).ExportAsync(planId))!;
        Assert.Contains(", SJUKFRANVARO]", exported, StringComparison.Ordinal);
        var yaml = WithRule(exported.Replace(", SJUKFRANVARO]", "]", StringComparison.Ordinal));
        var line = yaml.Split('\n').ToList().FindIndex(l => l == "        - indicator: SJUKFRANVARO") + 1;

        var result = await Importer(demo).ImportAsync(yaml, Analyst, dryRun: true);

        var error = Assert.Single(result.Errors);
        Assert.Equal((line, "Indikatorn SJUKFRANVARO har en vikt men följer inte upp något mål i versionen 'Fastställd plan'."), (error.Line, error.Message));
    }
}
