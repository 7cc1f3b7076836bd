using Dapper;
using Indicators.Core.ActionPlans;
using Indicators.Core.Editing;
using Indicators.Data.ActionPlans;
using Indicators.Data.Audit;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests.ActionPlans;

/// <summary>Åtgärdsplaner: written by analysts and administrators only (checked in the store), validated in Swedish naming the field, audited.</summary>
public class ActionPlanEditorTests : IAsyncLifetime
{
    static readonly Actor Alva = new("alva", "127.0.0.1");
    static readonly Actor Leo = new("leo", "127.0.0.1");
    static readonly Actor Nora = new("nora", "127.0.0.1");

    string connectionString = "";
    NpgsqlDataSource dataSource = default!;
    ActionPlanEditor editor = default!;
    ActionPlanQueries queries = default!;
    int versionId;
    int hsnId;

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('9922', 'Testregionen', 'Test', 'region') on conflict do nothing;
            insert into committee (area_id, code, name) values ('9922', 'HSN', 'Hälso- och sjukvårdsnämnden');
            insert into plan (area_id, name, start_year, end_year) values ('9922', 'Regionplan 2025–2027', 2025, 2027);
            insert into plan_version (plan_id, name, kind, is_current) select id, 'Fastställd plan', 'adopted', true from plan where area_id = '9922';
            """);
        dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            versionId = await connection.ExecuteScalarAsync<int>("select v.id from plan_version v join plan p on p.id = v.plan_id where p.area_id = '9922'");
            hsnId = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '9922' and code = 'HSN'");
        }

        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await TestUsers.CreateAsync(connectionString, "leo", "Ledning");
        await TestUsers.CreateAsync(connectionString, "nora", "Namnd", hsnId);
        editor = new ActionPlanEditor(dataSource);
        queries = new ActionPlanQueries(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    static ActionMeasureDraft Measure(string name, params (int Year, decimal? Amount)[] effects) =>
        new(name, null, [.. effects.Select(e => new ActionMeasureEffectDraft(e.Year, e.Amount))]);

    async Task<int> PlanWithYearsAsync()
    {
        var id = await editor.CreatePlanAsync(versionId, hsnId, new ActionPlanDraft(" Ekonomisk handlingsplan 2025–2027 ", null, "mnkr"), Alva);
        await editor.SaveYearAsync(id, new ActionPlanYearDraft(2024, 6653, -600, 30), Alva);
        await editor.SaveYearAsync(id, new ActionPlanYearDraft(2025, 6894, -570, 225), Alva);
        return id;
    }

    [Fact]
    public async Task An_analyst_builds_a_plan_changes_an_effect_and_removes_an_aatgaerd_and_the_sums_follow()
    {
        var planId = await PlanWithYearsAsync();
        var hyr = await editor.CreateMeasureAsync(planId, Measure("Hyroberonde vård", (2025, 70), (2026, 50)), Alva);
        var kopt = await editor.CreateMeasureAsync(planId, Measure("Köpt vård", (2025, 50)), Alva);

        var plan = Assert.Single(await queries.ForCommitteeAsync(versionId, hsnId));
        Assert.Equal("Ekonomisk handlingsplan 2025–2027", plan.Plan.Name);
        Assert.Equal(120m, ActionPlanSums.Planned(plan.Plan, 2025));
        Assert.Equal(-105m, ActionPlanSums.Deviation(plan.Plan, 2025));

        // The year saved again is changed, not added; an emptied amount removes that year's effect.
        await editor.SaveYearAsync(planId, new ActionPlanYearDraft(2025, 6894, -570, 100), Alva);
        var hyrRow = plan.Measures.Single(m => m.Id == hyr);
        await editor.UpdateMeasureAsync(hyr, hyrRow.RowVersion, Measure("Hyroberonde vård", (2025, 80), (2026, null)), Alva);
        await editor.DeleteMeasureAsync(kopt, Alva);

        plan = Assert.Single(await queries.ForCommitteeAsync(versionId, hsnId));
        Assert.Equal(80m, ActionPlanSums.Planned(plan.Plan, 2025));
        Assert.Equal(-20m, ActionPlanSums.Deviation(plan.Plan, 2025));
        Assert.Equal([2024, 2025], plan.Plan.Years.Select(y => y.Year));
        var measure = Assert.Single(plan.Plan.Measures);
        Assert.Equal(new Dictionary<int, decimal> { [2025] = 80m }, measure.Planned);

        // A form opened before the change saves against an old row version: refused, nothing lost.
        await Assert.ThrowsAsync<EditConflictException>(() =>
            editor.UpdateMeasureAsync(hyr, hyrRow.RowVersion, Measure("Hyroberonde vård", (2025, 1)), Alva));
        Assert.Equal(80m, ActionPlanSums.Planned(Assert.Single(await queries.ForCommitteeAsync(versionId, hsnId)).Plan, 2025));

        await using var connection = await dataSource.OpenConnectionAsync();
        var entries = (await connection.QueryAsync<(string UserName, string Action, string Entity, string EntityId)>(
            "select user_name, action, entity, entity_id from audit_log where entity like 'action%' order by id")).ToList();
        Assert.All(entries, e => Assert.Equal("alva", e.UserName));
        Assert.Equal(
            [
                ("create", "action_plan", $"{planId}"), ("create", "action_plan_year", $"{planId}/2024"), ("create", "action_plan_year", $"{planId}/2025"),
                ("create", "action_measure", $"{hyr}"), ("create", "action_measure_effect", $"{hyr}/2025"), ("create", "action_measure_effect", $"{hyr}/2026"),
                ("create", "action_measure", $"{kopt}"), ("create", "action_measure_effect", $"{kopt}/2025"),
                ("update", "action_plan_year", $"{planId}/2025"),
                ("delete", "action_measure_effect", $"{hyr}/2026"), ("update", "action_measure_effect", $"{hyr}/2025"),
                ("delete", "action_measure", $"{kopt}"),
            ],
            entries.Select(e => (e.Action, e.Entity, e.EntityId)));
        var changed = await connection.QuerySingleAsync<(string Before, string After)>(
            "select before::text, after::text from audit_log where entity = 'action_measure_effect' and action = 'update'");
        Assert.Contains("\"Planned\": 70", changed.Before, StringComparison.Ordinal);
        Assert.Contains("\"Planned\": 80", changed.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Swedish_naming_the_field_and_nothing_is_saved()
    {
        var nameless = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editor.CreatePlanAsync(versionId, hsnId, new ActionPlanDraft(" ", null, ""), Alva));
        Assert.Equal(["Name", "Unit"], nameless.Errors.Select(e => e.Field));
        Assert.Contains("Ange åtgärdsplanens namn.", nameless.Message, StringComparison.Ordinal);
        var tooLong = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editor.CreatePlanAsync(versionId, hsnId, new ActionPlanDraft(new string('x', 201), null, "mnkr"), Alva));
        Assert.Contains("högst 200 tecken (nu 201)", tooLong.Message, StringComparison.Ordinal);

        var planId = await PlanWithYearsAsync();
        var duplicatePlan = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editor.CreatePlanAsync(versionId, hsnId, new ActionPlanDraft("Ekonomisk handlingsplan 2025–2027", null, "mnkr"), Alva));
        Assert.Equal("Name", Assert.Single(duplicatePlan.Errors).Field);

        // The year before the plan (2024) is allowed; 2023 and 2028 are not, nor a year outside 2000–2100.
        var early = await Assert.ThrowsAsync<InvalidEditException>(() => editor.SaveYearAsync(planId, new ActionPlanYearDraft(2023, 1, 1, 1), Alva));
        Assert.Equal("År: 2023 ligger utanför planens år 2024–2027 (året före planen får vara med).", Assert.Single(early.Errors).Message);
        await Assert.ThrowsAsync<InvalidEditException>(() => editor.SaveYearAsync(planId, new ActionPlanYearDraft(2028, 1, 1, 1), Alva));
        var absurd = await Assert.ThrowsAsync<InvalidEditException>(() => editor.SaveYearAsync(planId, new ActionPlanYearDraft(1999, 1, 1, 1), Alva));
        Assert.Contains("mellan 2000 och 2100", absurd.Message, StringComparison.Ordinal);

        await editor.CreateMeasureAsync(planId, Measure("Läkemedel", (2025, 25)), Alva);
        var duplicate = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editor.CreateMeasureAsync(planId, Measure(" LÄKEMEDEL ", (2025, 5)), Alva));
        Assert.Equal("Name", Assert.Single(duplicate.Errors).Field);
        Assert.Contains("redan en åtgärd som heter ”LÄKEMEDEL”", duplicate.Message, StringComparison.Ordinal);
        var badYears = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editor.CreateMeasureAsync(planId, Measure("Smarta Inköp", (2025, 35), (2025, 1), (2031, 2)), Alva));
        Assert.Equal(["Effects[1].Year", "Effects[2].Year"], badYears.Errors.Select(e => e.Field));
        Assert.Contains("Planerad effekt 2025 står två gånger", badYears.Message, StringComparison.Ordinal);

        var plan = Assert.Single(await queries.ForCommitteeAsync(versionId, hsnId));
        Assert.Equal(["Läkemedel"], plan.Plan.Measures.Select(m => m.Name));
        Assert.Equal([2024, 2025], plan.Plan.Years.Select(y => y.Year));
    }

    [Fact]
    public async Task Ledning_and_a_naemnd_may_read_but_not_change_a_plan_and_the_store_says_so()
    {
        var planId = await PlanWithYearsAsync();
        var measureId = await editor.CreateMeasureAsync(planId, Measure("Läkemedel", (2025, 25)), Alva);

        foreach (var actor in new[] { Leo, Nora, new Actor(null, null) })
        {
            var refused = await Assert.ThrowsAsync<InvalidEditException>(() =>
                editor.CreatePlanAsync(versionId, hsnId, new ActionPlanDraft("Annan plan", null, "mnkr"), actor));
            Assert.Equal("Du har inte behörighet att ändra åtgärdsplaner. Det får analytiker och administratörer.", refused.Message);
            await Assert.ThrowsAsync<InvalidEditException>(() => editor.SaveYearAsync(planId, new ActionPlanYearDraft(2025, 1, 1, 1), actor));
            await Assert.ThrowsAsync<InvalidEditException>(() => editor.UpdateMeasureAsync(measureId, null, Measure("Läkemedel", (2025, 1)), actor));
            await Assert.ThrowsAsync<InvalidEditException>(() => editor.DeleteMeasureAsync(measureId, actor));
            await Assert.ThrowsAsync<InvalidEditException>(() => editor.DeletePlanAsync(planId, actor));
        }

        var plan = Assert.Single(await queries.ForCommitteeAsync(versionId, hsnId));
        Assert.Equal(225m, plan.Plan.Years.Single(y => y.Year == 2025).RequiredEffect);
        Assert.Equal(25m, plan.Plan.Measures.Single().Planned[2025]);

        // A deactivated analyst is refused too: the right is read from the account inside the write.
        await TestPostgres.ExecuteAsync(connectionString, "update app_user set is_active = false where user_name = 'alva'");
        await Assert.ThrowsAsync<InvalidEditException>(() => editor.DeletePlanAsync(planId, Alva));
        Assert.Single(await queries.ListAsync());
    }

    [Fact]
    public async Task Deleting_a_plan_takes_its_years_and_aatgaerder_along_and_the_entry_names_them()
    {
        var planId = await PlanWithYearsAsync();
        await editor.CreateMeasureAsync(planId, Measure("Läkemedel", (2025, 25)), Alva);
        var listed = Assert.Single(await queries.ListAsync());
        Assert.Equal(("HSN", 1), (listed.CommitteeCode, listed.MeasureCount));

        await editor.DeletePlanAsync(planId, Alva);

        Assert.Empty(await queries.ListAsync());
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from action_measure_effect"));
        var before = await connection.ExecuteScalarAsync<string>("select before::text from audit_log where entity = 'action_plan' and action = 'delete'");
        Assert.Contains("Läkemedel", before, StringComparison.Ordinal);
    }
}
