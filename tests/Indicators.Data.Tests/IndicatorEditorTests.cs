using System.Text.Json;
using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.Demo;
using Indicators.Data.Indicators;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

public class IndicatorEditorTests
{
    static readonly Actor Alva = new("alva", "127.0.0.1");

    sealed record Demo(NpgsqlDataSource DataSource, int VersionId, int GoalId, int OtherGoalId) : IAsyncDisposable
    {
        public IndicatorEditor Editor => new(DataSource);

        public IndicatorEditQueries Queries => new(DataSource);

        public ValueTask DisposeAsync() => DataSource.DisposeAsync();
    }

    static async Task<Demo> DemoAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        var versionId = await connection.ExecuteScalarAsync<int>("select id from plan_version where name = 'Fastställd plan'");

        // These tests are about editing; an adopted version's own rules are AdoptedVersionTests'.
        await connection.ExecuteAsync("update plan_version set kind = 'draft' where id = @VersionId", new { VersionId = versionId });
        var goals = (await connection.QueryAsync<int>("""
            select g.id from goal g join goal_area ga on ga.id = g.goal_area_id
            where ga.plan_version_id = @VersionId order by ga.sort_order, g.sort_order limit 2
            """, new { VersionId = versionId })).ToList();
        return new Demo(dataSource, versionId, goals[0], goals[1]);
    }

    static IndicatorDraft Draft(Direction? direction = Direction.HigherIsBetter, bool genderSplit = false) => new(
        "X1", "Andel nöjda patienter", "Enkät varje år.", "%", 1, direction, "year", "rate", genderSplit, 2m, "absolute", 0.5m,
        "Egen enkät", null, "HSN", "0022", ["0000"]);

    static TargetDraft Target(int year, decimal? value, string? gender = null) => new(year, gender, value, null, null, null, null, "Regionplanen", false);

    static IndicatorEdit Edit(Demo demo, IndicatorDraft draft, params TargetDraft[] targets) =>
        new(draft, [demo.GoalId], [new VersionTargets(demo.VersionId, targets)]);

    sealed record AuditRow(string? UserName, string Action, string Entity, string? EntityId, string? Before, string? After, string? RemoteIp);

    static async Task<List<AuditRow>> AuditAsync(Demo demo, string? entity = null)
    {
        await using var connection = await demo.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<AuditRow>("""
            select user_name as UserName, action as Action, entity as Entity, entity_id as EntityId, before::text as Before,
                   after::text as After, remote_ip as RemoteIp
            from audit_log where @Entity::text is null or entity = @Entity order by id
            """, new { Entity = entity })).ToList();
    }

    static JsonElement Json(string? text) => JsonDocument.Parse(text ?? throw new InvalidOperationException("No JSON.")).RootElement;

    static async Task<int> CountAsync(Demo demo, string sql, object? parameters = null)
    {
        await using var connection = await demo.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(sql, parameters);
    }

    [Fact]
    public async Task Creating_an_indicator_with_targets_and_a_goal_stores_all_and_audits_the_indicator_and_each_target_with_the_user()
    {
        await using var demo = await DemoAsync();

        var id = await demo.Editor.CreateAsync("0022", Edit(demo, Draft(), Target(2025, 80m), Target(2026, 85m), Target(2027, 90m)), Alva);

        var stored = await demo.Queries.FindAsync(id);
        Assert.NotNull(stored);
        Assert.Equal(Draft() with { ComparisonAreaIds = stored.Draft.ComparisonAreaIds }, stored.Draft);
        Assert.Equal(["0000"], stored.Draft.ComparisonAreaIds);
        Assert.Equal([demo.GoalId], stored.GoalIds);
        Assert.Equal([80m, 85m, 90m], Assert.Single(stored.Targets).Targets.Select(t => t.Value));
        Assert.All(stored.Targets[0].Targets, t => Assert.Null(t.Gender));

        var audit = await AuditAsync(demo);
        var indicator = Assert.Single(audit, a => a.Entity == "indicator");
        Assert.Equal(("alva", "create", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1"),
            (indicator.UserName, indicator.Action, indicator.EntityId, indicator.RemoteIp));
        Assert.Null(indicator.Before);
        var after = Json(indicator.After);
        Assert.Equal("X1", after.GetProperty("Code").GetString());
        Assert.Equal("HSN", after.GetProperty("OwnerCommittee").GetString());
        Assert.Equal("higher", after.GetProperty("Direction").GetString());
        Assert.Equal("0000", after.GetProperty("ComparisonAreas")[0].GetString());
        Assert.Equal("Fastställd plan", after.GetProperty("Goals")[0].GetProperty("Version").GetString());

        var targets = audit.Where(a => a.Entity == "target").ToList();
        Assert.Equal(3, targets.Count);
        Assert.All(targets, t => Assert.Equal(("alva", "create"), (t.UserName, t.Action)));
        Assert.All(targets, t => Assert.Null(t.Before));
        Assert.Equal([2025, 2026, 2027], targets.Select(t => Json(t.After).GetProperty("Year").GetInt32()));
        Assert.Equal(85m, Json(targets[1].After).GetProperty("Value").GetDecimal());
        Assert.Equal("T", Json(targets[1].After).GetProperty("Gender").GetString());
    }

    [Fact]
    public async Task What_a_count_counts_is_stored_trimmed_read_back_and_audited()
    {
        await using var demo = await DemoAsync();
        var id = await demo.Editor.CreateAsync("0022", Edit(demo, Draft() with { Unit = "antal", CountedNoun = " patienter " }, Target(2025, 80m)), Alva);
        var stored = (await demo.Queries.FindAsync(id))!;
        Assert.Equal("patienter", stored.Draft.CountedNoun);

        await demo.Editor.UpdateAsync(id, stored.Version, new IndicatorEdit(stored.Draft with { CountedNoun = "invånare" }, stored.GoalIds, stored.Targets), Alva);

        var update = Assert.Single(await AuditAsync(demo, "indicator"), a => a.Action == "update");
        Assert.Equal(("patienter", "invånare"), (Json(update.Before).GetProperty("CountedNoun").GetString(), Json(update.After).GetProperty("CountedNoun").GetString()));
        Assert.Equal("invånare", (await demo.Queries.FindAsync(id))!.Draft.CountedNoun);
    }

    [Fact]
    public async Task Changing_properties_and_goal_links_audits_the_indicator_once_with_before_and_after()
    {
        await using var demo = await DemoAsync();
        var id = await demo.Editor.CreateAsync("0022", Edit(demo, Draft(), Target(2025, 80m)), Alva);
        var stored = (await demo.Queries.FindAsync(id))!;

        var changed = new IndicatorEdit(stored.Draft with { Name = "Andel mycket nöjda patienter", OwnerCommitteeCode = "RS" },
            [demo.OtherGoalId], stored.Targets);
        await demo.Editor.UpdateAsync(id, stored.Version, changed, new Actor("bertil", null));

        var update = Assert.Single(await AuditAsync(demo, "indicator"), a => a.Action == "update");
        Assert.Equal("bertil", update.UserName);
        var before = Json(update.Before);
        var after = Json(update.After);
        Assert.Equal(("Andel nöjda patienter", "HSN"), (before.GetProperty("Name").GetString(), before.GetProperty("OwnerCommittee").GetString()));
        Assert.Equal(("Andel mycket nöjda patienter", "RS"), (after.GetProperty("Name").GetString(), after.GetProperty("OwnerCommittee").GetString()));
        Assert.NotEqual(before.GetProperty("Goals")[0].GetProperty("Code").GetString(), after.GetProperty("Goals")[0].GetProperty("Code").GetString());
        Assert.Equal([demo.OtherGoalId], (await demo.Queries.FindAsync(id))!.GoalIds);
        // The target was saved unchanged: no entry for it beyond its creation.
        Assert.Single(await AuditAsync(demo, "target"));
    }

    [Fact]
    public async Task Saving_targets_audits_each_created_changed_and_deleted_target_and_nothing_for_unchanged_ones()
    {
        await using var demo = await DemoAsync();
        var id = await demo.Editor.CreateAsync("0022", Edit(demo, Draft(), Target(2025, 80m), Target(2026, 85m), Target(2027, 90m)), Alva);
        var stored = (await demo.Queries.FindAsync(id))!;

        // 2025 unchanged, 2026 changed, 2027 removed and 2026 for women added once the indicator is split by gender.
        var edit = new IndicatorEdit(stored.Draft with { GenderSplit = true }, stored.GoalIds,
            [new VersionTargets(demo.VersionId, [Target(2025, 80m), Target(2026, 87.5m), Target(2026, 88m, "K")])]);
        await demo.Editor.UpdateAsync(id, stored.Version, edit, new Actor("cecilia", null));

        var entries = (await AuditAsync(demo, "target")).Where(a => a.UserName == "cecilia").ToList();
        Assert.Equal(["create", "delete", "update"], entries.Select(e => e.Action).Order());
        var updated = entries.Single(e => e.Action == "update");
        Assert.Equal((2026, 85m), (Json(updated.Before).GetProperty("Year").GetInt32(), Json(updated.Before).GetProperty("Value").GetDecimal()));
        Assert.Equal(87.5m, Json(updated.After).GetProperty("Value").GetDecimal());
        var created = entries.Single(e => e.Action == "create");
        Assert.Equal(("K", 88m), (Json(created.After).GetProperty("Gender").GetString(), Json(created.After).GetProperty("Value").GetDecimal()));
        var deleted = entries.Single(e => e.Action == "delete");
        Assert.Equal(2027, Json(deleted.Before).GetProperty("Year").GetInt32());
        Assert.Null(deleted.After);
        Assert.Equal(3, await CountAsync(demo, "select count(*) from target where indicator_id = @Id", new { Id = id }));
        // The gender split is a change of the indicator itself.
        Assert.Single(await AuditAsync(demo, "indicator"), a => a.Action == "update" && a.UserName == "cecilia");
    }

    [Fact]
    public async Task Deleting_an_indicator_without_outcomes_removes_it_and_audits_it_and_its_targets()
    {
        await using var demo = await DemoAsync();
        var id = await demo.Editor.CreateAsync("0022", Edit(demo, Draft(), Target(2025, 80m)), Alva);
        var stored = (await demo.Queries.FindAsync(id))!;

        await demo.Editor.DeleteAsync(id, stored.Version, new Actor("david", null));

        Assert.Null(await demo.Queries.FindAsync(id));
        var deleted = (await AuditAsync(demo)).Where(a => a.UserName == "david").ToList();
        Assert.Equal([("target", "delete"), ("indicator", "delete")], deleted.Select(d => (d.Entity, d.Action)));
        Assert.Equal("X1", Json(deleted[1].Before).GetProperty("Code").GetString());
        Assert.Null(deleted[1].After);
    }

    [Fact]
    public async Task Deleting_an_indicator_with_stored_outcomes_is_refused_in_Swedish_with_their_number()
    {
        await using var demo = await DemoAsync();
        var id = await CountAsync(demo, "select id from indicator where area_id = '0022' and code = 'N79173'");
        var outcomes = await CountAsync(demo, "select count(*) from observation where indicator_id = @Id", new { Id = id });
        var stored = (await demo.Queries.FindAsync(id))!;

        var error = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Editor.DeleteAsync(id, stored.Version, Alva));

        Assert.Contains($"har {Core.Formatting.SwedishFormat.Number(outcomes, 0)} lagrade utfall", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ta bort den från sina mål i stället", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await demo.Queries.FindAsync(id));
        Assert.Empty(await AuditAsync(demo));
    }

    public static TheoryData<string, string, string> InvalidEdits => new()
    {
        { "no direction", "Direction", "Välj riktning" },
        { "target outside the years", "Versions[0].Targets[1].Year", "utanför planens år 2025–2027" },
        { "band min above max", "Versions[0].Targets[0].BandMin", "lägsta värde (9) är större än dess högsta (3)" },
        { "woman target without gender split", "Versions[0].Targets[1].Gender", "inte per kön" },
        { "unknown committee", "OwnerCommitteeCode", "ingen nämnd med koden 'XYZ'" },
        { "taken code", "Code", "Det finns redan en indikator med koden 'N79173'" },
        { "no unit", "Unit", "Ange enheten" },
        { "same year twice", "Versions[0].Targets[1].Year", "Det finns redan ett målvärde för 2025" },
        { "counted noun for a share", "CountedNoun", "Räknad enhet används bara när enheten är antal (nu '%')" },
        { "counted noun too long", "CountedNoun", "Den räknade enheten får vara högst 40 tecken" },
    };

    [Theory]
    [MemberData(nameof(InvalidEdits))]
    public async Task An_invalid_edit_reaches_the_caller_in_Swedish_on_its_field_and_nothing_is_written(string change, string field, string message)
    {
        await using var demo = await DemoAsync();
        var indicators = await CountAsync(demo, "select count(*) from indicator");
        var edit = change switch
        {
            "no direction" => Edit(demo, Draft(direction: null), Target(2025, 80m)),
            "target outside the years" => Edit(demo, Draft(), Target(2025, 80m), Target(2030, 90m)),
            "band min above max" => Edit(demo, Draft(Direction.WithinBand), new TargetDraft(2025, null, null, 9m, 3m, null, null, null, false)),
            "woman target without gender split" => Edit(demo, Draft(), Target(2025, 80m), Target(2025, 82m, "K")),
            "unknown committee" => Edit(demo, Draft() with { OwnerCommitteeCode = "XYZ" }),
            "taken code" => Edit(demo, Draft() with { Code = "N79173" }, Target(2025, 80m)),
            "no unit" => Edit(demo, Draft() with { Unit = " " }),
            "same year twice" => Edit(demo, Draft(), Target(2025, 80m), Target(2025, 81m)),
            "counted noun for a share" => Edit(demo, Draft() with { CountedNoun = "patienter" }),
            "counted noun too long" => Edit(demo, Draft() with { Unit = "antal", CountedNoun = new string('x', 41) }),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        var error = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Editor.CreateAsync("0022", edit, Alva));

        Assert.Contains(error.Errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(indicators, await CountAsync(demo, "select count(*) from indicator"));
        Assert.Empty(await AuditAsync(demo));
    }

    [Fact]
    public async Task One_invalid_target_of_many_leaves_the_stored_indicator_and_all_its_targets_as_they_were()
    {
        await using var demo = await DemoAsync();
        var id = await demo.Editor.CreateAsync("0022", Edit(demo, Draft(), Target(2025, 80m), Target(2026, 85m)), Alva);
        var stored = (await demo.Queries.FindAsync(id))!;
        var entries = (await AuditAsync(demo)).Count;

        var edit = new IndicatorEdit(stored.Draft with { Name = "Nytt namn" }, stored.GoalIds,
            [new VersionTargets(demo.VersionId, [Target(2025, 70m), Target(2026, null), Target(2027, 95m)])]);
        var error = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Editor.UpdateAsync(id, stored.Version, edit, Alva));

        Assert.Equal("Versions[0].Targets[1].Value", Assert.Single(error.Errors).Field);
        Assert.Equal("Ange målvärdet för 2026.", error.Errors[0].Message);
        Assert.Equal(stored, await demo.Queries.FindAsync(id), new StoredComparer());
        Assert.Equal(entries, (await AuditAsync(demo)).Count);
    }

    [Fact]
    public async Task A_save_from_a_form_opened_before_someone_elses_save_is_refused_and_theirs_is_kept()
    {
        await using var demo = await DemoAsync();
        var id = await demo.Editor.CreateAsync("0022", Edit(demo, Draft(), Target(2025, 80m)), Alva);
        var opened = (await demo.Queries.FindAsync(id))!;
        await demo.Editor.UpdateAsync(id, opened.Version, new IndicatorEdit(opened.Draft with { Name = "Först" }, opened.GoalIds, opened.Targets), Alva);

        var error = await Assert.ThrowsAsync<EditConflictException>(() => demo.Editor.UpdateAsync(
            id, opened.Version, new IndicatorEdit(opened.Draft with { Name = "Sedan" }, opened.GoalIds, opened.Targets), new Actor("bertil", null)));

        Assert.Contains("har ändrats av någon annan", error.Message, StringComparison.Ordinal);
        Assert.Equal("Först", (await demo.Queries.FindAsync(id))!.Draft.Name);
        Assert.DoesNotContain(await AuditAsync(demo), a => a.UserName == "bertil");
    }

    [Fact]
    public async Task Switching_to_a_band_or_off_gender_split_is_refused_while_kept_targets_no_longer_fit_and_names_them()
    {
        await using var demo = await DemoAsync();
        var id = await demo.Editor.CreateAsync("0022", Edit(demo, Draft(genderSplit: true), Target(2025, 80m), Target(2026, 84m, "K")), Alva);
        var stored = (await demo.Queries.FindAsync(id))!;

        // The form saves the indicator alone (no version listed), so the stored targets are kept and must still fit.
        var error = await Assert.ThrowsAsync<InvalidEditException>(() => demo.Editor.UpdateAsync(
            id, stored.Version, new IndicatorEdit(stored.Draft with { Direction = Direction.WithinBand, GenderSplit = false }, stored.GoalIds, []), Alva));

        Assert.Contains(error.Errors, e => e.Field == "Direction" && e.Message.StartsWith("Målvärdet för 2025 i Regionplan 2025–2027 (Fastställd plan)", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Field == "GenderSplit" && e.Message.Contains("2026 för kvinnor", StringComparison.Ordinal));
        Assert.Equal(Direction.HigherIsBetter, (await demo.Queries.FindAsync(id))!.Draft.Direction);
    }

    [Fact]
    public async Task The_list_shows_each_indicator_with_its_owner_goals_and_sources_and_the_form_choices_hold_the_plan_goals()
    {
        await using var demo = await DemoAsync();
        await demo.Editor.CreateAsync("0022", Edit(demo, Draft(), Target(2025, 80m)), Alva);

        var rows = await demo.Queries.ListAsync();
        var created = Assert.Single(rows, r => r.Code == "X1");
        Assert.Equal(("HSN", "Hälso- och sjukvårdsnämnden", "higher", "year"), (created.OwnerCode, created.Owner, created.Direction, created.Frequency));
        Assert.Single(created.Goals);
        Assert.Empty(created.Sources);
        Assert.Contains(rows, r => r.Code == "N79173" && r.Sources.Length > 0);

        var choices = await demo.Queries.ChoicesAsync();
        // The current version first, then Sjukvårdspartiet's proposal of the same plan.
        Assert.Equal(["Fastställd plan", "Sjukvårdspartiets förslag"], choices.Versions.Where(v => v.OrganisationId == "0022").Select(v => v.Version));
        var version = choices.Versions.First(v => v.OrganisationId == "0022");
        Assert.True(version.IsCurrent);
        Assert.Equal((2025, 2027), (version.StartYear, version.EndYear));
        Assert.Contains(version.GoalAreas.SelectMany(a => a.Goals), g => g.Id == demo.GoalId);
        Assert.Contains(choices.Organisations, o => o.Id == "0022");
    }

    /// <summary>Compares stored indicators by value, lists included.</summary>
    sealed class StoredComparer : IEqualityComparer<StoredIndicator?>
    {
        public bool Equals(StoredIndicator? x, StoredIndicator? y) => JsonSerializer.Serialize(x) == JsonSerializer.Serialize(y);

        public int GetHashCode(StoredIndicator? obj) => JsonSerializer.Serialize(obj).GetHashCode(StringComparison.Ordinal);
    }
}
