using Indicators.Ingestion.Sources;
using System.Text.Json;
using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Sources;
using Indicators.Data.Audit;
using Indicators.Data.Sources;
using Indicators.Ingestion.Scheduling;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

public class SourceEditorTests
{
    static readonly Actor Alva = new("alva", "127.0.0.1");

    static SourceDraft Draft(string name = "Väntetider (Kolada)", bool enabled = true, IReadOnlyList<int>? indicators = null) =>
        new(name, "kolada", "0 6 * * *", null, "Europe/Stockholm", enabled, """{"kpis": ["N79224"], "fromYear": 2020}""", indicators ?? []);

    static async Task<(string ConnectionString, SourceEditor Editor, NpgsqlDataSource DataSource)> SetUpAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, kpi_id)
            values ('0022', 'OP90', 'Operation inom 90 dagar', '%', 'higher', 'year', '0022', 'N79224'),
                   ('0022', 'BES90', 'Första besök inom 90 dagar', '%', 'higher', 'year', '0022', 'N79222');
            """);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        return (connectionString, new SourceEditor(dataSource, CronSchedule.Check, _ => null, SourceSettingsShape.Check), dataSource);
    }

    [Theory]
    [MemberData(nameof(WrongShapedSettings.Cases), MemberType = typeof(WrongShapedSettings))]
    [InlineData("kolada", """{"fromYear": "tjugotjugo"}""", "fromYear")]
    public async Task Settings_of_the_wrong_shape_for_their_kind_are_refused_naming_the_setting(string kind, string settings, string where)
    {
        var (_, editor, dataSource) = await SetUpAsync();
        await using var _ds = dataSource;

        var error = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(Draft() with { Kind = kind, Settings = settings }, Alva));

        var message = Assert.Single(error.Errors, e => e.Field == nameof(SourceDraft.Settings)).Message;
        Assert.Contains(where, message, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be converted", message, StringComparison.Ordinal);
    }

    sealed record Entry(string UserName, string Action, string Entity, string EntityId, string? Before, string? After, string RemoteIp);

    static async Task<List<Entry>> AuditAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Entry>(
            "select user_name as UserName, action as Action, entity as Entity, entity_id as EntityId, before::text as Before, after::text as After, remote_ip::text as RemoteIp from audit_log where entity = 'source' order by id")).AsList();
    }

    static async Task<int> IdOfAsync(NpgsqlDataSource dataSource, string code)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("select id from indicator where code = @code", new { code });
    }

    [Fact]
    public async Task Creating_a_source_stores_it_with_its_indicators_and_audits_the_whole_source_with_its_settings()
    {
        var (_, editor, dataSource) = await SetUpAsync();
        await using var _ds = dataSource;
        var op90 = await IdOfAsync(dataSource, "OP90");

        var id = await editor.CreateAsync(Draft(indicators: [op90]), Alva);

        var stored = await editor.LoadAsync(id);
        Assert.NotNull(stored);
        Assert.Equal("Väntetider (Kolada)", stored.Definition.Name);
        Assert.Equal([op90], stored.IndicatorIds);
        var entry = Assert.Single(await AuditAsync(dataSource));
        Assert.Equal(("alva", "create", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.UserName, entry.Action, entry.EntityId));
        Assert.Null(entry.Before);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal("Väntetider (Kolada)", after.RootElement.GetProperty("Name").GetString());
        Assert.Equal("N79224", after.RootElement.GetProperty("Settings").GetProperty("kpis")[0].GetString());
        Assert.Equal("OP90", after.RootElement.GetProperty("Indicators")[0].GetString());
    }

    [Fact]
    public async Task Updating_disabling_and_relinking_are_each_audited_with_before_and_after()
    {
        var (_, editor, dataSource) = await SetUpAsync();
        await using var _ds = dataSource;
        var op90 = await IdOfAsync(dataSource, "OP90");
        var bes90 = await IdOfAsync(dataSource, "BES90");
        var id = await editor.CreateAsync(Draft(indicators: [op90]), Alva);

        var opened = (await editor.LoadAsync(id))!;
        await editor.UpdateAsync(id, opened.Version, Draft(enabled: false, indicators: [op90]) with { Cron = "30 7 * * 1-5" }, Alva);
        opened = (await editor.LoadAsync(id))!;
        await editor.UpdateAsync(id, opened.Version, Draft(enabled: false, indicators: [op90, bes90]) with { Cron = "30 7 * * 1-5" }, Alva);

        var entries = await AuditAsync(dataSource);
        Assert.Equal(["create", "update", "link"], entries.Select(e => e.Action));
        using var updateBefore = JsonDocument.Parse(entries[1].Before!);
        using var updateAfter = JsonDocument.Parse(entries[1].After!);
        Assert.True(updateBefore.RootElement.GetProperty("Enabled").GetBoolean());
        Assert.False(updateAfter.RootElement.GetProperty("Enabled").GetBoolean());
        Assert.Equal("0 6 * * *", updateBefore.RootElement.GetProperty("Cron").GetString());
        Assert.Equal("30 7 * * 1-5", updateAfter.RootElement.GetProperty("Cron").GetString());
        using var linkBefore = JsonDocument.Parse(entries[2].Before!);
        using var linkAfter = JsonDocument.Parse(entries[2].After!);
        Assert.Equal(["OP90"], linkBefore.RootElement.GetProperty("Indicators").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["BES90", "OP90"], linkAfter.RootElement.GetProperty("Indicators").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([op90, bes90], (await editor.LoadAsync(id))!.IndicatorIds.Order());
    }

    [Fact]
    public async Task Deleting_a_source_keeps_its_runs_and_audits_what_was_deleted()
    {
        var (connectionString, editor, dataSource) = await SetUpAsync();
        await using var _ds = dataSource;
        var id = await editor.CreateAsync(Draft(), Alva);
        await TestPostgres.ExecuteAsync(connectionString, $"insert into ingestion_run (source_id, trigger, status, finished_at) values ({id}, 'manual', 'succeeded', now())");

        await editor.DeleteAsync(id, (await editor.LoadAsync(id))!.Version, Alva);

        Assert.Null(await editor.LoadAsync(id));
        var entry = (await AuditAsync(dataSource))[^1];
        Assert.Equal("delete", entry.Action);
        Assert.Null(entry.After);
        Assert.Contains("Väntetider (Kolada)", entry.Before, StringComparison.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from ingestion_run where source_id is null"));
    }

    [Fact]
    public async Task A_second_source_with_the_same_name_is_refused_in_Swedish_under_the_name()
    {
        var (_, editor, dataSource) = await SetUpAsync();
        await using var _ds = dataSource;
        await editor.CreateAsync(Draft(), Alva);

        var error = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(Draft(), Alva));

        var field = Assert.Single(error.Errors);
        Assert.Equal(nameof(SourceDraft.Name), field.Field);
        Assert.Equal("Det finns redan en källa som heter 'Väntetider (Kolada)'. Välj ett annat namn.", field.Message);
        Assert.Single(await AuditAsync(dataSource));
    }

    [Fact]
    public async Task An_invalid_cron_and_an_empty_name_are_refused_with_the_schedulers_Swedish_reasons()
    {
        var (_, editor, dataSource) = await SetUpAsync();
        await using var _ds = dataSource;

        var error = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(Draft(name: " ") with { Cron = "kl 6 varje dag" }, Alva));

        Assert.Equal("Ange källans namn.", Assert.Single(error.Errors, e => e.Field == nameof(SourceDraft.Name)).Message);
        Assert.StartsWith("Schemat 'kl 6 varje dag' är inte ett giltigt cron-uttryck", Assert.Single(error.Errors, e => e.Field == nameof(SourceDraft.Cron)).Message, StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(dataSource));
    }

    [Fact]
    public async Task An_update_from_a_form_opened_before_someone_elses_save_is_refused_and_changes_nothing()
    {
        var (_, editor, dataSource) = await SetUpAsync();
        await using var _ds = dataSource;
        var id = await editor.CreateAsync(Draft(), Alva);
        var openedByAlva = (await editor.LoadAsync(id))!;
        var openedByBo = (await editor.LoadAsync(id))!;
        await editor.UpdateAsync(id, openedByBo.Version, Draft(name: "Bos namn"), new Actor("bo", null));

        var conflict = await Assert.ThrowsAsync<EditConflictException>(() => editor.UpdateAsync(id, openedByAlva.Version, Draft(name: "Alvas namn"), Alva));

        Assert.Contains("har ändrats av någon annan", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("Bos namn", (await editor.LoadAsync(id))!.Definition.Name);
        Assert.Equal(["create", "update"], (await AuditAsync(dataSource)).Select(e => e.Action));
    }
}
