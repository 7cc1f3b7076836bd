using System.Text.RegularExpressions;
using Dapper;
using Indicators.Data.Audit;
using Indicators.Data.Indicators;
using Indicators.Data.PlanCode;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>
/// Sjukvårdspartiet's alternative regionplan (seed 002) in the demo, as the proposal version "Sjukvårdspartiets förslag"
/// of Regionplan 2025–2027. The seed is copied into the repository (Seeds/), so the wording is checked on a clean clone.
/// </summary>
public partial class DemoProposalTests
{
    const string Proposal = "Sjukvårdspartiets förslag";
    const string SeedSource = "Sjukvårdspartiets alternativa regionplan";

    /// <summary>The seed's text with every run of white space (its line breaks wrap sentences) as one space.</summary>
    static string SeedText() =>
        Whitespace().Replace(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", "002_8ee8d9a5709a40a7.txt")), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();

    static async Task<IReadOnlyList<(string Code, string Name, string? Description, string Kind)>> ProposalAreasAsync(NpgsqlConnection connection) =>
        [.. await connection.QueryAsync<(string, string, string?, string)>("""
            select ga.code, ga.name, ga.description, ga.kind from goal_area ga join plan_version v on v.id = ga.plan_version_id
            where v.name = @Proposal order by ga.sort_order
            """, new { Proposal })];

    static async Task<IReadOnlyList<(string Area, string Code, string Name, string? Description)>> ProposalGoalsAsync(NpgsqlConnection connection) =>
        [.. await connection.QueryAsync<(string, string, string, string?)>("""
            select ga.code, g.code, g.name, g.description
            from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            where v.name = @Proposal order by ga.sort_order, g.sort_order
            """, new { Proposal })];

    [Fact]
    public async Task The_proposals_nine_mal_and_three_malomraden_are_worded_as_in_seed_002_under_the_seeds_codes()
    {
        await using var dataSource = await PlanCodeTesting.DemoAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        var seed = SeedText();

        var areas = await ProposalAreasAsync(connection);
        var goals = await ProposalGoalsAsync(connection);

        Assert.Equal(["1", "2", "3"], areas.Where(a => a.Kind == "goal_area").Select(a => a.Code));
        foreach (var area in areas.Where(a => a.Kind == "goal_area"))
        {
            Assert.Contains($"Målområde {area.Code}: {area.Name}", seed, StringComparison.Ordinal);
        }

        var nine = goals.Where(g => g.Area != "E").ToList();
        Assert.Equal(["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3"], nine.Select(g => g.Code));
        foreach (var goal in nine)
        {
            // "Mål 1.1:  Vi erbjuder …" and "Mål 2.1 Vi säkerställer …": the code is the seed's, the text follows it.
            Assert.Equal(goal.Area, goal.Code[..1]);
            Assert.Matches($"Mål {Regex.Escape(goal.Code)}:? {Regex.Escape(goal.Name)}", seed);
        }

        // The economy, as the seed's chapter 2 structures it: its headings are the group's mål.
        var economy = Assert.Single(areas, a => a.Kind == "prerequisite");
        Assert.Equal(("E", "Ekonomi"), (economy.Code, economy.Name));
        Assert.Contains("2. Ekonomi", seed, StringComparison.Ordinal);
        Assert.Equal(
            [("E.1", "God ekonomisk hushållning och långsiktig balans"), ("E.2", "Plan för återställande av tidigare balanskravsunderskott")],
            goals.Where(g => g.Area == "E").Select(g => (g.Code, g.Name)));
        Assert.All(goals.Where(g => g.Area == "E"), g => Assert.Contains(g.Name, seed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_quotation_in_the_proposals_descriptions_and_seeded_malvarden_is_in_seed_002()
    {
        await using var dataSource = await PlanCodeTesting.DemoAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        var seed = SeedText();

        var texts = (await ProposalAreasAsync(connection)).Select(a => a.Description)
            .Concat((await ProposalGoalsAsync(connection)).Select(g => g.Description))
            .Concat(await connection.QueryAsync<string?>("""
                select t.provenance from target t join plan_version v on v.id = t.plan_version_id
                where v.name = @Proposal and not t.is_example
                """, new { Proposal }))
            .ToList();

        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        var quotes = texts.SelectMany(t => Quoted().Matches(t!).Select(m => m.Groups[1].Value)).ToList();
        Assert.True(quotes.Count >= 20, $"expected the descriptions to quote the seed, found {quotes.Count} quotations");
        Assert.All(quotes, q => Assert.Contains(q, seed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_seeds_economics_are_malvarden_quoting_it_352_mnkr_to_restore_300_mnkr_reserve_and_2025_at_minus_159()
    {
        await using var dataSource = await PlanCodeTesting.DemoAsync();
        await using var connection = await dataSource.OpenConnectionAsync();

        var seeded = (await connection.QueryAsync<(string Code, short Year, decimal Value, string Provenance)>("""
            select i.code, t.year, t.value, t.provenance
            from target t join indicator i on i.id = t.indicator_id join plan_version v on v.id = t.plan_version_id
            where v.name = @Proposal and not t.is_example and i.code in
                ('BALANSKRAVSUNDERSKOTT_KVAR', 'CENTRAL_RESERV', 'ARETS_RESULTAT', 'SJALVFINANSIERINGSGRAD')
            order by i.code, t.year
            """, new { Proposal })).ToList();

        Assert.Equal(
            [
                ("ARETS_RESULTAT", (short)2025, -159m), ("BALANSKRAVSUNDERSKOTT_KVAR", (short)2025, 352m), ("BALANSKRAVSUNDERSKOTT_KVAR", (short)2027, 0m),
                ("CENTRAL_RESERV", (short)2026, 300m), ("CENTRAL_RESERV", (short)2027, 300m), ("SJALVFINANSIERINGSGRAD", (short)2027, 100m),
            ],
            seeded.Select(s => (s.Code, s.Year, s.Value)));
        Assert.All(seeded, s => Assert.StartsWith(SeedSource + " §2.3.", s.Provenance, StringComparison.Ordinal));
        Assert.Contains("352 miljoner kronor", seeded.Single(s => s is { Code: "BALANSKRAVSUNDERSKOTT_KVAR", Year: 2025 }).Provenance, StringComparison.Ordinal);
        Assert.Contains("300 miljoner kronor årligen", seeded.Single(s => s is { Code: "CENTRAL_RESERV", Year: 2026 }).Provenance, StringComparison.Ordinal);
        Assert.Contains("-159 miljoner kronor", seeded.Single(s => s.Code == "ARETS_RESULTAT").Provenance, StringComparison.Ordinal);

        // The three new indicators are demo indicators of Västernorrland, linked only to the proposal.
        Assert.Equal(
            [("BALANSKRAVSUNDERSKOTT_KVAR", "mnkr", true, "Sjukvårdspartiets förslag"), ("CENTRAL_RESERV", "mnkr", true, "Sjukvårdspartiets förslag"),
             ("SJALVFINANSIERINGSGRAD", "%", true, "Sjukvårdspartiets förslag")],
            await connection.QueryAsync<(string, string, bool, string)>("""
                select i.code, i.unit, i.is_demo, string_agg(distinct v.name, ', ')
                from indicator i join goal_indicator gi on gi.indicator_id = i.id join goal g on g.id = gi.goal_id
                join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
                where i.area_id = '0022' and i.code in ('BALANSKRAVSUNDERSKOTT_KVAR', 'CENTRAL_RESERV', 'SJALVFINANSIERINGSGRAD')
                group by i.code, i.unit, i.is_demo order by i.code
                """));
    }

    [Fact]
    public async Task Every_invented_malvarde_of_the_proposal_is_marked_exempel_and_every_other_names_its_source()
    {
        await using var dataSource = await PlanCodeTesting.DemoAsync();
        await using var connection = await dataSource.OpenConnectionAsync();

        var targets = (await connection.QueryAsync<(string Provenance, bool IsExample)>("""
            select t.provenance, t.is_example from target t join plan_version v on v.id = t.plan_version_id where v.name = @Proposal
            """, new { Proposal })).ToList();

        Assert.True(targets.Count > 40, $"got {targets.Count} målvärden");
        Assert.All(targets.Where(t => t.IsExample), t => Assert.StartsWith("Exempel", t.Provenance, StringComparison.Ordinal));
        Assert.All(targets.Where(t => !t.IsExample), t => Assert.True(
            t.Provenance.StartsWith(SeedSource, StringComparison.Ordinal) || t.Provenance.StartsWith("Nationellt mål", StringComparison.Ordinal), t.Provenance));
        // Every målvärde is for an indicator linked to one of the proposal's mål.
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            select count(*) from target t join plan_version v on v.id = t.plan_version_id
            where v.name = @Proposal and not exists (
                select 1 from goal_indicator gi join goal g on g.id = gi.goal_id join goal_area ga on ga.id = g.goal_area_id
                where ga.plan_version_id = v.id and gi.indicator_id = t.indicator_id)
            """, new { Proposal }));
    }

    [Fact]
    public async Task The_proposal_is_an_uncurrent_version_of_the_same_plan_with_no_reports_uppdrag_or_plans_and_the_adopted_version_stays_current()
    {
        await using var dataSource = await PlanCodeTesting.DemoAsync();
        await using var connection = await dataSource.OpenConnectionAsync();

        Assert.Equal(
            [("Fastställd plan", "adopted", "Regionfullmäktige", true), (Proposal, "proposal", "Sjukvårdspartiet", false)],
            await connection.QueryAsync<(string, string, string, bool)>("""
                select v.name, v.kind, v.author, v.is_current from plan_version v join plan p on p.id = v.plan_id
                where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' order by v.name
                """));
        Assert.True(await connection.ExecuteScalarAsync<bool>("""
            select decided_on is null and decided_by is null and decision_section is null and current_from is null and revises_version_id is null
            from plan_version where name = @Proposal
            """, new { Proposal }));

        foreach (var table in new[] { "report_period", "assignment", "action_plan", "committee_plan" })
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
                $"select count(*) from {table} x join plan_version v on v.id = x.plan_version_id where v.name = @Proposal", new { Proposal }));
            Assert.True(await connection.ExecuteScalarAsync<int>(
                $"select count(*) from {table} x join plan_version v on v.id = x.plan_version_id where v.is_current and v.name = 'Fastställd plan'") > 0, table);
        }

        // The adopted version as demo-plan.sql made it: 8 mål, 20 indicator links, 57 målvärden.
        Assert.Equal((8, 20, 57), await connection.QuerySingleAsync<(int, int, int)>("""
            select (select count(*)::int from goal g join goal_area ga on ga.id = g.goal_area_id where ga.plan_version_id = v.id),
                   (select count(*)::int from goal_indicator gi join goal g on g.id = gi.goal_id join goal_area ga on ga.id = g.goal_area_id
                    where ga.plan_version_id = v.id),
                   (select count(*)::int from target t where t.plan_version_id = v.id)
            from plan_version v join plan p on p.id = v.plan_id where v.is_current and p.area_id = '0022'
            """));
    }

    [Fact]
    public async Task The_demo_plans_export_carries_the_proposal_and_an_import_into_a_fresh_database_gives_it_back_unchanged()
    {
        await using var demo = await PlanCodeTesting.DemoAsync();
        int planId;
        await using (var connection = await demo.OpenConnectionAsync())
        {
            planId = await connection.ExecuteScalarAsync<int>("select id from plan where name = 'Regionplan 2025–2027'");
        }

        var yaml = (await new PlanExporter(demo).ExportAsync(planId))!;
        Assert.Matches($@"- name: {Proposal}\n +kind: proposal\n +author: Sjukvårdspartiet\n +current: false\n", yaml);
        Assert.Contains("name: Plan för återställande av tidigare balanskravsunderskott", yaml, StringComparison.Ordinal);

        await using var fresh = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        var result = await PlanCodeTesting.Importer(fresh).ImportAsync(yaml, new Actor("alva", "127.0.0.1"), dryRun: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(yaml, await new PlanExporter(fresh).ExportAsync(result.PlanId!.Value));

        await using var copy = await fresh.OpenConnectionAsync();
        Assert.Equal(
            ("proposal", "Sjukvårdspartiet", false, 11, 19, await CountProposalTargetsAsync(demo)),
            await copy.QuerySingleAsync<(string, string, bool, int, int, int)>("""
                select v.kind, v.author, v.is_current,
                       (select count(*)::int from goal g join goal_area ga on ga.id = g.goal_area_id where ga.plan_version_id = v.id),
                       (select count(*)::int from goal_indicator gi join goal g on g.id = gi.goal_id join goal_area ga on ga.id = g.goal_area_id
                        where ga.plan_version_id = v.id),
                       (select count(*)::int from target t where t.plan_version_id = v.id)
                from plan_version v where v.name = @Proposal
                """, new { Proposal }));
        Assert.Equal(["Mål 2.2 Vi stärker primärvården och erbjuder personcentrerad vård utifrån individens behov"], await copy.QueryAsync<string>("""
            select 'Mål ' || g.code || ' ' || g.name from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            where v.name = @Proposal and g.code = '2.2'
            """, new { Proposal }));
    }

    [Fact]
    public async Task The_indicator_list_names_the_proposals_mal_with_the_version_after_the_adopted_plans()
    {
        await using var dataSource = await PlanCodeTesting.DemoAsync();

        var row = Assert.Single(await new IndicatorEditQueries(dataSource).ListAsync(), r => r.Code == "N79179");

        Assert.Equal(
            ["2.1 Vi erbjuder vård som utgår från individens behov och är tillgänglig",
             "2.2 Vi stärker primärvården och erbjuder personcentrerad vård utifrån individens behov (Sjukvårdspartiets förslag)"],
            row.Goals);
    }

    static async Task<int> CountProposalTargetsAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "select count(*) from target t join plan_version v on v.id = t.plan_version_id where v.name = @Proposal", new { Proposal });
    }
}
