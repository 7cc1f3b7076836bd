using System.Text.Json;
using Dapper;
using Indicators.Core.Areas;
using Indicators.Core.Editing;
using Indicators.Data.Areas;
using Indicators.Data.Audit;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests.Areas;

/// <summary>Comparison groups: seeded sjukvårdsregioner, and groups analysts create, change and delete, audited, checked in the store.</summary>
public class AreaGroupEditorTests : IAsyncLifetime
{
    static readonly Actor Alva = new("alva", "127.0.0.1");
    static readonly Actor Leo = new("leo", "127.0.0.1");

    string connectionString = "";
    NpgsqlDataSource dataSource = default!;
    AreaGroupEditor editor = default!;
    AreaQueries queries = default!;

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        dataSource = NpgsqlDataSource.Create(connectionString);
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await TestUsers.CreateAsync(connectionString, "leo", "Ledning");
        editor = new AreaGroupEditor(dataSource);
        queries = new AreaQueries(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task The_six_sjukvårdsregioner_are_seeded_with_their_regions()
    {
        var groups = await queries.ListGroupsAsync();

        Assert.Equal(6, groups.Count);
        var norra = Assert.Single(groups, g => g.Name == "Norra sjukvårdsregionen");
        Assert.Equal(["0022", "0023", "0024", "0025"], norra.Members.Select(m => m.Id));
        Assert.Equal(["Region Västernorrland", "Region Jämtland Härjedalen", "Region Västerbotten", "Region Norrbotten"], norra.Members.Select(m => m.Name));
        // Every region is in at least one sjukvårdsregion; Halland, split between Västra and Södra, in two.
        var regionsInGroups = groups.SelectMany(g => g.Members).GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(21, regionsInGroups.Count);
        Assert.Equal(2, regionsInGroups["0013"]);
        Assert.All(regionsInGroups.Where(r => r.Key != "0013"), r => Assert.Equal(1, r.Value));
    }

    [Fact]
    public async Task An_analyst_creates_changes_and_deletes_a_group_and_each_change_is_audited()
    {
        var id = await editor.CreateAsync(new AreaGroupDraft(" Norrlandskommuner ", "Största kommunerna", ["2281", "2480", "2281"]), Alva);

        var created = Assert.Single(await queries.ListGroupsAsync(), g => g.Id == id);
        Assert.Equal("Norrlandskommuner", created.Name);
        Assert.Equal(["Sundsvall", "Umeå"], created.Members.Select(m => m.Name));

        await editor.UpdateAsync(id, created.RowVersion, new AreaGroupDraft("Norrländska städer", null, ["2480", "2584"]), Alva);
        var changed = Assert.Single(await queries.ListGroupsAsync(), g => g.Id == id);
        Assert.Equal(["2480", "2584"], changed.Members.Select(m => m.Id));

        // A form opened before the change saves against an old row version: refused, nothing lost.
        await Assert.ThrowsAsync<EditConflictException>(() =>
            editor.UpdateAsync(id, created.RowVersion, new AreaGroupDraft("Gammalt", null, ["0180"]), Alva));

        await editor.DeleteAsync(id, Alva);
        Assert.DoesNotContain(await queries.ListGroupsAsync(), g => g.Id == id);

        await using var connection = await dataSource.OpenConnectionAsync();
        var entries = (await connection.QueryAsync<(string UserName, string Action, string? Before, string? After)>(
            "select user_name, action, before::text, after::text from audit_log where entity = 'area_group' and entity_id = @Id order by id",
            new { Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToList();
        Assert.Equal(["create", "update", "delete"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("alva", e.UserName));
        Assert.Equal(["2281", "2480"], Members(entries[0].After));
        Assert.Equal(["2281", "2480"], Members(entries[1].Before));
        Assert.Equal(["2480", "2584"], Members(entries[1].After));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from area_group_member where group_id = @Id", new { Id = id }));
    }

    [Fact]
    public async Task A_Ledning_user_may_not_change_groups_even_past_the_page()
    {
        var error = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(new AreaGroupDraft("Mina", null, ["0022"]), Leo));

        Assert.Contains("behörighet", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, (await queries.ListGroupsAsync()).Count);
    }

    [Fact]
    public async Task Unknown_members_a_missing_name_and_a_taken_name_are_refused_in_Swedish()
    {
        var unknown = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(new AreaGroupDraft("X", null, ["0022", "9999"]), Alva));
        var empty = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(new AreaGroupDraft(" ", null, []), Alva));
        var taken = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(new AreaGroupDraft("norra SJUKVÅRDSREGIONEN", null, ["0022"]), Alva));

        Assert.Equal("Okänt område: ”9999”. Välj områden ur listan.", unknown.Message);
        Assert.Equal(["Name", "Members"], empty.Errors.Select(e => e.Field));
        Assert.Contains("finns redan en grupp", taken.Message, StringComparison.Ordinal);
        Assert.Equal(6, (await queries.ListGroupsAsync()).Count);
    }

    static string[] Members(string? json) =>
        [.. JsonDocument.Parse(json!).RootElement.GetProperty("Members").EnumerateArray().Select(e => e.GetString()!)];
}
