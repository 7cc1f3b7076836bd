using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Organisations;
using Indicators.Data.ActionPlans;
using Indicators.Data.Assignments;
using Indicators.Data.Audit;
using Indicators.Data.Indicators;
using Indicators.Data.Organisations;
using Indicators.Data.Plans;
using Indicators.Data.Reports;
using Indicators.Data.Users;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests.Organisations;

/// <summary>
/// Several organisations in one installation (issue 21), in the store: who owns what, lists filtered by the reader's
/// organisations, writes of another organisation's things refused inside the transaction, and the administrator's limit.
/// </summary>
public class OrganisationScopeTests
{
    static readonly OrganisationScope Botten = OrganisationScope.Only(["0024"]);

    [Fact]
    public async Task Each_kind_of_thing_is_owned_by_its_plans_or_its_own_organisation()
    {
        var t = await TwoOrganisations.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(t.ConnectionString);
        var ownership = new OrganisationOwnership(dataSource);

        foreach (var (kind, id) in new (OwnedKind, int)[]
        {
            (OwnedKind.Plan, t.NorrPlan), (OwnedKind.PlanVersion, t.NorrVersion), (OwnedKind.GoalArea, t.NorrGoalArea), (OwnedKind.Goal, t.NorrGoal),
            (OwnedKind.Committee, t.NorrCommittee), (OwnedKind.Indicator, t.NorrIndicator), (OwnedKind.ReportPeriod, t.NorrPeriod),
            (OwnedKind.Assignment, t.NorrAssignment),
        })
        {
            Assert.Equal("0022", await ownership.AreaOfAsync(kind, id));
            Assert.False(await ownership.AllowsAsync(Botten, kind, id), $"{kind} {id} allowed to Västerbotten");
            Assert.True(await ownership.AllowsAsync(OrganisationScope.All, kind, id));
        }

        foreach (var (kind, id) in new (OwnedKind, int)[]
        {
            (OwnedKind.Plan, t.BottenPlan), (OwnedKind.PlanVersion, t.BottenVersion), (OwnedKind.Goal, t.BottenGoal), (OwnedKind.Committee, t.BottenCommittee),
            (OwnedKind.Indicator, t.BottenIndicator), (OwnedKind.ReportPeriod, t.BottenPeriod),
        })
        {
            Assert.Equal("0024", await ownership.AreaOfAsync(kind, id));
            Assert.True(await ownership.AllowsAsync(Botten, kind, id));
        }

        Assert.Null(await ownership.AreaOfAsync(OwnedKind.Goal, 999_999));
        Assert.Equal(["Region Västerbotten"], (await ownership.ListAsync(Botten)).Select(o => o.Name));
        Assert.Equal(["Region Västerbotten", "Region Västernorrland"], (await ownership.ListAsync()).Select(o => o.Name));
    }

    [Fact]
    public async Task The_lists_a_limited_reader_reaches_hold_only_their_organisations_things()
    {
        var t = await TwoOrganisations.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(t.ConnectionString);

        Assert.Equal([TwoOrganisations.BottenPlanName], (await new PlanQueries(dataSource).ListPlansAsync(Botten)).Select(p => p.Name));
        Assert.Equal(2, (await new PlanQueries(dataSource).ListPlansAsync(OrganisationScope.All)).Count);
        Assert.Equal([t.BottenCommittee], (await new GoalQueries(dataSource).ListCommitteesAsync(Botten)).Select(c => c.Id));
        Assert.Equal(["VB-1"], (await new IndicatorEditQueries(dataSource).ListAsync(Botten)).Select(i => i.Code));
        Assert.Equal([t.BottenPeriod], (await new ReportQueries(dataSource, new PlanQueries(dataSource)).ListPeriodsAsync(organisations: Botten)).Select(p => p.Id));
        Assert.Equal([TwoOrganisations.BottenPlanName], (await new PlanEditQueries(dataSource).ListPlansAsync(Botten)).Select(p => p.Name));
        Assert.Equal(["0024"], (await new PlanEditQueries(dataSource).ListOrganisationsAsync(Botten)).Select(o => o.Id));
        var assignments = new AssignmentQueries(dataSource);
        Assert.Empty(await assignments.ListAsync(new AssignmentFilter(), new DateOnly(2026, 6, 1), Botten));
        Assert.Single(await assignments.ListAsync(new AssignmentFilter(), new DateOnly(2026, 6, 1), OrganisationScope.All));
        Assert.Equal([t.BottenCommittee], (await assignments.CommitteesAsync(Botten)).Select(c => c.Id));
        Assert.Equal([t.BottenVersion], (await assignments.VersionsAsync(Botten)).Select(v => v.Id));
        Assert.All(await new ActionPlanQueries(dataSource).PlacesAsync(Botten), p => Assert.Equal(t.BottenCommittee, p.CommitteeId));
    }

    [Fact]
    public async Task A_limited_analyst_cannot_change_or_delete_another_organisations_things_by_their_ids_and_nothing_is_written()
    {
        var t = await TwoOrganisations.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(t.ConnectionString);
        await TestUsers.CreateAsync(dataSource, "vide", "Analytiker", null);
        await t.LimitAsync("vide", "0024");
        var vide = new Actor("vide", null);
        await using var connection = await dataSource.OpenConnectionAsync();
        var auditedBefore = await connection.ExecuteScalarAsync<int>("select count(*) from audit_log where user_name = 'vide'");

        var goal = await Assert.ThrowsAsync<InvalidEditException>(() => new GoalEditor(dataSource).DeleteAsync(t.NorrGoal, vide));
        Assert.Contains("organisation som ditt konto inte har behörighet till", goal.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidEditException>(() => new AssignmentEditor(dataSource).DeleteAsync(t.NorrAssignment, vide));
        var plan = (await new PlanEditQueries(dataSource).GetPlanAsync(t.NorrPlan))!;
        await Assert.ThrowsAsync<InvalidEditException>(() => new PlanEditor(dataSource).UpdatePlanAsync(
            t.NorrPlan, plan.RowVersion, new Core.Plans.PlanDraft("Kapad plan", null, 2025, 2027), vide));
        await Assert.ThrowsAsync<InvalidEditException>(() => new CommitteeEditor(dataSource).CreateAsync("0022", new Core.Plans.CommitteeDraft("NY", "Ny nämnd"), vide));

        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from goal where id = @Id", new { Id = t.NorrGoal }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from assignment where id = @Id", new { Id = t.NorrAssignment }));
        Assert.Equal(TwoOrganisations.NorrPlanName, await connection.ExecuteScalarAsync<string>("select name from plan where id = @Id", new { Id = t.NorrPlan }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from committee where code = 'NY'"));
        Assert.Equal(auditedBefore, await connection.ExecuteScalarAsync<int>("select count(*) from audit_log where user_name = 'vide'"));

        // Their own organisation's things they change as before.
        await new GoalEditor(dataSource).DeleteAsync(t.BottenGoal, vide);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from goal where id = @Id", new { Id = t.BottenGoal }));
    }

    [Fact]
    public async Task A_limited_user_cannot_subscribe_to_another_organisations_indicator_mål_or_nämnd_nor_to_an_installation_wide_source()
    {
        var t = await TwoOrganisations.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(t.ConnectionString);
        await TestUsers.CreateAsync(dataSource, "vera", "Ledning", null);
        await t.LimitAsync("vera", "0024");
        var vera = new Actor("vera", null);
        var editor = new Alerts.SubscriptionEditor(dataSource,
            new Protection.SecretProtector(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider()), new Alerts.WebhookPolicy(false, []));
        static Alerts.SubscriptionDraft Draft(string kind, int id) => new(kind, id, [Alerts.AlertKinds.NewOutcomes], true, null, false);
        var sourceId = await dataSource.CreateCommand(
            "insert into source (name, kind, cron, settings) values ('Kolada', 'kolada', '0 6 * * *', '{}') returning id").ExecuteScalarAsync();

        foreach (var (kind, id) in new[]
        {
            (Alerts.AlertTargets.Indicator, t.NorrIndicator), (Alerts.AlertTargets.Goal, t.NorrGoal), (Alerts.AlertTargets.Committee, t.NorrCommittee),
            (Alerts.AlertTargets.Source, (int)sourceId!),
        })
        {
            var refused = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(Draft(kind, id), vera));
            Assert.Contains("behörighet", refused.Message, StringComparison.Ordinal);
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from subscription"));
        // Their own organisation's indicator they follow as before.
        await editor.CreateAsync(Draft(Alerts.AlertTargets.Indicator, t.BottenIndicator), vera);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from subscription"));
    }

    [Fact]
    public async Task A_limited_reviewer_of_every_nämnd_reviews_only_their_organisations_nämnder()
    {
        var t = await TwoOrganisations.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(t.ConnectionString);
        await TestUsers.CreateAsync(dataSource, "greta", "Granskare", null);
        await TestUsers.CreateAsync(dataSource, "gun", "Granskare", null);
        await t.LimitAsync("greta", "0024");
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        Assert.True(await AccountRights.MayReviewAsync(connection, transaction, new Actor("greta", null), t.BottenCommittee, default));
        Assert.False(await AccountRights.MayReviewAsync(connection, transaction, new Actor("greta", null), t.NorrCommittee, default));
        Assert.True(await AccountRights.MayReviewAsync(connection, transaction, new Actor("gun", null), t.NorrCommittee, default));
    }

    [Fact]
    public async Task An_administrator_limits_an_account_to_an_organisation_audited_and_its_next_session_check_carries_it()
    {
        var t = await TwoOrganisations.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(t.ConnectionString);
        await TestUsers.CreateAsync(dataSource, "adam", "Administrator", null);
        await TestUsers.CreateAsync(dataSource, "vera", "Ledning", null);
        var administration = new UserAdministration(dataSource);
        var users = new UserQueries(dataSource);
        var vera = (await users.ListAsync()).Single(u => u.UserName == "vera").Id;
        var token = await new SessionStore(dataSource).StartAsync(vera, "local", null, DateTimeOffset.UtcNow, TimeSpan.FromHours(8));

        await administration.SetOrganisationsAsync(vera, ["0024"], new Actor("adam", null));

        Assert.Equal(["Region Västerbotten"], (await users.GetAsync(vera))!.Organisations.Select(o => o.Name));
        Assert.Equal(["0024"], (await new SessionStore(dataSource).CheckAsync(token, DateTimeOffset.UtcNow, null))!.Organisations);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(("adam", "[]", "[\"0024\"]"), await connection.QuerySingleAsync<(string, string, string)>(
            "select user_name, before->>'organisations', after->>'organisations' from audit_log where entity = 'user' and before ? 'organisations'"));

        await administration.SetOrganisationsAsync(vera, [], new Actor("adam", null));
        Assert.Empty((await users.GetAsync(vera))!.Organisations);
    }

    [Fact]
    public async Task A_limit_to_an_unknown_organisation_or_one_that_leaves_a_nämnd_role_outside_it_is_refused_in_Swedish()
    {
        var t = await TwoOrganisations.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(t.ConnectionString);
        await TestUsers.CreateAsync(dataSource, "adam", "Administrator", null);
        await TestUsers.CreateAsync(dataSource, "nils", "Namnd", t.NorrCommittee);
        await TestUsers.CreateAsync(dataSource, "vera", "Ledning", null);
        var administration = new UserAdministration(dataSource);
        var users = (await new UserQueries(dataSource).ListAsync()).ToDictionary(u => u.UserName, u => u.Id);
        var adam = new Actor("adam", null);

        var unknown = await Assert.ThrowsAsync<InvalidEditException>(() => administration.SetOrganisationsAsync(users["vera"], ["0025"], adam));
        Assert.StartsWith("Organisationen 0025 finns inte i systemet", unknown.Message, StringComparison.Ordinal);
        var outside = await Assert.ThrowsAsync<InvalidEditException>(() => administration.SetOrganisationsAsync(users["nils"], ["0024"], adam));
        Assert.Contains("Regionstyrelsen i Västernorrland (Region Västernorrland)", outside.Message, StringComparison.Ordinal);

        // And the other way round: a limited account is not given a nämnd of another organisation.
        await administration.SetOrganisationsAsync(users["vera"], ["0024"], adam);
        await Assert.ThrowsAsync<InvalidEditException>(() => administration.SetRolesAsync(users["vera"], [new RoleGrant("Granskare", t.NorrCommittee)], adam));
        await administration.SetRolesAsync(users["vera"], [new RoleGrant("Granskare", t.BottenCommittee)], adam);

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from user_organisation where user_id = @Id", new { Id = users["nils"] }));
    }
}
