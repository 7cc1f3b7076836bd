using Indicators.Ingestion.Sources;
using Dapper;
using Indicators.Core.Sources;
using Indicators.Data.Audit;
using Indicators.Data.Demo;
using Indicators.Data.PlanCode;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Sources.Files;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

public class PlanCodeTests
{
    static readonly Actor Alva = new("alva", "127.0.0.1");

    /// <summary>File sources read under one root here (it need not exist: a folder is checked by where it leads).</summary>
    static readonly FolderCheck Folders = new FileRoots(new FileSourceOptions("/var/tmp/indicators-plan-code-root", TimeSpan.Zero, 1)).Check;

    /// <summary>The demo plan, plus a Kolada source with a secret that feeds two of its indicators.</summary>
    static async Task<NpgsqlDataSource> DemoAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into source (name, kind, cron, full_refresh_cron, settings, secret_encrypted, is_demo)
            values ('Kolada vård', 'kolada', '0 6 * * 1', '0 3 1 * *',
                    '{"kpis": ["N79173", "U79001"], "regions": ["0022", "0000"], "years": 5, "strict": true, "note": null, "batch": {"size": 1.50}}',
                    '\x0102', true);
            insert into source_indicator (source_id, indicator_id)
            select s.id, i.id from source s, indicator i where s.name = 'Kolada vård' and i.code in ('N79173', 'N79179') and i.area_id = '0022';
            """);
        return dataSource;
    }

    static async Task<NpgsqlDataSource> EmptyAsync() => NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());

    static async Task<int> DemoPlanIdAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("select id from plan where name = 'Regionplan 2025–2027'");
    }

    static async Task<string> ExportDemoAsync(NpgsqlDataSource dataSource) =>
        (await new PlanExporter(dataSource).ExportAsync(await DemoPlanIdAsync(dataSource)))!;

    /// <summary>Everything an import can touch, to show that a refused document left it all as it was.</summary>
    static async Task<string> SnapshotAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var parts = new List<string>();
        foreach (var table in new[] { "area", "committee", "plan", "plan_version", "goal_area", "goal", "goal_contributor", "goal_indicator", "indicator",
                     "indicator_comparison_area", "target", "source", "source_indicator", "audit_log" })
        {
            parts.Add(table + ": " + string.Join("\n", await connection.QueryAsync<string>($"select t::text from {table} t order by t::text")));
        }

        return string.Join("\n\n", parts);
    }

    [Fact]
    public async Task The_demo_plan_exported_imported_into_a_fresh_database_and_exported_again_gives_the_identical_document()
    {
        await using var demo = await DemoAsync();
        var first = await ExportDemoAsync(demo);

        await using var fresh = await EmptyAsync();
        var result = await new PlanImporter(fresh, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(first, Alva, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(0, result.Count("update"));
        // The area catalogue knows riket and every region already: the import adds no area.
        Assert.DoesNotContain(result.Changes, c => c.Entity == "area");
        Assert.Contains(result.Changes, c => c is { Action: "create", Entity: "source", Key: "Kolada vård" });
        var second = await new PlanExporter(fresh).ExportAsync(result.PlanId!.Value);
        Assert.Equal(first, second);

        Assert.StartsWith("# Indicators plan as code, format indicators-plan/1", first, StringComparison.Ordinal);
        Assert.Contains("format: indicators-plan/1\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", first, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("is_demo", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);

        // The secret stays in the system it was entered in; the copy's source has none.
        await using var connection = await fresh.OpenConnectionAsync();
        Assert.Null(await connection.ExecuteScalarAsync<byte[]?>("select secret_encrypted from source where name = 'Kolada vård'"));
    }

    [Fact]
    public async Task Importing_an_unchanged_export_into_the_same_database_changes_nothing_and_exports_the_identical_document()
    {
        await using var demo = await DemoAsync();
        var first = await ExportDemoAsync(demo);

        var result = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(first, Alva, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(await DemoPlanIdAsync(demo), result.PlanId);
        Assert.Empty(result.Changes);
        Assert.Equal(first, await ExportDemoAsync(demo));

        await using var connection = await demo.OpenConnectionAsync();
        var source = await connection.QuerySingleAsync<(byte[] Secret, bool IsDemo)>("select secret_encrypted, is_demo from source where name = 'Kolada vård'");
        Assert.Equal([1, 2], source.Secret);
        Assert.True(source.IsDemo);
    }

    [Fact]
    public async Task A_count_names_what_it_counts_in_the_document_and_an_import_that_changes_it_is_audited()
    {
        await using var demo = await DemoAsync();
        var yaml = await ExportDemoAsync(demo);
        Assert.Contains("    counted_noun: invånare\n", yaml, StringComparison.Ordinal);
        var changed = yaml.Replace("    counted_noun: invånare\n", "    counted_noun: personer\n", StringComparison.Ordinal);

        var result = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(changed, Alva, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(changed, await ExportDemoAsync(demo));
        await using var connection = await demo.OpenConnectionAsync();
        var entry = await connection.QuerySingleAsync<(string Before, string After)>(
            "select before::text, after::text from audit_log where action = 'import' and entity = 'indicator'");
        Assert.Contains("\"CountedNoun\": \"invånare\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"CountedNoun\": \"personer\"", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_that_changes_a_target_updates_it_and_records_audit_entries_with_before_and_after()
    {
        await using var demo = await DemoAsync();
        var yaml = await ExportDemoAsync(demo);
        var changed = WithJustering(ReplaceTarget(yaml, "N79173", 2026, "value: 85", "value: 87.5"), "Skrivfel rättat");

        var dryRun = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(changed, Alva, dryRun: true);
        Assert.True(dryRun.Succeeded, string.Join("\n", dryRun.Errors));
        Assert.Contains(dryRun.Changes, c => c is { Action: "update", Entity: "target", Key: "Regionplan 2025–2027 / Fastställd plan / N79173 / 2026" });
        Assert.Equal(yaml, await ExportDemoAsync(demo));

        var result = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(changed, Alva, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(WithoutJustering(changed), await ExportDemoAsync(demo));
        await using var connection = await demo.OpenConnectionAsync();
        var entry = await connection.QuerySingleAsync<(string UserName, string Before, string After)>(
            "select user_name, before::text, after::text from audit_log where action = 'import' and entity = 'target'");
        Assert.Equal("alva", entry.UserName);
        Assert.Contains("\"Value\": 85", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Value\": 87.5", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"Indicator\": \"N79173\"", entry.After, StringComparison.Ordinal);
        var summary = await connection.QuerySingleAsync<string>("select after::text from audit_log where action = 'import' and entity = 'plan'");
        Assert.Contains("\"Updated\": 1", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_the_document_no_longer_has_is_removed_but_sources_left_out_of_the_document_are_kept()
    {
        await using var demo = await DemoAsync();
        var yaml = await ExportDemoAsync(demo);
        var lines = yaml.Split('\n').ToList();
        var sourcesAt = lines.IndexOf("sources:");
        var shorter = string.Join('\n', lines.Take(sourcesAt)) + "\nsources:\n";
        var withoutTarget = WithJustering(RemoveTarget(shorter, "N79173", 2027), "Målvärdet för 2027 utgår");

        var result = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(withoutTarget, Alva, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains(result.Changes, c => c is { Action: "delete", Entity: "target", Key: "Regionplan 2025–2027 / Fastställd plan / N79173 / 2027" });
        Assert.DoesNotContain(result.Changes, c => c.Entity is "source" or "indicator" && c.Action == "delete");
        await using var connection = await demo.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
            "select count(*) from source_indicator si join source s on s.id = si.source_id where s.name = 'Kolada vård'"));
    }

    public static TheoryData<string, string, string, string> InvalidDocuments => new()
    {
        // name, text to find in the export, replacement, expected reason (part of it)
        { "yaml syntax", "  start_year: 2025", "  start_year: 2025: 2026", "inte giltig YAML" },
        { "unknown direction", "    direction: higher", "    direction: sideways", "Okänd riktning 'sideways'" },
        { "target outside plan years", "        year: 2026", "        year: 2031", "utanför planens år 2025–2027" },
        { "a value that is not a number", "        value: 85", "        value: tolv", "'tolv' är inget tal" },
        { "unknown committee", "            owner: HSN", "            owner: XYZ", "Okänd nämnd 'XYZ'" },
        { "invalid cron", "    cron: \"0 6 * * 1\"", "    cron: \"0 6 * *\"", "inte ett giltigt cron-uttryck" },
        { "counted noun too long", "    counted_noun: invånare", "    counted_noun: invånare i länet den första november varje år", "Den räknade enheten får vara högst 40 tecken" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task An_invalid_document_is_rejected_whole_with_the_line_and_a_Swedish_reason_and_nothing_is_written(
        string what, string find, string replacement, string reason)
    {
        await using var demo = await DemoAsync();
        var yaml = await ExportDemoAsync(demo);
        var line = LineOf(yaml, find);
        var broken = ReplaceLine(yaml, line, replacement);
        var before = await SnapshotAsync(demo);

        var result = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(broken, Alva, dryRun: false);

        Assert.False(result.Succeeded, what);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(line, error.Line);
        Assert.Empty(result.Changes);
        Assert.Equal(before, await SnapshotAsync(demo));
    }

    [Fact]
    public async Task A_new_plan_named_as_an_existing_one_but_for_case_is_refused_in_the_plan_editors_words_and_nothing_is_written()
    {
        await using var demo = await DemoAsync();
        var yaml = await ExportDemoAsync(demo);
        var renamed = ReplaceLine(yaml, LineOf(yaml, "  name: Regionplan 2025–2027"), "  name: REGIONPLAN 2025–2027");
        var before = await SnapshotAsync(demo);

        var result = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(renamed, Alva, dryRun: false);

        Assert.False(result.Succeeded);
        Assert.Equal("Databasen tog inte emot planen: Organisationen har redan en plan som heter ”REGIONPLAN 2025–2027”. Välj ett annat namn.",
            Assert.Single(result.Errors).Message);
        Assert.Empty(result.Changes);
        Assert.Equal(before, await SnapshotAsync(demo));
    }

    [Fact]
    public async Task A_file_source_whose_folder_leaves_the_roots_or_whose_pattern_is_a_path_is_rejected_and_nothing_is_written()
    {
        await using var demo = await DemoAsync();
        var yaml = await ExportDemoAsync(demo);
        var before = await SnapshotAsync(demo);

        var outside = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check)
            .ImportAsync(yaml.Replace("folder: inbox", "folder: ../../../etc", StringComparison.Ordinal), Alva, dryRun: false);
        var pattern = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check)
            .ImportAsync(yaml.Replace("pattern: \"*.csv;*.xlsx\"", "pattern: \"../shadow\"", StringComparison.Ordinal), Alva, dryRun: false);

        Assert.Contains(outside.Errors, e => e.Message.Contains("Mappen '../../../etc' ligger utanför de mappar som filkällor får läsa", StringComparison.Ordinal));
        Assert.Contains(pattern.Errors, e => e.Message.Contains("Filnamnsmönstret '../shadow'", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync(demo));
    }

    [Fact]
    public async Task Source_settings_with_text_the_database_cannot_store_or_of_the_wrong_shape_are_rejected_and_nothing_is_written()
    {
        await using var demo = await DemoAsync();
        var yaml = await ExportDemoAsync(demo);
        var before = await SnapshotAsync(demo);

        // A YAML escape puts a NUL in a Kolada source's setting: jsonb refuses \u0000 (the import threw 22P05, found by
        // the fault campaign).
        var nul = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check)
            .ImportAsync(yaml.Replace("fromYear: 2019", "{\"fromYear\": 2019, \"note\": \"a\\u0000b\"}", StringComparison.Ordinal), Alva, dryRun: true);
        // A Kolada source whose KPI list is a single text: the runner and the edit page could not read it.
        var shape = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check)
            .ImportAsync(yaml.Replace("fromYear: 2019", "fromYear: tjugotjugo", StringComparison.Ordinal), Alva, dryRun: true);

        Assert.Contains(nul.Errors, e => e.Message.Contains("NUL", StringComparison.Ordinal));
        Assert.Contains(shape.Errors, e => e.Message.Contains("fromYear", StringComparison.Ordinal) && e.Message.Contains("Kolada", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync(demo));
    }

    [Fact]
    public async Task A_band_whose_minimum_exceeds_its_maximum_is_rejected_at_its_line()
    {
        const string document = """
            format: indicators-plan/1
            plan: {area: "0022", name: Bandplan, start_year: 2025, end_year: 2026}
            areas:
              - {id: "0022", name: Region Västernorrland, short_name: Västernorrland, kind: region}
            indicators:
              - {code: B1, name: Beläggning, unit: "%", direction: band, frequency: year, primary_area: "0022"}
            versions:
              - name: Utkast
                kind: draft
                targets:
                  - indicator: B1
                    year: 2025
                    band_min: 95
                    band_max: 85
            """;
        await using var empty = await EmptyAsync();
        await using var connection = await empty.OpenConnectionAsync();
        var areasBefore = await connection.ExecuteScalarAsync<int>("select count(*) from area");

        var result = await new PlanImporter(empty, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(document, Alva, dryRun: false);

        var error = Assert.Single(result.Errors);
        Assert.Equal(13, error.Line);
        Assert.Contains("Intervallets lägsta värde (95) är större än dess högsta (85) för 2025", error.Message, StringComparison.Ordinal);
        Assert.Equal(areasBefore, await connection.ExecuteScalarAsync<int>("select count(*) from area"));
    }

    [Fact]
    public async Task A_duplicate_indicator_code_is_rejected_at_the_second_one()
    {
        const string document = """
            format: indicators-plan/1
            plan: {area: "0022", name: Dubbelplan, start_year: 2025, end_year: 2026}
            areas:
              - {id: "0022", name: Region Västernorrland, short_name: Västernorrland, kind: region}
            indicators:
              - {code: A1, name: Första, unit: antal, direction: higher, frequency: year, primary_area: "0022"}
              - {code: A1, name: Andra, unit: antal, direction: lower, frequency: year, primary_area: "0022"}
            """;
        await using var empty = await EmptyAsync();

        var result = await new PlanImporter(empty, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(document, Alva, dryRun: false);

        Assert.Equal([(7, "Indikatorn A1 finns redan i dokumentet.")], result.Errors.Select(e => (e.Line, e.Message)));
    }

    [Fact]
    public async Task An_unknown_key_is_rejected_at_its_line_naming_the_keys_that_are_allowed()
    {
        const string document = """
            format: indicators-plan/1
            plan:
              area: "0022"
              name: Nyckelplan
              colour: blå
              start_year: 2025
              end_year: 2026
            """;
        await using var empty = await EmptyAsync();

        var result = await new PlanImporter(empty, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(document, Alva, dryRun: true);

        var error = Assert.Single(result.Errors);
        Assert.Equal((5, 3), (error.Line, error.Column));
        Assert.StartsWith("Okänd nyckel 'colour' i planen. Giltiga nycklar: area, name, vision, start_year, end_year.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSON_document_imports_too()
    {
        const string document = """
            {
              "format": "indicators-plan/1",
              "plan": {"area": "0022", "name": "JSON-plan", "start_year": 2025, "end_year": 2027},
              "areas": [{"id": "0022", "name": "Region Västernorrland", "short_name": "Västernorrland", "kind": "region"}],
              "committees": [{"code": "HSN", "name": "Hälso- och sjukvårdsnämnden"}],
              "indicators": [{"code": "V1", "name": "Väntetid", "unit": "dagar", "decimals": 0, "direction": "lower", "frequency": "month",
                              "owner": "HSN", "primary_area": "0022"}],
              "versions": [{"name": "Fastställd plan", "kind": "adopted", "decided_on": "2024-11-27", "current": true,
                            "goal_areas": [{"code": "2", "name": "Vård", "goals": [{"code": "2.1", "name": "Kortare väntan", "owner": "HSN", "indicators": ["V1"]}]}],
                            "targets": [{"indicator": "V1", "year": 2025, "value": 60}, {"indicator": "V1", "year": 2026, "value": 45.50}]}],
              "sources": [{"name": "Väntetider", "kind": "file", "cron": "0 7 * * *", "indicators": ["V1"], "settings": {"delimiter": ";", "header": true}}]
            }
            """;
        await using var empty = await EmptyAsync();

        var result = await new PlanImporter(empty, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(document, Alva, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var yaml = await new PlanExporter(empty).ExportAsync(result.PlanId!.Value);
        Assert.Contains("        value: 45.5\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    decided_on: \"2024-11-27\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      delimiter: \";\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      header: true\n", yaml, StringComparison.Ordinal);
    }

    static int LineOf(string yaml, string line) => yaml.Split('\n').ToList().IndexOf(line) is var i and >= 0 ? i + 1 : throw new InvalidOperationException($"No line '{line}'.");

    static string ReplaceLine(string yaml, int line, string replacement)
    {
        var lines = yaml.Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>The document with a justering reason on the demo's adopted version (what changing a fastställd version takes).</summary>
    static string WithJustering(string yaml, string reason) =>
        yaml.Replace("    kind: adopted\n", $"    kind: adopted\n    justering: {reason}\n", StringComparison.Ordinal);

    static string WithoutJustering(string yaml) =>
        string.Join('\n', yaml.Split('\n').Where(l => !l.StartsWith("    justering: ", StringComparison.Ordinal)));

    [Fact]
    public async Task An_import_that_changes_a_target_of_the_adopted_version_without_a_justering_is_refused_naming_indicator_year_and_field()
    {
        await using var demo = await DemoAsync();
        var yaml = await ExportDemoAsync(demo);
        var before = await SnapshotAsync(demo);
        var changed = ReplaceTarget(yaml, "N79173", 2026, "value: 85", "value: 87.5");

        var result = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(changed, Alva, dryRun: false);

        Assert.False(result.Succeeded);
        Assert.Equal("Databasen tog inte emot planen: Versionen ”Fastställd plan” är fastställd: målvärdet för N79173 2026 kan bara ändras genom en " +
            "justering med skäl eller genom en revision (en ny version med eget beslut). Ange skäl för justeringen. I planfilen anges skälet som " +
            "justering: under versionen; en ny version med eget beslut är en revision.", Assert.Single(result.Errors).Message);
        Assert.Equal(before, await SnapshotAsync(demo));
    }

    [Fact]
    public async Task An_import_with_a_justering_stores_the_reason_as_the_targets_history()
    {
        await using var demo = await DemoAsync();
        var changed = WithJustering(ReplaceTarget(await ExportDemoAsync(demo), "N79173", 2026, "value: 85", "value: 87.5"), "RS beslut 2025-03-04 § 12");

        var result = await new PlanImporter(demo, CronSchedule.Check, Folders, SourceSettingsShape.Check).ImportAsync(changed, Alva, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        await using var connection = await demo.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string Field, string Before, string After, string Reason, string UserName)>(
            "select field, before::text, after::text, reason, user_name from target_adjustment");
        Assert.Equal(("value", "{\"Value\": 85}", "{\"Value\": 87.5}", "RS beslut 2025-03-04 § 12", "alva"), row);
    }

    /// <summary>Changes one line of the target of an indicator and year in the (single) version.</summary>
    static string ReplaceTarget(string yaml, string indicator, int year, string find, string replacement)
    {
        var lines = yaml.Split('\n');
        var start = Array.FindIndex(lines, l => l == $"    - indicator: {indicator}" || l == $"      - indicator: {indicator}");
        for (var i = start; i < lines.Length; i++)
        {
            if (lines[i] == $"        year: {year}")
            {
                var at = Array.FindIndex(lines, i, l => l.Trim() == find.Trim());
                lines[at] = lines[at].Replace(find.Trim(), replacement.Trim(), StringComparison.Ordinal);
                return string.Join('\n', lines);
            }
        }

        throw new InvalidOperationException("No such target.");
    }

    static string RemoveTarget(string yaml, string indicator, int year)
    {
        var lines = yaml.Split('\n').ToList();
        for (var i = 0; i < lines.Count - 1; i++)
        {
            if (lines[i] == $"      - indicator: {indicator}" && lines[i + 1] == $"        year: {year}")
            {
                var end = i + 1;
                while (end < lines.Count && lines[end].StartsWith("        ", StringComparison.Ordinal))
                {
                    end++;
                }

                lines.RemoveRange(i, end - i);
                return string.Join('\n', lines);
            }
        }

        throw new InvalidOperationException("No such target.");
    }
}

public class PlanYamlReaderTests
{
    [Fact]
    public void A_key_given_twice_in_a_mapping_is_an_error_at_the_second_one()
    {
        const string document = """
            format: indicators-plan/1
            plan:
              area: "0022"
              name: Plan
              name: Plan igen
              start_year: 2025
              end_year: 2026
            """;

        var read = PlanYamlReader.Read(document);

        var error = Assert.Single(read.Errors);
        Assert.Equal(5, error.Line);
        Assert.Contains("name", error.Message, StringComparison.Ordinal);
    }
}
