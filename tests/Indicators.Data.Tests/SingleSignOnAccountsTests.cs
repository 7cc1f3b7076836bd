using Dapper;
using Indicators.Data.Users;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>Single sign-on accounts: a Nämnd role's committee code, where two organisations both have a nämnd coded HSN.</summary>
public class SingleSignOnAccountsTests
{
    static readonly ExternalIdentity Anna = new("https://idp.example|anna", "anna", "Anna Andersson", null);

    [Fact]
    public async Task A_shared_committee_code_is_resolved_within_the_configured_organisation_and_refused_without_one()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into committee (area_id, code, name) values ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden');
            """);
        var other = await SecondOrganisation.CreateAsync(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var own = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'HSN'");
        var store = new SingleSignOnAccounts(dataSource);

        var refused = await store.SignInAsync(Anna, [("Namnd", "HSN")], organisation: null, "127.0.0.1");
        Assert.Equal(ExternalSignInOutcome.AmbiguousCommittee, refused.Outcome);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from app_user"));

        var västernorrland = await store.SignInAsync(Anna, [("Namnd", "hsn")], organisation: "0022", "127.0.0.1");
        Assert.Equal(ExternalSignInOutcome.SignedIn, västernorrland.Outcome);
        Assert.Equal(own, Assert.Single(västernorrland.Roles).CommitteeId);

        // The same person moved to Västerbotten's nämnd: the other HSN, by id, and the change audited with both ids.
        var västerbotten = await store.SignInAsync(Anna, [("Namnd", "HSN")], organisation: SecondOrganisation.AreaId, "127.0.0.1");
        Assert.Equal(other.CommitteeId, Assert.Single(västerbotten.Roles).CommitteeId);
        Assert.Equal([other.CommitteeId], await connection.QueryAsync<int>("select committee_id from user_role"));
        var change = await connection.QuerySingleAsync<(string Before, string After)>(
            "select before->>'roles', after->>'roles' from audit_log where action = 'update' order by id desc limit 1");
        Assert.Equal(($"[\"Namnd:HSN#{own}\"]", $"[\"Namnd:HSN#{other.CommitteeId}\"]"), change);
    }
}
