using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.Demo;
using Indicators.Data.Indicators;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>
/// Adopted means adopted (issue 19): in the demo's fastställd version a målvärde changes only as a justering with a reason
/// (stored as the target's history and audited) or through a revision that becomes current from its date.
/// </summary>
public class AdoptedVersionTests
{
    static readonly Actor Alva = new("alva", "127.0.0.1");

    static async Task<NpgsqlDataSource> DemoAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        return dataSource;
    }

    static async Task<(int Id, StoredIndicator Stored)> IndicatorAsync(NpgsqlDataSource dataSource, string code)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<int>("select id from indicator where code = @Code", new { Code = code });
        return (id, (await new IndicatorEditQueries(dataSource).FindAsync(id))!);
    }

    /// <summary>
    /// The stored edit with the adopted version's målvärde of <paramref name="year"/> (totalt) set to <paramref name="value"/>; the
    /// adopted version is listed first, Sjukvårdspartiet's proposal (which follows up some of the same indicators) after it.
    /// </summary>
    static IndicatorEdit WithTarget(StoredIndicator stored, int year, decimal value, string? reason) => new(
        stored.Draft, stored.GoalIds,
        [.. stored.Targets.Select((v, i) => i > 0 ? v : v with { Targets = [.. v.Targets.Select(t => t.Year == year && t.Gender is null or "T" ? t with { Value = value } : t)] })],
        reason);

    static async Task<decimal?> ValueAsync(NpgsqlDataSource dataSource, int versionId, int indicatorId, int year)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<decimal?>(
            "select value from target where plan_version_id = @VersionId and indicator_id = @IndicatorId and year = @Year and gender is null",
            new { VersionId = versionId, IndicatorId = indicatorId, Year = year });
    }

    [Fact]
    public async Task A_target_change_in_an_adopted_version_without_a_reason_is_refused_in_Swedish_naming_indicator_year_and_field()
    {
        await using var dataSource = await DemoAsync();
        var (id, stored) = await IndicatorAsync(dataSource, "N79173");
        var versionId = stored.Targets[0].PlanVersionId;
        var before = await ValueAsync(dataSource, versionId, id, 2026);

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() =>
            new IndicatorEditor(dataSource).UpdateAsync(id, stored.Version, WithTarget(stored, 2026, 93m, "  "), Alva));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("AdjustmentReason", error.Field);
        Assert.Equal("Versionen ”Fastställd plan” är fastställd: målvärdet för N79173 2026 kan bara ändras genom en justering med skäl " +
            "eller genom en revision (en ny version med eget beslut). Ange skäl för justeringen.", error.Message);
        Assert.Equal(before, await ValueAsync(dataSource, versionId, id, 2026));
    }

    [Fact]
    public async Task A_justering_with_a_reason_is_stored_as_the_targets_history_and_audited_and_the_target_as_of_before_it_is_the_adopted_one()
    {
        await using var dataSource = await DemoAsync();
        var (id, stored) = await IndicatorAsync(dataSource, "N79173");
        var versionId = stored.Targets[0].PlanVersionId;
        var adopted = await ValueAsync(dataSource, versionId, id, 2026);
        var beforeJustering = DateTimeOffset.UtcNow;

        await new IndicatorEditor(dataSource).UpdateAsync(id, stored.Version, WithTarget(stored, 2026, 93m, "Skrivfel i regionplanen rättat"), Alva);

        Assert.Equal(93m, await ValueAsync(dataSource, versionId, id, 2026));
        var history = Assert.Single(await new TargetHistoryQueries(dataSource).ForIndicatorAsync(id));
        Assert.Equal("Fastställd plan", history.Name);
        var justering = Assert.Single(history.Adjustments);
        Assert.Equal((2026, "T", "value", "Skrivfel i regionplanen rättat", "alva"), (justering.Year, justering.Gender, justering.Field, justering.Reason, justering.By));
        Assert.Contains("93", justering.After, StringComparison.Ordinal);
        Assert.Equal(adopted, history.Adopted.Single(t => t.Year == 2026 && t.Gender == "T").Value);
        Assert.Equal(93m, history.Current.Single(t => t.Year == 2026 && t.Gender == "T").Value);
        Assert.Equal(adopted, (await new TargetHistoryQueries(dataSource).TargetAsOfAsync(versionId, id, 2026, "T", beforeJustering))!.Value);
        Assert.Equal(93m, (await new TargetHistoryQueries(dataSource).TargetAsOfAsync(versionId, id, 2026, "T", DateTimeOffset.UtcNow.AddSeconds(1)))!.Value);

        await using var connection = await dataSource.OpenConnectionAsync();
        var audit = await connection.QuerySingleAsync<(string UserName, string After)>(
            "select user_name, after::text from audit_log where action = 'adjust' and entity = 'target_adjustment'");
        Assert.Equal("alva", audit.UserName);
        Assert.Contains("\"Reason\": \"Skrivfel i regionplanen rättat\"", audit.After, StringComparison.Ordinal);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from audit_log where action = 'update' and entity = 'target'"));
    }

    [Fact]
    public async Task A_direction_change_of_an_indicator_in_an_adopted_version_needs_a_reason()
    {
        await using var dataSource = await DemoAsync();
        var (id, stored) = await IndicatorAsync(dataSource, "N79173");
        var edit = new IndicatorEdit(stored.Draft with { Direction = Direction.LowerIsBetter }, stored.GoalIds, []);

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => new IndicatorEditor(dataSource).UpdateAsync(id, stored.Version, edit, Alva));

        Assert.StartsWith("Versionen ”Fastställd plan” är fastställd: riktningen för N79173 kan bara ändras", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adopted_version_cannot_become_a_draft_again()
    {
        await using var dataSource = await DemoAsync();
        var (_, stored) = await IndicatorAsync(dataSource, "N79173");
        var versionId = stored.Targets[0].PlanVersionId;
        var rowVersion = await RowVersionAsync(dataSource, versionId);

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => new PlanEditor(dataSource).UpdateVersionAsync(
            versionId, rowVersion, new PlanVersionDraft("Fastställd plan", "draft", null, null, true), Alva));

        Assert.Equal(("Kind", "Versionen ”Fastställd plan” är fastställd och kan inte bli utkast eller förslag igen. Gör en revision (Ny revision) för att ändra den."),
            (refused.Errors[0].Field, refused.Errors[0].Message));
    }

    [Fact]
    public async Task A_revision_is_a_free_draft_until_adopted_and_becomes_current_from_its_date()
    {
        await using var dataSource = await DemoAsync();
        var (id, stored) = await IndicatorAsync(dataSource, "N79173");
        var adoptedId = stored.Targets[0].PlanVersionId;
        var editor = new PlanEditor(dataSource);

        var revisionId = await editor.CreateRevisionAsync(adoptedId, "Revision juni 2025", Alva);

        // A draft: its målvärden change without a reason; the adopted version keeps its own.
        var (_, again) = await IndicatorAsync(dataSource, "N79173");
        var draftEdit = again with { Targets = [.. again.Targets.Where(v => v.PlanVersionId == revisionId)] };
        await new IndicatorEditor(dataSource).UpdateAsync(id, again.Version, WithTarget(draftEdit, 2026, 93m, null), Alva);
        Assert.Equal(93m, await ValueAsync(dataSource, revisionId, id, 2026));
        Assert.NotEqual(93m, await ValueAsync(dataSource, adoptedId, id, 2026));

        var missing = await Assert.ThrowsAsync<InvalidEditException>(() => editor.AdoptVersionAsync(
            revisionId, "", new AdoptionDraft(" ", null, null, null), new DateOnly(2025, 6, 17), Alva));
        Assert.Equal(["DecidedBy", "Section", "DecidedOn", "CurrentFrom"], missing.Errors.Select(e => e.Field));

        await editor.AdoptVersionAsync(revisionId, await RowVersionAsync(dataSource, revisionId),
            new AdoptionDraft("Regionfullmäktige", new DateOnly(2025, 6, 17), "§ 87", new DateOnly(2025, 7, 1)), new DateOnly(2025, 6, 17), Alva);
        Assert.Equal(adoptedId, await CurrentVersionAsync(dataSource));
        Assert.Equal(0, await editor.MakeDueRevisionsCurrentAsync(new DateOnly(2025, 6, 30), Alva));
        Assert.Equal(adoptedId, await CurrentVersionAsync(dataSource));

        Assert.Equal(1, await editor.MakeDueRevisionsCurrentAsync(new DateOnly(2025, 7, 1), Alva));

        Assert.Equal(revisionId, await CurrentVersionAsync(dataSource));
        var revision = (await new TargetHistoryQueries(dataSource).ForIndicatorAsync(id))[0];
        Assert.Equal(("Revision juni 2025", "Fastställd plan", "RF 2025-06-17 § 87"),
            (revision.Name, revision.Revises, AdoptionDraft.Citation(revision.DecidedBy, revision.DecidedOn, revision.DecisionSection)));

        // Now adopted, the revision is as locked as the version it revised.
        var (_, latest) = await IndicatorAsync(dataSource, "N79173");
        var locked = latest with { Targets = [.. latest.Targets.Where(v => v.PlanVersionId == revisionId)] };
        await Assert.ThrowsAsync<InvalidEditException>(() => new IndicatorEditor(dataSource).UpdateAsync(id, latest.Version, WithTarget(locked, 2026, 94m, null), Alva));
    }

    static async Task<string> RowVersionAsync(NpgsqlDataSource dataSource, int versionId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("select xmin::text from plan_version where id = @Id", new { Id = versionId }) ?? "";
    }

    static async Task<int> CurrentVersionAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("select v.id from plan_version v join plan p on p.id = v.plan_id where p.area_id = '0022' and v.is_current");
    }
}
