using System.Text.Json;
using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>Editing a plan's structure: every change validated in Swedish, guarded against concurrent edits, and audited.</summary>
public class PlanEditorTests : IAsyncLifetime
{
    static readonly Actor Alva = new("alva", "127.0.0.1");
    static readonly PlanVersionDraft FirstVersion = new("Fastställd plan", "adopted", null, null, true);

    NpgsqlDataSource dataSource = default!;
    PlanEditor editor = default!;
    GoalAreaEditor goalAreas = default!;
    GoalEditor goals = default!;
    CommitteeEditor committees = default!;
    PlanEditQueries queries = default!;

    public async Task InitializeAsync()
    {
        dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into committee (area_id, code, name) values ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden'), ('0022', 'RS', 'Regionstyrelsen');
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
            values ('0022', 'N79173', 'Medicinsk bedömning inom 3 dagar', '%', 'higher', 'year', '0022');
            """);
        editor = new PlanEditor(dataSource);
        goalAreas = new GoalAreaEditor(dataSource);
        goals = new GoalEditor(dataSource);
        committees = new CommitteeEditor(dataSource);
        queries = new PlanEditQueries(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    Task<int> CreatePlanAsync(string name = "Regionplan 2025–2027", int start = 2025, int end = 2027) =>
        editor.CreatePlanAsync("0022", new PlanDraft(name, "Liv och hälsa", start, end), FirstVersion, Alva);

    async Task<AuditRow> LastAuditAsync(string entity, string action)
    {
        var rows = await new AuditQueries(dataSource).SearchAsync(new AuditFilter(Entity: entity, Action: action));
        return rows.OrderByDescending(r => r.Id).First();
    }

    static JsonElement Json(string? text) => JsonDocument.Parse(text ?? "null").RootElement;

    async Task<(int PlanId, int VersionId, int GoalAreaId, int GoalId)> PlanWithGoalAndTargetAsync()
    {
        var planId = await CreatePlanAsync();
        var versionId = (await queries.GetPlanAsync(planId))!.Versions.Single().Id;
        var areaId = await goalAreas.CreateAsync(versionId, new GoalAreaDraft("2", "God och jämlik hälsa", null, "goal_area", 2), Alva);
        var goalId = await goals.CreateAsync(areaId, new GoalDraft("2.1", "Tillgänglig vård", null, "HSN", ["RS"], 1), Alva);
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            insert into goal_indicator (goal_id, indicator_id) select @GoalId, id from indicator;
            insert into target (plan_version_id, indicator_id, year, value) select @VersionId, id, 2025, 80 from indicator;
            insert into target (plan_version_id, indicator_id, year, gender, value) select @VersionId, id, 2027, 'K', 90 from indicator;
            """, new { GoalId = goalId, VersionId = versionId });
        return (planId, versionId, areaId, goalId);
    }

    [Fact]
    public async Task Creating_updating_a_plan_is_audited_with_who_before_and_after()
    {
        var planId = await CreatePlanAsync();
        var created = await LastAuditAsync("plan", "create");
        Assert.Equal("alva", created.UserName);
        Assert.Equal("127.0.0.1", created.RemoteIp);
        Assert.Null(created.Before);
        Assert.Equal("Regionplan 2025–2027", Json(created.After).GetProperty("Name").GetString());
        var firstVersion = await LastAuditAsync("plan_version", "create");
        Assert.Equal("Fastställd plan", Json(firstVersion.After).GetProperty("Name").GetString());

        var plan = (await queries.GetPlanAsync(planId))!;
        await editor.UpdatePlanAsync(planId, plan.RowVersion, new PlanDraft("Regionplan 2025–2028", "Liv, hälsa och hållbar utveckling", 2025, 2028), Alva);

        var updated = await LastAuditAsync("plan", "update");
        Assert.Equal("alva", updated.UserName);
        Assert.Equal(planId.ToString(System.Globalization.CultureInfo.InvariantCulture), updated.EntityId);
        Assert.Equal(2027, Json(updated.Before).GetProperty("EndYear").GetInt32());
        Assert.Equal(2028, Json(updated.After).GetProperty("EndYear").GetInt32());
        Assert.Equal("Regionplan 2025–2028", Json(updated.After).GetProperty("Name").GetString());
    }

    [Fact]
    public async Task A_plan_ending_before_it_starts_is_refused_in_Swedish()
    {
        var e = await Assert.ThrowsAsync<InvalidEditException>(() => CreatePlanAsync(start: 2027, end: 2025));
        var error = Assert.Single(e.Errors);
        Assert.Equal("EndYear", error.Field);
        Assert.Equal("Planens sista år (2025) kan inte ligga före dess första år (2027).", error.Message);
    }

    [Fact]
    public async Task Two_plans_of_an_organisation_cannot_share_a_name()
    {
        await CreatePlanAsync();
        var e = await Assert.ThrowsAsync<InvalidEditException>(() => CreatePlanAsync(name: " regionplan 2025–2027 ", start: 2026, end: 2028));
        var error = Assert.Single(e.Errors);
        Assert.Equal("Name", error.Field);
        Assert.Equal("Organisationen har redan en plan som heter ”regionplan 2025–2027”. Välj ett annat namn.", error.Message);
    }

    [Fact]
    public async Task A_plan_cannot_shrink_past_its_targets_and_the_message_names_the_years()
    {
        var (planId, _, _, _) = await PlanWithGoalAndTargetAsync();
        var plan = (await queries.GetPlanAsync(planId))!;

        var e = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editor.UpdatePlanAsync(planId, plan.RowVersion, new PlanDraft(plan.Name, null, 2026, 2026), Alva));

        Assert.Equal(["StartYear", "EndYear"], e.Errors.Select(x => x.Field));
        Assert.Equal("Planens period kan inte bli 2026–2026: det finns målvärden för 2025 och 2027. Ta bort eller flytta de målvärdena först.", e.Errors[0].Message);
        Assert.Equal(2025, (await queries.GetPlanAsync(planId))!.StartYear);
    }

    [Fact]
    public async Task A_conflicting_concurrent_update_is_refused_and_the_first_change_stays()
    {
        var planId = await CreatePlanAsync();
        var opened = (await queries.GetPlanAsync(planId))!.RowVersion;
        await editor.UpdatePlanAsync(planId, opened, new PlanDraft("Regionplan A", null, 2025, 2027), Alva);

        var e = await Assert.ThrowsAsync<EditConflictException>(() =>
            editor.UpdatePlanAsync(planId, opened, new PlanDraft("Regionplan B", null, 2025, 2027), new Actor("bo", null)));

        Assert.Contains("har ändrats av någon annan", e.Message, StringComparison.Ordinal);
        Assert.Equal("Regionplan A", (await queries.GetPlanAsync(planId))!.Name);
        Assert.DoesNotContain((await new AuditQueries(dataSource).SearchAsync(new AuditFilter(Entity: "plan"))), r => r.UserName == "bo");
    }

    [Fact]
    public async Task A_version_copy_takes_goal_areas_goals_contributors_links_and_targets_and_is_audited_with_its_source()
    {
        var (planId, versionId, _, _) = await PlanWithGoalAndTargetAsync();

        var copyId = await editor.CreateVersionAsync(planId, new PlanVersionDraft("Oppositionens förslag", "proposal", "Oppositionen", null, false), versionId, Alva);

        var tree = await queries.GetTreeAsync(copyId);
        var goal = Assert.Single(Assert.Single(tree).Goals);
        Assert.Equal(("2.1", "HSN"), (goal.Code, goal.OwnerCommitteeCode));
        Assert.Equal(["RS"], goal.ContributorCodes);
        Assert.Equal("N79173", Assert.Single(goal.Indicators).Code);
        await using var connection = await dataSource.OpenConnectionAsync();
        var targets = await connection.QueryAsync<(int Year, string? Gender, decimal Value)>(
            "select year::int, gender::text, value from target where plan_version_id = @Id order by year", new { Id = copyId });
        Assert.Equal([(2025, null, 80m), (2027, "K", 90m)], targets);
        // The source version is untouched and still current.
        var plan = (await queries.GetPlanAsync(planId))!;
        Assert.True(plan.Versions.Single(v => v.Id == versionId).IsCurrent);

        var audit = await LastAuditAsync("plan_version", "copy");
        Assert.Equal("alva", audit.UserName);
        Assert.Null(audit.Before);
        var after = Json(audit.After);
        Assert.Equal("Fastställd plan", after.GetProperty("CopiedFrom").GetProperty("Name").GetString());
        Assert.Equal("Oppositionens förslag", after.GetProperty("Version").GetProperty("Name").GetString());
        Assert.Equal(2, after.GetProperty("Copied").GetProperty("Targets").GetInt32());
    }

    [Fact]
    public async Task Versions_are_created_renamed_made_current_and_deleted_with_an_audit_entry_each()
    {
        var planId = await CreatePlanAsync();
        var firstId = (await queries.GetPlanAsync(planId))!.Versions.Single().Id;

        var draftId = await editor.CreateVersionAsync(planId, new PlanVersionDraft("Utkast 2026", "draft", null, null, false), null, Alva);
        var created = await LastAuditAsync("plan_version", "create");
        Assert.Equal("Utkast 2026", Json(created.After).GetProperty("Name").GetString());

        var rowVersion = (await queries.GetPlanAsync(planId))!.Versions.Single(v => v.Id == draftId).RowVersion;
        await editor.UpdateVersionAsync(draftId, rowVersion, new PlanVersionDraft("Utkast inför 2026", "draft", "Planeringsenheten", null, false), Alva);
        var renamed = await LastAuditAsync("plan_version", "update");
        Assert.Equal("Utkast 2026", Json(renamed.Before).GetProperty("Name").GetString());
        Assert.Equal("Utkast inför 2026", Json(renamed.After).GetProperty("Name").GetString());

        await editor.SetCurrentVersionAsync(draftId, Alva);
        var madeCurrent = await LastAuditAsync("plan_version", "update");
        Assert.False(Json(madeCurrent.Before).GetProperty("IsCurrent").GetBoolean());
        Assert.True(Json(madeCurrent.After).GetProperty("IsCurrent").GetBoolean());
        Assert.Equal([false, true], (await queries.GetPlanAsync(planId))!.Versions.Select(v => v.IsCurrent));

        await editor.DeleteVersionAsync(draftId, Alva);
        var deleted = await LastAuditAsync("plan_version", "delete");
        Assert.Equal("alva", deleted.UserName);
        Assert.Equal("Utkast inför 2026", Json(deleted.Before).GetProperty("Version").GetProperty("Name").GetString());
        Assert.Null(deleted.After);
        // The remaining version became current again.
        Assert.True(Assert.Single((await queries.GetPlanAsync(planId))!.Versions).IsCurrent);

        var e = await Assert.ThrowsAsync<InvalidEditException>(() => editor.DeleteVersionAsync(firstId, Alva));
        Assert.Equal("Versionen ”Fastställd plan” är planens enda version och kan inte tas bort.", e.Message);
    }

    [Fact]
    public async Task Goal_areas_are_created_updated_and_deleted_and_the_deletion_names_the_goals_that_went_with_it()
    {
        var (_, versionId, areaId, _) = await PlanWithGoalAndTargetAsync();
        var created = await LastAuditAsync("goal_area", "create");
        Assert.Equal("alva", created.UserName);
        Assert.Equal("God och jämlik hälsa", Json(created.After).GetProperty("Name").GetString());

        var area = Assert.Single(await queries.GetTreeAsync(versionId));
        await goalAreas.UpdateAsync(areaId, area.RowVersion, new GoalAreaDraft("2", "En god och jämlik hälsa", "Beskrivning", "goal_area", 2), Alva);
        var updated = await LastAuditAsync("goal_area", "update");
        Assert.Equal("God och jämlik hälsa", Json(updated.Before).GetProperty("Name").GetString());
        Assert.Equal("En god och jämlik hälsa", Json(updated.After).GetProperty("Name").GetString());

        await goalAreas.DeleteAsync(areaId, Alva);
        var deleted = await LastAuditAsync("goal_area", "delete");
        Assert.Equal("alva", deleted.UserName);
        Assert.Equal(["2.1"], Json(deleted.Before).GetProperty("DeletedGoalCodes").EnumerateArray().Select(x => x.GetString()));
        Assert.Null(deleted.After);
        Assert.Empty(await queries.GetTreeAsync(versionId));
    }

    [Fact]
    public async Task Goals_are_created_updated_and_deleted_with_their_owner_and_contributors_in_the_audit()
    {
        var (_, versionId, areaId, goalId) = await PlanWithGoalAndTargetAsync();
        var created = await LastAuditAsync("goal", "create");
        Assert.Equal("HSN", Json(created.After).GetProperty("OwnerCommitteeCode").GetString());
        Assert.Equal(["RS"], Json(created.After).GetProperty("ContributorCodes").EnumerateArray().Select(x => x.GetString()));

        var goal = Assert.Single(Assert.Single(await queries.GetTreeAsync(versionId)).Goals);
        await goals.UpdateAsync(goalId, goal.RowVersion, new GoalDraft("2.1", "Tillgänglig vård för alla", null, "RS", [], 1), Alva);
        var updated = await LastAuditAsync("goal", "update");
        Assert.Equal("alva", updated.UserName);
        Assert.Equal("HSN", Json(updated.Before).GetProperty("OwnerCommitteeCode").GetString());
        Assert.Equal("RS", Json(updated.After).GetProperty("OwnerCommitteeCode").GetString());
        Assert.Empty(Json(updated.After).GetProperty("ContributorCodes").EnumerateArray());

        // The old row version no longer holds.
        await Assert.ThrowsAsync<EditConflictException>(() =>
            goals.UpdateAsync(goalId, goal.RowVersion, new GoalDraft("2.1", "Något annat", null, null, [], 1), Alva));

        var duplicate = await Assert.ThrowsAsync<InvalidEditException>(() =>
            goals.CreateAsync(areaId, new GoalDraft("2.1", "Ett annat mål", null, null, [], 2), Alva));
        Assert.Equal(new FieldError("Code", "Målområdet har redan ett mål med koden ”2.1”. Välj en annan kod."), Assert.Single(duplicate.Errors));

        await goals.DeleteAsync(goalId, Alva);
        var deleted = await LastAuditAsync("goal", "delete");
        Assert.Equal("Tillgänglig vård för alla", Json(deleted.Before).GetProperty("Goal").GetProperty("Name").GetString());
        Assert.Equal(["N79173"], Json(deleted.Before).GetProperty("UnlinkedIndicatorCodes").EnumerateArray().Select(x => x.GetString()));
        Assert.Null(deleted.After);
    }

    [Fact]
    public async Task Committees_are_created_updated_and_deleted_only_when_nothing_refers_to_them()
    {
        var (_, _, _, _) = await PlanWithGoalAndTargetAsync();
        var id = await committees.CreateAsync("0022", new CommitteeDraft("KN", "Kulturnämnden"), Alva);
        var created = await LastAuditAsync("committee", "create");
        Assert.Equal("alva", created.UserName);
        Assert.Equal("KN", Json(created.After).GetProperty("Code").GetString());

        var rowVersion = (await queries.ListCommitteesAsync("0022")).Single(c => c.Id == id).RowVersion;
        await committees.UpdateAsync(id, rowVersion, new CommitteeDraft("KUN", "Kultur- och utbildningsnämnden"), Alva);
        var updated = await LastAuditAsync("committee", "update");
        Assert.Equal("Kulturnämnden", Json(updated.Before).GetProperty("Name").GetString());
        Assert.Equal("KUN", Json(updated.After).GetProperty("Code").GetString());

        var duplicate = await Assert.ThrowsAsync<InvalidEditException>(() => committees.CreateAsync("0022", new CommitteeDraft("HSN", "Dubblett"), Alva));
        Assert.Equal("Code", Assert.Single(duplicate.Errors).Field);

        var hsn = (await queries.ListCommitteesAsync("0022")).Single(c => c.Code == "HSN");
        var inUse = await Assert.ThrowsAsync<InvalidEditException>(() => committees.DeleteAsync(hsn.Id, Alva));
        Assert.Equal("Nämnden HSN kan inte tas bort: den är ansvarig för mål 2.1. Byt nämnd där först.", inUse.Message);

        await committees.DeleteAsync(id, Alva);
        var deleted = await LastAuditAsync("committee", "delete");
        Assert.Equal("KUN", Json(deleted.Before).GetProperty("Code").GetString());
        Assert.Null(deleted.After);
    }
}
