using Dapper;
using Indicators.Core.Assignments;
using Indicators.Core.Editing;
using Indicators.Data.Assignments;
using Indicators.Data.Audit;
using Indicators.Data.Demo;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests.Assignments;

/// <summary>Uppdrag on the demo plan: written through <see cref="AssignmentEditor"/> (rules, rights, audit, follow-ups kept) and read by <see cref="AssignmentQueries"/>.</summary>
public partial class AssignmentStoreTests : IAsyncLifetime
{
    static readonly Actor Analyst = new("anna.analytiker", "127.0.0.1");
    static readonly Actor Leader = new("lars.ledning", "127.0.0.2");
    static readonly Actor Committee = new("nora.namnd", "127.0.0.3");
    static readonly DateOnly Today = new(2026, 10, 1);

    string connectionString = "";
    NpgsqlDataSource dataSource = default!;
    AssignmentEditor editor = default!;
    AssignmentQueries queries = default!;
    int versionId;
    Dictionary<string, int> committees = [];

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        dataSource = NpgsqlDataSource.Create(connectionString);
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        await TestUsers.CreateAsync(connectionString, Analyst.UserName!, "Analytiker", committeeId: null);
        await TestUsers.CreateAsync(connectionString, Leader.UserName!, "Ledning", committeeId: null);
        await TestUsers.CreateAsync(connectionString, Committee.UserName!, "Namnd", "HSN");
        editor = new AssignmentEditor(dataSource);
        queries = new AssignmentQueries(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        versionId = await connection.ExecuteScalarAsync<int>("select id from plan_version where is_current and plan_id = (select id from plan where area_id = '0022')");
        committees = (await connection.QueryAsync<(string Code, int Id)>("select code, id from committee where area_id = '0022'")).ToDictionary(c => c.Code, c => c.Id);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    async Task<int> GoalAsync(string code)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "select g.id from goal g join goal_area ga on ga.id = g.goal_area_id where ga.plan_version_id = @V and g.code = @Code", new { V = versionId, Code = code });
    }

    async Task<int> IndicatorAsync(string code)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("select id from indicator where area_id = '0022' and code = @Code", new { Code = code });
    }

    AssignmentDraft Directed(string code, params string[] receivers) => new(
        code, "Minska hyrberoendet", null, null, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30),
        [.. receivers.Select(r => new AssignmentReceiverDraft(committees[r], ReceiverLevels.Committee))], []);

    [Fact]
    public async Task An_analyst_creates_a_directed_uppdrag_to_two_nämnder_and_changes_it_and_each_row_is_audited()
    {
        var goal = await GoalAsync("2.1");
        var indicator = await IndicatorAsync("LISTADE_PER_ALLMANSPECIALIST");
        var draft = Directed(" RF-1 ", "HSN", "RS") with { Text = "  Minska hyrberoendet  ", GoalId = goal, IndicatorIds = [indicator] };

        var id = await editor.CreateAsync(versionId, draft, Analyst);

        var created = (await queries.GetAsync(id, Today))!;
        Assert.Equal("RF-1", created.Code);
        Assert.Equal("Minska hyrberoendet", created.Text);
        Assert.Equal("Regionfullmäktige", created.GivenBy);
        Assert.Equal("2.1", created.GoalCode);
        Assert.Equal(["HSN", "RS"], created.Receivers.Select(r => r.Code));
        Assert.Equal(["LISTADE_PER_ALLMANSPECIALIST"], created.Indicators.Select(i => i.Code));

        await editor.UpdateAsync(id, created.RowVersion, created.ToDraft() with
        {
            GivenByCommitteeId = committees["RS"],
            Receivers = [new(committees["HSN"], ReceiverLevels.Administration)],
            IndicatorIds = [],
        }, Analyst);

        var changed = (await queries.GetAsync(id, Today))!;
        Assert.Equal("Regionstyrelsen", changed.GivenBy);
        var receiver = Assert.Single(changed.Receivers);
        Assert.Equal(ReceiverLevels.Administration, receiver.Level);
        Assert.Empty(changed.Indicators);

        // A form opened before the change saves against an old row version: refused, nothing lost.
        await Assert.ThrowsAsync<EditConflictException>(() => editor.UpdateAsync(id, created.RowVersion, draft, Analyst));

        await editor.DeleteAsync(id, Analyst);
        Assert.Null(await queries.GetAsync(id, Today));

        await using var connection = await dataSource.OpenConnectionAsync();
        var entries = (await connection.QueryAsync<(string Entity, string Action, string UserName, string? After)>(
            "select entity, action, user_name, after::text from audit_log where entity like 'assignment%' order by id")).ToList();
        Assert.All(entries, e => Assert.Equal(Analyst.UserName, e.UserName));
        Assert.Equal(
            ["assignment create", "assignment_receiver create", "assignment_receiver create", "assignment_indicator create",
             "assignment update", "assignment_receiver delete", "assignment_receiver update", "assignment_indicator delete", "assignment delete"],
            entries.Select(e => $"{e.Entity} {e.Action}"));
        Assert.Contains("\"GivenBy\": \"Regionfullmäktige\"", entries[0].After, StringComparison.Ordinal);
        Assert.Contains("\"Level\": \"administration\"", entries[6].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_active_analyst_or_administrator_may_write_uppdrag_and_a_refusal_writes_nothing()
    {
        foreach (var actor in new[] { Leader, Committee, new Actor("okand", "127.0.0.9"), new Actor(null, "127.0.0.9") })
        {
            var refused = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(versionId, Directed("RF-1", "HSN"), actor));
            Assert.Contains("behörighet", refused.Message, StringComparison.Ordinal);
        }

        var id = await editor.CreateAsync(versionId, Directed("RF-1", "HSN"), Analyst);
        var view = (await queries.GetAsync(id, Today))!;
        await Assert.ThrowsAsync<InvalidEditException>(() => editor.UpdateAsync(id, view.RowVersion, view.ToDraft() with { Text = "Annat" }, Committee));
        await Assert.ThrowsAsync<InvalidEditException>(() => editor.DeleteAsync(id, Leader));
        Assert.Equal("Minska hyrberoendet", (await queries.GetAsync(id, Today))!.Text);

        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update app_user set is_active = false where user_name = @U", new { U = Analyst.UserName });
        }

        await Assert.ThrowsAsync<InvalidEditException>(() => editor.DeleteAsync(id, Analyst));
        Assert.Single(await queries.ListAsync(new AssignmentFilter(), Today), a => a.Id == id);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_each_field_in_swedish()
    {
        var other = await SecondOrganisation.CreateAsync(connectionString);
        var draft = new AssignmentDraft(
            "RF 1!", new string('x', 4001), other.CommitteeId, other.GoalId, new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1),
            [new(other.CommitteeId, "styrelse")], [987654]);

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(versionId, draft, Analyst));

        var byField = refused.Errors.ToDictionary(e => e.Field, e => e.Message);
        Assert.Contains("högst 4000 tecken", byField["Text"], StringComparison.Ordinal);
        Assert.Contains("”RF 1!”", byField["Code"], StringComparison.Ordinal);
        Assert.Contains("Slutdatum (2026-01-01) kan inte ligga före startdatum (2027-01-01)", byField["EndDate"], StringComparison.Ordinal);
        Assert.Contains("nämnden eller förvaltningen", byField["Receivers[0].Level"], StringComparison.Ordinal);
        Assert.Contains("Regionfullmäktige eller en nämnd i Region Västernorrland", byField["GivenByCommitteeId"], StringComparison.Ordinal);
        Assert.Contains("nämnd i Region Västernorrland", byField["Receivers[0].CommitteeId"], StringComparison.Ordinal);
        Assert.Contains("samma version", byField["GoalId"], StringComparison.Ordinal);
        Assert.Contains("indikatorer i Region Västernorrland", byField["IndicatorIds"], StringComparison.Ordinal);

        var empty = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(versionId, Directed("RF-2") with { Text = " " }, Analyst));
        Assert.Equal(["Text", "Receivers"], empty.Errors.Select(e => e.Field));
        Assert.Equal("Ange uppdragets text.", empty.Errors[0].Message);

        await editor.CreateAsync(versionId, Directed("RF-3", "HSN"), Analyst);
        var twice = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(versionId, Directed("RF-3", "RS"), Analyst));
        Assert.Equal("Code", Assert.Single(twice.Errors).Field);
        Assert.Contains("redan ett uppdrag med koden ”RF-3”", twice.Message, StringComparison.Ordinal);

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(["RF-3"], await connection.QueryAsync<string>("select code from assignment where not code like any (array['HSN-%', 'RF-2025-%', 'RU-%'])"));
    }

    [Fact]
    public async Task A_receiver_that_has_followed_the_uppdrag_up_cannot_be_removed_nor_the_uppdrag_deleted()
    {
        var id = await editor.CreateAsync(versionId, Directed("RF-1", "HSN", "RS"), Analyst);
        await FollowUpAsync(id, "HSN", "in_progress", 2026);

        var view = (await queries.GetAsync(id, Today))!;
        var removing = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editor.UpdateAsync(id, view.RowVersion, view.ToDraft() with { Receivers = [new(committees["RS"], ReceiverLevels.Committee)] }, Analyst));
        Assert.Equal("Receivers", Assert.Single(removing.Errors).Field);
        Assert.Contains("HSN har redan följt upp uppdraget", removing.Message, StringComparison.Ordinal);

        var deleting = await Assert.ThrowsAsync<InvalidEditException>(() => editor.DeleteAsync(id, Analyst));
        Assert.Contains("HSN har redan följt upp det", deleting.Message, StringComparison.Ordinal);

        // Changing the text and the level keeps the receiver's row, and with it the follow-up.
        await editor.UpdateAsync(id, view.RowVersion, view.ToDraft() with
        {
            Text = "Minska hyrberoendet inom vården",
            Receivers = [new(committees["HSN"], ReceiverLevels.Administration), new(committees["RS"], ReceiverLevels.Committee)],
        }, Analyst);
        var hsn = (await queries.GetAsync(id, Today))!.Receivers.Single(r => r.Code == "HSN");
        Assert.Equal(AssignmentStatus.InProgress, hsn.Latest!.Status);

        // RS has not followed it up: it can go.
        var now = (await queries.GetAsync(id, Today))!;
        await editor.UpdateAsync(id, now.RowVersion, now.ToDraft() with { Receivers = [new(committees["HSN"], ReceiverLevels.Committee)] }, Analyst);
        Assert.Equal(["HSN"], (await queries.GetAsync(id, Today))!.Receivers.Select(r => r.Code));
    }

    /// <summary>A receiver's follow-up as the report writes it (the follow-up writer is the report's; here the row is set up directly).</summary>
    internal async Task FollowUpAsync(int assignmentId, string committee, string status, int year, string kind = "interim")
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var period = await connection.ExecuteScalarAsync<int?>(
            "select id from report_period where plan_version_id = @V and year = @Year and kind = @Kind", new { V = versionId, Year = year, Kind = kind })
            ?? await connection.ExecuteScalarAsync<int>(
                "insert into report_period (plan_version_id, year, kind, created_by) values (@V, @Year, @Kind, 'test') returning id",
                new { V = versionId, Year = year, Kind = kind });
        await connection.ExecuteAsync("""
            insert into committee_report (report_period_id, committee_id) values (@Period, @Committee) on conflict do nothing;
            insert into assignment_follow_up (assignment_id, committee_id, report_period_id, status, comment, updated_by)
            values (@Id, @Committee, @Period, @Status, 'Kommentar', 'test')
            """, new { Id = assignmentId, Period = period, Committee = committees[committee], Status = status });
    }
}
