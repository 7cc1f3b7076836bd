using Dapper;
using Indicators.Data.Audit;
using Indicators.Data.Demo;
using Indicators.Data.PlanCode;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Indicators.TestSupport.PlanCodeTesting;

namespace Indicators.Data.Tests.Assignments;

/// <summary>A version's uppdrag in plan as code: <c>assignments</c> with receivers, mål, indicators, dates and the exempel mark.</summary>
public class AssignmentPlanCodeTests
{
    static readonly Actor Analyst = new("anna.analytiker", "127.0.0.1");

    const string DirectedUppdrag = """
              - code: RF-2025-1
                text: Minska hyrberoendet
                goal: "3.1"
                start: "2025-01-01"
                end: "2026-12-31"
                receivers:
                  - committee: HSN
                  - committee: RS
                indicators: [HYRPERSONAL_ANDEL]
                example: true
        """;

    static async Task<(NpgsqlDataSource DataSource, int PlanId)> DemoAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        await TestUsers.CreateAsync(connectionString, Analyst.UserName!, "Analytiker", committeeId: null);
        return (dataSource, (await new PlanQueries(dataSource).ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId);
    }

    [Fact]
    public async Task The_demos_uppdrag_are_exported_and_a_fresh_database_imports_them_to_the_identical_document()
    {
        var (demo, planId) = await DemoAsync();
        await using var _ = demo;

        var exported = (await new PlanExporter(demo).ExportAsync(planId))!;
        Assert.Contains(DirectedUppdrag.TrimEnd('\n'), exported, StringComparison.Ordinal);
        Assert.Contains("""
              - code: HSN-E.1-4
                text: "att styra verksamhetens omfattning till att klara kostnad per DRG poäng vid periodens slut att uppgå till högst 7,5 procent över snittet i riket för jämförbara sjukhus"
                given_by: HSN
                goal: E.1
                start: "2025-01-01"
                end: "2027-12-31"
                receivers:
                  - committee: HSN
                    level: administration
              - code: RF-2025-1
        """.TrimEnd('\n'), exported, StringComparison.Ordinal);

        await using var fresh = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        var result = await Importer(fresh).ImportAsync(exported, Analyst, dryRun: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(22, result.Changes.Count(c => c is { Action: "create", Entity: "assignment" }));
        Assert.Equal(exported, await new PlanExporter(fresh).ExportAsync(result.PlanId!.Value));

        // Importing the same document again changes nothing.
        var again = await Importer(fresh).ImportAsync(exported, Analyst, dryRun: false);
        Assert.DoesNotContain(again.Changes, c => c.Entity == "assignment");
    }

    [Fact]
    public async Task A_changed_document_updates_and_removes_uppdrag_through_the_writers_but_never_one_that_has_been_followed_up()
    {
        var (demo, planId) = await DemoAsync();
        await using var _ = demo;
        var exported = (await new PlanExporter(demo).ExportAsync(planId))!;
        var changed = exported
            .Replace("        text: Minska hyrberoendet\n", "        text: Minska beroendet av hyrpersonal\n", StringComparison.Ordinal)
            .Replace("          - committee: RS\n        indicators: [HYRPERSONAL_ANDEL]\n", "", StringComparison.Ordinal);

        // RS has followed up RF-2025-2 (set up directly: the follow-up is written in its report): a document without it is refused.
        await using (var setUp = await demo.OpenConnectionAsync())
        {
            await setUp.ExecuteAsync("""
                insert into committee_report (report_period_id, committee_id)
                select rp.id, c.id from report_period rp, committee c where rp.kind = 'interim' and c.code = 'RS' and c.area_id = '0022';
                insert into assignment_follow_up (assignment_id, committee_id, report_period_id, status)
                select a.id, c.id, rp.id, 'in_progress' from assignment a, committee c, report_period rp
                where a.code = 'RF-2025-2' and c.code = 'RS' and c.area_id = '0022' and rp.kind = 'interim';
                """);
        }

        // RF-2025-2 is the version's last uppdrag, and the demo's one version comes last before the sources.
        var start = changed.IndexOf("      - code: RF-2025-2\n", StringComparison.Ordinal);
        var withoutIt = changed.Remove(start, changed.IndexOf("\nsources:", start, StringComparison.Ordinal) + 1 - start);
        var refused = await Importer(demo).ImportAsync(withoutIt, Analyst, dryRun: false);
        Assert.False(refused.Succeeded);
        Assert.Contains("Uppdraget RF-2025-2 i versionen 'Fastställd plan' har följts upp av RS och kan inte tas bort", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(exported, await new PlanExporter(demo).ExportAsync(planId));

        var result = await Importer(demo).ImportAsync(changed, Analyst, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["update assignment Regionplan 2025–2027 / Fastställd plan / RF-2025-1"],
            result.Changes.Where(c => c.Entity == "assignment").Select(c => $"{c.Action} {c.Entity} {c.Key}"));
        Assert.Equal(changed, await new PlanExporter(demo).ExportAsync(planId));
        await using var connection = await demo.OpenConnectionAsync();
        Assert.Equal(["assignment import", "assignment_receiver import", "assignment_indicator import"], await connection.QueryAsync<string>(
            "select entity || ' ' || action from audit_log where entity like 'assignment%' order by id"));
    }

    [Fact]
    public async Task An_invalid_uppdrag_is_refused_at_its_line_with_a_Swedish_reason_and_nothing_is_written()
    {
        var (demo, planId) = await DemoAsync();
        await using var _ = demo;
        var exported = (await new PlanExporter(demo).ExportAsync(planId))!;
        var broken = exported
            .Replace("        goal: \"3.1\"\n        start: \"2025-01-01\"\n        end: \"2026-12-31\"\n", "        goal: \"9.9\"\n        start: \"2027-01-01\"\n        end: \"2026-12-31\"\n", StringComparison.Ordinal)
            .Replace("          - committee: RS\n        indicators: [HYRPERSONAL_ANDEL]", "          - committee: XYZ\n            level: styrelse\n        indicators: [OKAND]", StringComparison.Ordinal);
        var lines = broken.Split('\n').ToList();
        int LineOf(string text) => lines.FindIndex(l => l == text) + 1;

        var result = await Importer(demo).ImportAsync(broken, Analyst, dryRun: false);

        Assert.False(result.Succeeded);
        var errors = result.Errors.Select(e => (e.Line, e.Message)).ToList();
        Assert.Contains((LineOf("        goal: \"9.9\""), "Uppdraget RF-2025-1: versionen 'Fastställd plan' har inget mål med koden 9.9."), errors);
        Assert.Contains((LineOf("        end: \"2026-12-31\""), "Uppdraget RF-2025-1: Slutdatum (2026-12-31) kan inte ligga före startdatum (2027-01-01)."), errors);
        Assert.Contains((LineOf("          - committee: XYZ"), "Okänd nämnd 'XYZ': den finns inte under committees i dokumentet."), errors);
        Assert.Contains((LineOf("        indicators: [OKAND]"), "Okänd indikator 'OKAND': den finns inte under indicators i dokumentet."), errors);
        Assert.Contains(errors, e => e.Message == "Uppdraget RF-2025-1: Välj om nämnden eller förvaltningen tar emot uppdraget.");
        Assert.Equal(exported, await new PlanExporter(demo).ExportAsync(planId));
    }
}
