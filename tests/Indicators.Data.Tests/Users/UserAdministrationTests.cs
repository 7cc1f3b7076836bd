using Dapper;
using Indicators.Core.Editing;
using Indicators.Data.Audit;
using Indicators.Data.Users;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests.Users;

/// <summary>
/// What an administrator does to accounts (UserAdministration): each change checked against the acting account inside
/// its transaction, audited, refused in Swedish when it breaks a rule, and followed by the account's sessions at once.
/// </summary>
public class UserAdministrationTests
{
    static readonly Actor Adam = new("adam", "127.0.0.1");

    [Fact]
    public async Task A_role_change_is_stored_with_its_committees_and_audited_by_the_administrator()
    {
        await using var world = await World.CreateAsync();
        var alva = await world.IdAsync("alva");

        await world.Administration.SetRolesAsync(alva, [new("Namnd", world.Hsn), new("Granskare", null), new("Analytiker", null)], Adam);

        Assert.Equal(["Analytiker:", "Granskare:", $"Namnd:{world.Hsn}"], await world.RolesAsync(alva));
        var entry = await world.Connection.QuerySingleAsync<(string User, string Before, string After)>(
            "select user_name, before->>'roles', after->>'roles' from audit_log where entity = 'user' and action = 'update' and entity_id = @Id", new { Id = alva.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(("adam", "[\"Analytiker\"]", $"[\"Analytiker\", \"Granskare\", \"Namnd:HSN#{world.Hsn}\"]"), entry);

        // The account's next request sees the new roles (the session reads them from the account, not the cookie).
        var token = await world.Sessions.StartAsync(alva, "local", null, DateTimeOffset.UtcNow, TimeSpan.FromHours(8));
        await world.Administration.SetRolesAsync(alva, [new("Ledning", null)], Adam);
        Assert.Equal(["Ledning"], (await world.Sessions.CheckAsync(token, DateTimeOffset.UtcNow, null))!.Roles.Select(r => r.Role));
    }

    [Fact]
    public async Task Roles_that_break_a_rule_are_refused_in_Swedish_and_nothing_changes()
    {
        await using var world = await World.CreateAsync();
        var alva = await world.IdAsync("alva");

        var noCommittee = await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.SetRolesAsync(alva, [new("Namnd", null)], Adam));
        Assert.Equal("Rollen Nämnd behöver en nämnd. Välj vilken.", noCommittee.Message);
        var scoped = await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.SetRolesAsync(alva, [new("Ledning", world.Hsn)], Adam));
        Assert.Equal("Bara rollerna Nämnd och Granskare gäller en viss nämnd.", scoped.Message);
        var none = await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.SetRolesAsync(alva, [], Adam));
        Assert.StartsWith("Välj minst en roll.", none.Message, StringComparison.Ordinal);
        var gone = await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.SetRolesAsync(alva, [new("Namnd", 999_999)], Adam));
        Assert.StartsWith("Den valda nämnden finns inte längre.", gone.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.SetRolesAsync(alva, [new("Superuser", null)], Adam));
        Assert.Equal("Okänd roll: Superuser.", unknown.Message);

        Assert.Equal(["Analytiker:"], await world.RolesAsync(alva));
        Assert.Equal(0, await world.Connection.ExecuteScalarAsync<int>("select count(*) from audit_log where user_name = 'adam'"));
    }

    [Fact]
    public async Task Only_an_active_administrator_may_administer_accounts_as_the_store_reads_them_now()
    {
        await using var world = await World.CreateAsync();
        var alva = await world.IdAsync("alva");
        await TestUsers.CreateAsync(world.ConnectionString, "bea", "Administrator");

        // An analyst, whatever a page let through.
        var analyst = await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.SetRolesAsync(alva, [new("Administrator", null)], new Actor("alva", null)));
        Assert.StartsWith("Du har inte behörighet att administrera användare", analyst.Message, StringComparison.Ordinal);

        // An administrator deactivated by another: their page may still be open, the store refuses.
        await world.Administration.SetActiveAsync(await world.IdAsync("adam"), active: false, new Actor("bea", null));
        await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.SetActiveAsync(alva, active: false, Adam));
        await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.ResetPasswordAsync(alva, "hash", Adam));
        await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.CreateAsync("nils", "Nils", "hash", [new("Ledning", null)], Adam));

        Assert.Equal(["Analytiker:"], await world.RolesAsync(alva));
        Assert.True(await world.Connection.ExecuteScalarAsync<bool>("select is_active from app_user where user_name = 'alva'"));
        Assert.False(await world.Connection.ExecuteScalarAsync<bool>("select exists (select 1 from app_user where user_name = 'nils')"));
    }

    [Fact]
    public async Task A_reset_password_is_a_one_time_password_that_ends_every_session_until_its_owner_changes_it()
    {
        await using var world = await World.CreateAsync();
        var alva = await world.IdAsync("alva");
        var now = DateTimeOffset.UtcNow;
        var first = await world.Sessions.StartAsync(alva, "local", null, now, TimeSpan.FromHours(8));
        var second = await world.Sessions.StartAsync(alva, "local", null, now, TimeSpan.FromHours(8));
        await world.Connection.ExecuteAsync("update app_user set failed_sign_ins = 5, lockout_end = now() + interval '10 minutes' where id = @Id", new { Id = alva });

        await world.Administration.ResetPasswordAsync(alva, "one-time-hash", Adam);

        Assert.Null(await world.Sessions.CheckAsync(first, now, null));
        Assert.Null(await world.Sessions.CheckAsync(second, now, null));
        var account = await world.Connection.QuerySingleAsync<(string Hash, bool MustChange, int Failed, DateTime? LockoutEnd)>(
            "select password_hash, must_change_password, failed_sign_ins, lockout_end from app_user where id = @Id", new { Id = alva });
        Assert.Equal(("one-time-hash", true, 0, (DateTime?)null), account);
        Assert.Equal(["password-reset", "password-reset"], await world.Connection.QueryAsync<string>(
            "select end_reason from user_session where user_id = @Id", new { Id = alva }));
        var audit = await world.Connection.QueryAsync<(string User, string Action, string Entity, string? After)>(
            "select user_name, action, entity, after::text from audit_log where user_name = 'adam' order by id");
        Assert.Equal([("adam", "password-reset", "user", "{\"mustChangePassword\": true}"), ("adam", "end", "user_session", "{\"reason\": \"password-reset\", \"sessions\": 2}")], audit);
        Assert.DoesNotContain(await world.Connection.QueryAsync<string>("select coalesce(before::text, '') || coalesce(after::text, '') from audit_log"),
            text => text.Contains("one-time-hash", StringComparison.Ordinal));

        // Signed in again with it, the session says it must be changed; the owner's own change clears that.
        var again = await world.Sessions.StartAsync(alva, "local", null, now, TimeSpan.FromHours(8));
        Assert.True((await world.Sessions.CheckAsync(again, now, null))!.MustChangePassword);
        await new UserEditor(world.DataSource).ChangePasswordAsync(alva, "alva", "own-hash", again, null);
        Assert.False((await world.Sessions.CheckAsync(again, now, null))!.MustChangePassword);
    }

    [Fact]
    public async Task An_account_is_deactivated_with_its_sessions_and_reactivated_both_audited()
    {
        await using var world = await World.CreateAsync();
        var alva = await world.IdAsync("alva");
        var token = await world.Sessions.StartAsync(alva, "local", null, DateTimeOffset.UtcNow, TimeSpan.FromHours(8));

        await world.Administration.SetActiveAsync(alva, active: false, Adam);
        Assert.Null(await world.Sessions.CheckAsync(token, DateTimeOffset.UtcNow, null));
        await world.Administration.SetActiveAsync(alva, active: true, Adam);

        Assert.True(await world.Connection.ExecuteScalarAsync<bool>("select is_active from app_user where id = @Id", new { Id = alva }));
        // The session deactivation ended stays ended: reactivating lets the account sign in again, it reopens nothing.
        Assert.Null(await world.Sessions.CheckAsync(token, DateTimeOffset.UtcNow, null));
        Assert.Equal(["update:{\"isActive\": true}->{\"isActive\": false}", "end:", "update:{\"isActive\": false}->{\"isActive\": true}"],
            await world.Connection.QueryAsync<string>("""
                select action || ':' || case when action = 'update' then before::text || '->' || after::text else '' end
                from audit_log where user_name = 'adam' order by id
                """));
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_remove_their_own_role_or_deactivate_themselves()
    {
        await using var world = await World.CreateAsync();
        var adam = await world.IdAsync("adam");

        var role = await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.SetRolesAsync(adam, [new("Analytiker", null)], Adam));
        Assert.Equal("Du är den enda aktiva administratören och kan inte ta bort din egen roll Administratör. Ge först någon annan rollen.", role.Message);
        var deactivate = await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.SetActiveAsync(adam, active: false, Adam));
        Assert.Equal("Du är den enda aktiva administratören och kan inte inaktivera dig själv. Ge först någon annan rollen Administratör.", deactivate.Message);
        Assert.Equal(["Administrator:"], await world.RolesAsync(adam));
        Assert.True(await world.Connection.ExecuteScalarAsync<bool>("select is_active from app_user where id = @Id", new { Id = adam }));

        // With another active administrator, they may.
        await world.Administration.SetRolesAsync(await world.IdAsync("alva"), [new("Analytiker", null), new("Administrator", null)], Adam);
        await world.Administration.SetRolesAsync(adam, [new("Analytiker", null)], Adam);
        Assert.Equal(["Analytiker:"], await world.RolesAsync(adam));
    }

    [Fact]
    public async Task A_single_sign_on_account_keeps_the_providers_roles_and_has_no_password_to_reset()
    {
        await using var world = await World.CreateAsync();
        var signIn = await new SingleSignOnAccounts(world.DataSource).SignInAsync(
            new ExternalIdentity("https://idp.example|sam", "sam", "Sam Sso", null), [("Ledning", null)], organisation: null, "127.0.0.1");

        var roles = await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.SetRolesAsync(signIn.UserId!.Value, [new("Administrator", null)], Adam));
        Assert.StartsWith("Kontot loggar in via organisationens inloggning: rollerna kommer från identitetsleverantören", roles.Message, StringComparison.Ordinal);
        var reset = await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.ResetPasswordAsync(signIn.UserId!.Value, "hash", Adam));
        Assert.Equal("Kontot loggar in via organisationens inloggning och har inget lösenord här att återställa.", reset.Message);
        Assert.Equal(["Ledning:"], await world.RolesAsync(signIn.UserId!.Value));

        // Deactivation applies to them as to anyone: the provider's sign-in is then refused.
        await world.Administration.SetActiveAsync(signIn.UserId!.Value, active: false, Adam);
        Assert.False(await world.Connection.ExecuteScalarAsync<bool>("select is_active from app_user where user_name = 'sam'"));
    }

    [Fact]
    public async Task A_created_account_has_a_one_time_password_and_a_taken_name_is_refused()
    {
        await using var world = await World.CreateAsync();

        var id = await world.Administration.CreateAsync("nora", "Nora Nämnd", "one-time-hash", [new("Namnd", world.Hsn)], Adam);

        Assert.True(await world.Connection.ExecuteScalarAsync<bool>("select must_change_password from app_user where id = @Id", new { Id = id }));
        Assert.Equal([$"Namnd:{world.Hsn}"], await world.RolesAsync(id));
        var taken = await Assert.ThrowsAsync<InvalidEditException>(() => world.Administration.CreateAsync("NORA", "Nora igen", "hash", [new("Ledning", null)], Adam));
        Assert.Equal("Användarnamnet NORA finns redan.", taken.Message);
        Assert.Equal("UserName", Assert.Single(taken.Errors).Field);
    }

    sealed class World : IAsyncDisposable
    {
        World(string connectionString, NpgsqlDataSource dataSource, NpgsqlConnection connection, int hsn)
        {
            (ConnectionString, DataSource, Connection, Hsn) = (connectionString, dataSource, connection, hsn);
            Administration = new UserAdministration(dataSource);
            Sessions = new SessionStore(dataSource);
        }

        public string ConnectionString { get; }

        public NpgsqlDataSource DataSource { get; }

        public NpgsqlConnection Connection { get; }

        public int Hsn { get; }

        public UserAdministration Administration { get; }

        public SessionStore Sessions { get; }

        /// <summary>An administrator adam, an analyst alva, the nämnd HSN; the set-up's own audit entries are not adam's.</summary>
        public static async Task<World> CreateAsync()
        {
            var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
            await TestPostgres.ExecuteAsync(connectionString, """
                insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
                insert into committee (area_id, code, name) values ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden');
                """);
            await TestUsers.CreateAsync(connectionString, "adam", "Administrator");
            await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
            var dataSource = NpgsqlDataSource.Create(connectionString);
            var connection = await dataSource.OpenConnectionAsync();
            return new World(connectionString, dataSource, connection, await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'HSN'"));
        }

        public Task<int> IdAsync(string userName) =>
            Connection.ExecuteScalarAsync<int>("select id from app_user where user_name = @UserName", new { UserName = userName });

        /// <summary>"Role:committee id" in a fixed order.</summary>
        public async Task<List<string>> RolesAsync(int userId) =>
            [.. await Connection.QueryAsync<string>(
                "select role || ':' || coalesce(committee_id::text, '') from user_role where user_id = @Id order by 1", new { Id = userId })];

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            await DataSource.DisposeAsync();
        }
    }
}
