using System.Net;
using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests.Oidc;

/// <summary>
/// Single sign-on end to end: the real web app on Kestrel against a real (stub) OpenID Connect provider on
/// 127.0.0.1, the whole redirect dance with cookies, PKCE, state and nonce, and the audit log in PostgreSQL.
/// </summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    OidcProviderStub provider = default!;
    TestWebApp app = default!;
    string connectionString = "";
    Uri site = default!;
    readonly RedirectingClient browser = new();

    public async Task InitializeAsync()
    {
        provider = await OidcProviderStub.StartAsync();
        connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into committee (area_id, code, name) values ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden');
            """);
        app = new TestWebApp(connectionString, new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = provider.Issuer,
            ["Authentication:Oidc:ClientId"] = OidcProviderStub.ClientId,
            ["Authentication:Oidc:ClientSecret"] = OidcProviderStub.ClientSecret,
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            // Entra ID style app role values.
            ["Authentication:Oidc:RoleMap:Analytiker"] = "Indicators.Analytiker",
            ["Authentication:Oidc:RoleMap:Administrator"] = "Indicators.Administrator",
            ["Authentication:Oidc:CommitteeRolePrefix"] = "Indicators.Namnd.",
        });
        site = new Uri(app.StartKestrel() + "/");
    }

    public async Task DisposeAsync()
    {
        browser.Dispose();
        await app.DisposeAsync();
        await provider.DisposeAsync();
    }

    Uri At(string path) => new(site, path.TrimStart('/'));

    Task<(Uri Address, HttpResponseMessage Response, string Body)> SignInAsync(string returnUrl = "/") =>
        browser.GetAsync(At($"/konto/logga-in-extern?returnUrl={Uri.EscapeDataString(returnUrl)}"));

    [Fact]
    public async Task A_user_with_the_Analytiker_app_role_signs_in_and_gets_the_Analytiker_role_and_no_more()
    {
        provider.Roles = ["Indicators.Analytiker", "Some.Other.App.Role"];

        var (address, response, body) = await SignInAsync("/sa-bedoms-maluppfyllelse");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/sa-bedoms-maluppfyllelse", address.AbsolutePath);
        Assert.Contains(provider.DisplayName, WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        Assert.Contains(browser.Visited, v => v.AbsoluteUri.StartsWith(provider.Issuer + "/authorize", StringComparison.Ordinal) && v.Query.Contains("code_challenge=", StringComparison.Ordinal));
        // Signed in with our cookie: the start page answers, the administrators' page does not.
        Assert.Equal(HttpStatusCode.OK, (await browser.SendOnceAsync(At("/"))).StatusCode);
        var admin = await browser.SendOnceAsync(At("/admin/anvandare"));
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/ingen-behorighet", admin.Headers.Location?.OriginalString, StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(connectionString);
        var user = await connection.QuerySingleAsync<(string UserName, string DisplayName, string Subject, string? PasswordHash)>(
            "select user_name, display_name, external_subject, password_hash from app_user where external_subject is not null");
        Assert.Equal((provider.UserName, provider.DisplayName, $"{provider.Issuer}|{provider.Subject}", null), user);
        Assert.Equal(["Analytiker"], await connection.QueryAsync<string>("select r.role from user_role r join app_user u on u.id = r.user_id where u.external_subject is not null"));
    }

    [Fact]
    public async Task An_administrator_app_role_reaches_the_administrators_pages()
    {
        provider.Roles = ["Indicators.Administrator"];

        await SignInAsync();

        Assert.Equal(HttpStatusCode.OK, (await browser.SendOnceAsync(At("/admin/anvandare"))).StatusCode);
    }

    [Fact]
    public async Task A_committee_app_role_gives_the_Namnd_role_for_that_committee()
    {
        provider.Roles = ["Indicators.Namnd.HSN"];

        var (address, _, _) = await SignInAsync();

        Assert.Equal("/", address.AbsolutePath);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(("Namnd", "HSN"), await connection.QuerySingleAsync<(string, string)>(
            "select r.role, c.code from user_role r join committee c on c.id = r.committee_id"));
    }

    [Fact]
    public async Task A_committee_role_whose_code_two_organisations_share_is_refused_rather_than_guessed()
    {
        await SecondOrganisation.CreateAsync(connectionString);
        provider.Roles = ["Indicators.Namnd.HSN"];

        var (address, _, body) = await SignInAsync();

        Assert.Equal("/ingen-behorighet", address.AbsolutePath);
        Assert.Contains("finns i flera organisationer", WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SendOnceAsync(At("/"))).StatusCode);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from user_role where user_id in (select id from app_user where external_subject is not null)"));
        Assert.Equal("ambiguous-committee", await connection.ExecuteScalarAsync<string>("select after->>'reason' from audit_log where action = 'sign-in-failed'"));
    }

    [Fact]
    public async Task A_user_without_a_mapped_role_is_refused_with_a_Swedish_message_and_not_signed_in()
    {
        provider.Roles = ["Some.Other.App.Role", "Indicators.Namnd.NO-SUCH-COMMITTEE"];

        var (address, response, body) = await SignInAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/ingen-behorighet", address.AbsolutePath);
        Assert.Contains("har ingen roll i Indicators, så du har inte loggats in", WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        var start = await browser.SendOnceAsync(At("/"));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Contains("/logga-in", start.Headers.Location?.OriginalString, StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from app_user where external_subject is not null"));
        Assert.Equal(("sign-in-failed", provider.UserName, "no-role"), await connection.QuerySingleAsync<(string, string, string)>(
            "select action, user_name, after->>'reason' from audit_log where user_name is distinct from 'system'"));
    }

    [Theory]
    [InlineData(Tampering.WrongSignature)]
    [InlineData(Tampering.WrongIssuer)]
    [InlineData(Tampering.WrongNonce)]
    public async Task A_spoiled_id_token_is_refused_and_audited(Tampering tampering)
    {
        provider.Roles = ["Indicators.Administrator"];
        provider.Tamper = tampering;

        var (address, _, body) = await SignInAsync();

        Assert.Equal("/logga-in", address.AbsolutePath);
        Assert.Equal("?fel=oidc", address.Query);
        Assert.Contains("Inloggningen med organisationens konto misslyckades", WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SendOnceAsync(At("/admin/anvandare"))).StatusCode);

        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from app_user where external_subject is not null"));
        var entry = await connection.QuerySingleAsync<(string Action, string Source, string Reason)>(
            "select action, after->>'source', after->>'reason' from audit_log where user_name is distinct from 'system'");
        Assert.Equal(("sign-in-failed", "oidc"), (entry.Action, entry.Source));
        Assert.DoesNotContain(OidcProviderStub.ClientSecret, entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_the_provider_denies_is_told_so_and_the_refusal_is_audited()
    {
        provider.Deny = true;

        var (address, _, body) = await SignInAsync();

        Assert.Equal("/ingen-behorighet", address.AbsolutePath);
        Assert.Contains("Organisationens inloggning nekade åtkomst", WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(("sign-in-failed", "access_denied"), await connection.QuerySingleAsync<(string, string)>(
            "select action, after->>'reason' from audit_log where user_name is distinct from 'system'"));
    }

    [Fact]
    public async Task An_account_an_administrator_has_deactivated_cannot_sign_in_through_the_provider()
    {
        provider.Roles = ["Indicators.Analytiker"];
        await SignInAsync();
        await TestPostgres.ExecuteAsync(connectionString, "update app_user set is_active = false where external_subject is not null");
        using var later = new RedirectingClient();

        var (address, _, body) = await later.GetAsync(At("/konto/logga-in-extern?returnUrl=%2F"));

        Assert.Equal("/ingen-behorighet", address.AbsolutePath);
        Assert.Contains("Ditt konto i Indicators är inaktiverat", WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await later.SendOnceAsync(At("/"))).StatusCode);
    }

    [Fact]
    public async Task A_provider_account_never_takes_over_a_local_account_with_the_same_user_name()
    {
        await TestUsers.CreateAsync(connectionString, provider.UserName, "Ledning");
        provider.Roles = ["Indicators.Administrator"];

        var (address, _, _) = await SignInAsync();

        Assert.Equal("/ingen-behorighet", address.AbsolutePath);
        Assert.Equal("?orsak=namn-upptaget", address.Query);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from user_role where role = 'Administrator' and user_id in (select id from app_user where lower(user_name) = lower(@Name))", new { Name = provider.UserName }));
    }

    [Fact]
    public async Task The_sign_in_is_in_the_audit_log_with_the_account_it_created()
    {
        provider.Roles = ["Indicators.Analytiker"];

        await SignInAsync();
        await browser.PostFormAsync(At("/konto/logga-ut"), new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = RedirectingClient.AntiforgeryToken((await browser.GetAsync(At("/"))).Body),
        });
        await SignInAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        var entries = (await connection.QueryAsync<(string Action, string User, string? Source, string? Roles)>(
            "select action, user_name, after->>'source', after->>'roles' from audit_log where user_name <> 'system' order by id")).ToList();
        Assert.Equal(
            [
                ("create", provider.UserName, "oidc", null),
                ("update", "oidc", null, """["Analytiker"]"""),
                ("sign-in", provider.UserName, "oidc", """["Analytiker"]"""),
                // Signing out ends the session (user_session, reason signed-out).
                ("end", provider.UserName, null, null),
                ("sign-in", provider.UserName, "oidc", """["Analytiker"]"""),
            ],
            entries);
    }

    [Fact]
    public async Task Signing_out_ends_the_local_session_and_the_providers()
    {
        provider.Roles = ["Indicators.Analytiker"];
        await SignInAsync();
        var token = RedirectingClient.AntiforgeryToken((await browser.GetAsync(At("/"))).Body);

        var (address, _, _) = await browser.PostFormAsync(At("/konto/logga-ut"), new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal("/logga-in", address.AbsolutePath);
        var endSession = Assert.Single(provider.EndSessions);
        Assert.Contains("id_token_hint=", endSession, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SendOnceAsync(At("/"))).StatusCode);
    }

    [Fact]
    public async Task Local_accounts_still_sign_in_beside_the_providers_button()
    {
        await TestUsers.CreateAsync(connectionString, "lokal.admin", "Administrator");

        var (_, _, page) = await browser.GetAsync(At("/logga-in"));
        var (address, _, _) = await browser.PostFormAsync(At("/konto/logga-in"), new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = RedirectingClient.AntiforgeryToken(page),
            ["anvandarnamn"] = "lokal.admin",
            ["losenord"] = TestUsers.Password,
            ["returnUrl"] = "/admin/anvandare",
        });

        Assert.Contains("Logga in med organisationens konto", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal("/admin/anvandare", address.AbsolutePath);
    }
}
