using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Indicators.Data.Audit;
using Indicators.Data.PlanCode;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>
/// Seed 001, Region Västerbotten's Regionplan 2024–2027 med budget 2025, as the demo's second organisation: its wording
/// checked against the seed file itself (a copy in Seeds/, since CI has no /work/shared), its data kept apart from
/// Region Västernorrland's, and its plan carried unchanged through plan as code.
/// </summary>
public partial class VasterbottenDemoTests
{
    const string Plan = "Regionplan 2024–2027";
    const string Version = "Regionplan 2024–2027 med budget 2025";
    static readonly Actor Alva = new("alva", "127.0.0.1");

    /// <summary>The seed's text with every run of whitespace (line breaks, page breaks) read as one space.</summary>
    static readonly Lazy<string> Seed = new(() => Normalised(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "Seeds", "001_4f5184852443a2e3.txt"))));

    static string Normalised(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The first match of <paramref name="pattern"/> in the seed; fails the test when the seed does not say it.</summary>
    static Match InSeed(string pattern)
    {
        var match = Regex.Match(Seed.Value, pattern, RegexOptions.CultureInvariant);
        Assert.True(match.Success, $"Seed 001 does not say: {pattern}");
        return match;
    }

    static int Number(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>The seven regionmål of §3.2: number, name and the förväntat utfall items, as the seed words them.</summary>
    static List<(string Code, string Name, List<string> Outcomes)> SeedRegionGoals()
    {
        var text = Seed.Value;
        var start = text.IndexOf("3.2 Regionmål", StringComparison.Ordinal);
        var end = text.IndexOf("3.3 Finansiella mål", start, StringComparison.Ordinal);
        var section = text[start..end];
        var headings = GoalHeading().Matches(section);
        var goals = new List<(string, string, List<string>)>();
        for (var i = 0; i < headings.Count; i++)
        {
            var bodyEnd = i + 1 < headings.Count ? headings[i + 1].Index : section.Length;
            var body = section[headings[i].Index..bodyEnd];
            var expected = body[(body.IndexOf("Förväntat utfall", StringComparison.Ordinal) + "Förväntat utfall".Length)..];
            var documents = expected.IndexOf("Styrande dokument", StringComparison.Ordinal);
            expected = documents < 0 ? expected : expected[..documents];
            var name = headings[i].Groups[2].Value.Trim();
            name = name[..name.IndexOf(" Målet riktas", StringComparison.Ordinal)];
            goals.Add((headings[i].Groups[1].Value, name,
                expected.Split(" - ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()));
        }

        return goals;
    }

    static async Task<int> PlanIdAsync(NpgsqlConnection connection) =>
        await connection.ExecuteScalarAsync<int>("select id from plan where area_id = '0024' and name = @Plan", new { Plan });

    [Fact]
    public async Task The_seven_regionmal_of_seed_001_are_in_the_demo_worded_as_the_seed_with_their_forvantat_utfall()
    {
        await using var demo = await PlanCodeTesting.DemoAsync();
        await using var connection = await demo.OpenConnectionAsync();

        var seed = SeedRegionGoals();
        Assert.Equal(7, seed.Count);
        var stored = (await connection.QueryAsync<(string Code, string Name, string Description)>("""
            select g.code, g.name, g.description
            from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            join plan p on p.id = v.plan_id
            where p.area_id = '0024' and p.name = @Plan and v.name = @Version and ga.code = 'R'
            order by g.sort_order
            """, new { Plan, Version })).ToList();

        Assert.Equal(seed.Select(g => (g.Code, g.Name)), stored.Select(g => (g.Code, g.Name)));
        Assert.Equal("Trygga uppväxtvillkor", stored[0].Name);
        Assert.Equal("Stärk forskning, utbildning och innovation", stored[6].Name);
        foreach (var (goal, expected) in stored.Zip(seed))
        {
            var lines = goal.Description.Split('\n');
            Assert.Equal("Förväntat utfall:", lines[0]);
            Assert.Equal(expected.Outcomes, lines.Skip(1).Select(l => Normalised(l.TrimStart('-'))));
        }

        // Mål 3's fourth item runs over a page break in the seed; read as one sentence it is one förväntat utfall.
        Assert.Contains("- Region Västerbotten utvecklar sin roll som förebild för ett rikt föreningsliv och en hög mellanmänsklig tillit mellan länets invånare.",
            stored[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_001s_financial_targets_are_the_demos_malvarden_with_the_seeds_values_years_and_directions()
    {
        await using var demo = await PlanCodeTesting.DemoAsync();
        await using var connection = await demo.OpenConnectionAsync();
        var targets = (await connection.QueryAsync<(string Code, string Direction, string? KpiId, int Year, decimal Value, bool IsExample)>("""
            select i.code, i.direction, i.kpi_id, t.year, t.value, t.is_example
            from target t join indicator i on i.id = t.indicator_id join plan_version v on v.id = t.plan_version_id
            join plan p on p.id = v.plan_id
            where p.area_id = '0024' and p.name = @Plan and v.name = @Version and i.area_id = '0024'
              and i.code in ('N63016', 'N63133', 'LANESKULD_ANDEL', 'TJANSTERESOR_FORANDRING')
            """, new { Plan, Version })).ToDictionary(t => t.Code); // one målvärde each, or ToDictionary throws
        var goals = (await connection.QueryAsync<(string Code, string Name, string Description)>("""
            select g.code, g.name, g.description
            from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            join plan p on p.id = v.plan_id
            where p.area_id = '0024' and p.name = @Plan and v.name = @Version and ga.code = 'F'
            """, new { Plan, Version })).ToDictionary(g => g.Code);

        // Resultatmål: at least 3 % of skatteintäkter och generella statsbidrag in 2025, Kolada N63016.
        var result = InSeed(@"(\d{4}) ska verksamhetens resultat uppgå till minst (\d+) procent av skatteintäkter och generella statsbidrag\.");
        Assert.Equal(("higher", "N63016", Number(result, 1), (decimal)Number(result, 2), false),
            (targets["N63016"].Direction, targets["N63016"].KpiId, targets["N63016"].Year, targets["N63016"].Value, targets["N63016"].IsExample));
        Assert.Contains(result.Value, goals["F.1"].Description, StringComparison.Ordinal);

        // Soliditetsmål: at least −13 % in 2025 (Kolada N63133), and 20 % by 2040, after the plan period, in the mål's text.
        var solidity = InSeed(@"(\d{4}) ska soliditet inklusive ansvarsförbindelse minst uppgå till minus (\d+) procent\.");
        Assert.Equal(("higher", "N63133", Number(solidity, 1), (decimal)-Number(solidity, 2), false),
            (targets["N63133"].Direction, targets["N63133"].KpiId, targets["N63133"].Year, targets["N63133"].Value, targets["N63133"].IsExample));
        var longTerm = InSeed(@"Soliditeten inklusive ansvarsförbindelsen ska stärkas med ett långsiktigt mål på minst (\d+) procent till år (\d{4})\.");
        Assert.Equal((20, 2040), (Number(longTerm, 1), Number(longTerm, 2)));
        Assert.Contains(longTerm.Value, goals["F.2"].Description, StringComparison.Ordinal);
        Assert.Contains(solidity.Value, goals["F.2"].Description, StringComparison.Ordinal);

        // Skuldsättningsmål: räntebärande låneskuld at most 22 % in 2025; Kolada has no KPI for it.
        var debt = InSeed(@"(\d{4}) bör räntebärande låneskulden, exklusive pensionsskulden, högst uppgå till (\d+) procent av skatteintäkter och generella statsbidrag\.");
        Assert.Equal(("lower", (string?)null, Number(debt, 1), (decimal)Number(debt, 2), false),
            (targets["LANESKULD_ANDEL"].Direction, targets["LANESKULD_ANDEL"].KpiId, targets["LANESKULD_ANDEL"].Year, targets["LANESKULD_ANDEL"].Value,
             targets["LANESKULD_ANDEL"].IsExample));
        Assert.Contains(debt.Value, goals["F.3"].Description, StringComparison.Ordinal);

        // Tjänsteresor: −15 % against 2023, the riktat uppdrag to every nämnd of the budget year 2025.
        var travel = InSeed(@"Minska kostnader för tjänsteresor i Region Västerbotten med (\d+) procent i jämförelse med år (\d{4})");
        Assert.Equal(2023, Number(travel, 2));
        Assert.Equal(("lower", 2025, (decimal)-Number(travel, 1), false),
            (targets["TJANSTERESOR_FORANDRING"].Direction, targets["TJANSTERESOR_FORANDRING"].Year, targets["TJANSTERESOR_FORANDRING"].Value,
             targets["TJANSTERESOR_FORANDRING"].IsExample));
        Assert.Equal(travel.Value, goals["F.4"].Name);
        Assert.Contains("mot 2023", await connection.ExecuteScalarAsync<string>(
            "select name from indicator where area_id = '0024' and code = 'TJANSTERESOR_FORANDRING'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_riktade_uppdrag_are_the_seeds_table_word_for_word_with_their_receivers_and_are_followed_up_in_the_delårsrapport_and_årsredovisning()
    {
        await using var demo = await PlanCodeTesting.DemoAsync();
        await using var connection = await demo.OpenConnectionAsync();

        var rows = (await connection.QueryAsync<(string Code, string Text, bool IsExample, int? GivenBy, string Receiver)>("""
            select a.code, a.text, a.is_example, a.given_by_committee_id, c.name
            from assignment a
            join plan_version v on v.id = a.plan_version_id join plan p on p.id = v.plan_id
            join assignment_receiver r on r.assignment_id = a.id join committee c on c.id = r.committee_id
            where p.area_id = '0024'
            order by a.sort_order, r.sort_order
            """)).AsList();
        var uppdrag = rows.GroupBy(r => r.Code).ToList();

        // §3.4's table row by row: the uppdrag, then its "Riktas till" as the seed words it.
        Assert.Equal(13, uppdrag.Count);
        Assert.All(rows, r => Assert.Equal((false, (int?)null), (r.IsExample, r.GivenBy)));
        var committees = await connection.ExecuteScalarAsync<int>("select count(*) from committee where area_id = '0024' and code in ('RS', 'HSN', 'RUN', 'FHS', 'PN', 'KLN')");
        foreach (var row in uppdrag)
        {
            var names = row.Select(r => r.Receiver).ToList();
            var receivers = names.Count == committees ? "Alla nämnder och styrelser"
                : names.Count == 1 ? names[0]
                : string.Join(", ", names.Take(names.Count - 1).Select((n, i) => i == 0 ? n : Lower(n))) + " och " + Lower(names[^1]);
            Assert.True(Seed.Value.Contains(row.First().Text + " " + receivers, StringComparison.Ordinal),
                $"Seed 001 §3.4 does not give {row.Key} to {receivers}: {row.First().Text}");
        }

        // The follow-up rule: delårsrapport (prognos) and årsredovisning for the budget year, and the tjänsteresor uppdrag
        // measured by its own indicator.
        Assert.Equal(
            [(2025, "annual"), (2025, "interim")],
            await connection.QueryAsync<(int, string)>("""
                select rp.year, rp.kind from report_period rp join plan_version v on v.id = rp.plan_version_id join plan p on p.id = v.plan_id
                where p.area_id = '0024' order by rp.year, rp.kind
                """));
        Assert.Equal("TJANSTERESOR_FORANDRING", await connection.ExecuteScalarAsync<string>("""
            select i.code from assignment_indicator ai join assignment a on a.id = ai.assignment_id join indicator i on i.id = ai.indicator_id
            where i.area_id = '0024' and a.code = 'RU-7'
            """));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            select count(*) from assignment_follow_up f join committee c on c.id = f.committee_id
            join report_period rp on rp.id = f.report_period_id join plan_version v on v.id = rp.plan_version_id join plan p on p.id = v.plan_id
            where p.area_id = '0024' and (c.area_id <> '0024' or not f.is_example)
            """));
    }

    static string Lower(string name) => char.ToLower(name[0], CultureInfo.GetCultureInfo("sv-SE")) + name[1..];

    [Fact]
    public async Task Region_Vasterbottens_plan_its_nämnder_and_indicators_are_its_own_and_share_nothing_with_Region_Vasternorrlands()
    {
        await using var demo = await PlanCodeTesting.DemoAsync();
        await using var connection = await demo.OpenConnectionAsync();

        Assert.Equal(
            [("0022", "Regionplan 2025–2027"), ("0024", Plan)],
            await connection.QueryAsync<(string, string)>("select area_id, name from plan order by area_id"));
        Assert.Equal(
            ["BKF", "BSRU", "DEMB", "FHS", "HSN", "KLN", "PN", "RS", "RUN"],
            await connection.QueryAsync<string>("select code from committee where area_id = '0024' order by code"));
        var version = await connection.QuerySingleAsync<(string Kind, bool IsCurrent, string DecidedBy, string Section)>("""
            select v.kind, v.is_current, v.decided_by, v.decision_section from plan_version v join plan p on p.id = v.plan_id
            where p.area_id = '0024'
            """);
        Assert.Equal(("adopted", true, "Regionfullmäktige", "§ 118 (exempel)"), version);

        // Every committee Västerbotten's plan names (owner, contributor, indicator owner) and every indicator it follows
        // is Västerbotten's, though HSN, RS, RUN, N79173 and N63016 are codes of both organisations.
        var foreign = await connection.QueryAsync<string>("""
            with plan_goal as (
                select g.* from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
                join plan p on p.id = v.plan_id where p.area_id = '0024')
            select 'owner of ' || g.code from plan_goal g join committee c on c.id = g.owner_committee_id where c.area_id <> '0024'
            union all
            select 'contributor to ' || g.code from plan_goal g join goal_contributor gc on gc.goal_id = g.id
                join committee c on c.id = gc.committee_id where c.area_id <> '0024'
            union all
            select 'indicator ' || i.code from plan_goal g join goal_indicator gi on gi.goal_id = g.id
                join indicator i on i.id = gi.indicator_id
                left join committee c on c.id = i.owner_committee_id
                where i.area_id <> '0024' or i.primary_area_id <> '0024' or c.area_id <> '0024'
            union all
            select 'target of ' || i.code from target t join indicator i on i.id = t.indicator_id join plan_version v on v.id = t.plan_version_id
                join plan p on p.id = v.plan_id where p.area_id <> i.area_id
            union all
            select 'source link ' || s.name || ' → ' || i.area_id || ' ' || i.code
                from source s join source_indicator si on si.source_id = s.id join indicator i on i.id = si.indicator_id
                where exists (select 1 from source_indicator si2 join indicator i2 on i2.id = si2.indicator_id
                              where si2.source_id = s.id and i2.area_id <> i.area_id)
            """);
        Assert.Empty(foreign);
        Assert.Equal(8, await connection.ExecuteScalarAsync<int>("""
            select count(*) from indicator a join indicator b on a.code = b.code and a.id <> b.id where a.area_id = '0024' and b.area_id = '0022'
            """));

        // Demo outcomes for Västerbotten's own indicators, all marked as demo, read as the same figures Västernorrland's
        // indicators show for Västerbotten as a comparison region.
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "select count(*) from observation o join indicator i on i.id = o.indicator_id where i.area_id = '0024' and not o.is_demo"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            select count(*) from indicator i
            where i.area_id = '0024' and i.code <> 'FOLKMANGD'
              and not exists (select 1 from observation o where o.indicator_id = i.id and o.area_id = '0024' and o.period = '2025')
            """));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            select count(*) from observation a join indicator ai on ai.id = a.indicator_id
            join indicator bi on bi.code = ai.code and bi.area_id = '0022'
            join observation b on b.indicator_id = bi.id and b.period = a.period and b.area_id = a.area_id and b.gender = a.gender
            where ai.area_id = '0024' and a.value is distinct from b.value
            """));
    }

    [Fact]
    public async Task Region_Vasterbottens_plan_exported_imported_into_an_empty_database_and_exported_again_gives_the_identical_document()
    {
        await using var demo = await PlanCodeTesting.DemoAsync();
        int planId;
        await using (var connection = await demo.OpenConnectionAsync())
        {
            planId = await PlanIdAsync(connection);
        }

        var first = (await new PlanExporter(demo).ExportAsync(planId))!;
        await using var empty = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        var result = await PlanCodeTesting.Importer(empty).ImportAsync(first, Alva, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(first, await new PlanExporter(empty).ExportAsync(result.PlanId!.Value));
        Assert.Contains("area: \"0024\"", first, StringComparison.Ordinal);
        Assert.Contains("name: Trygga uppväxtvillkor", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Västernorrlands", first, StringComparison.Ordinal);

        // What the seed says survives the copy: the regionmål, their nämnder and the finansiella mål's målvärden.
        await using var copy = await empty.OpenConnectionAsync();
        Assert.Equal(
            ["1", "2", "3", "4", "5", "6", "7", "F.1", "F.2", "F.3", "F.4"],
            await copy.QueryAsync<string>("select code from goal order by code"));
        Assert.Equal(
            [("LANESKULD_ANDEL", 22m), ("N63016", 3m), ("N63133", -13m), ("TJANSTERESOR_FORANDRING", -15m)],
            await copy.QueryAsync<(string, decimal)>("""
                select i.code, t.value from target t join indicator i on i.id = t.indicator_id
                where not t.is_example order by i.code
                """));
        Assert.Equal(0, await copy.ExecuteScalarAsync<int>("select count(*) from committee where area_id <> '0024'"));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>"Mål 3. Ett attraktivt och hållbart Västerbotten Målet riktas till …" in the normalised text.</summary>
    [GeneratedRegex(@"Mål (\d)\. (.+?Målet riktas)")]
    private static partial Regex GoalHeading();
}
