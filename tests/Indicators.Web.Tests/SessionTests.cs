using System.Net;
using Dapper;
using Indicators.Data.Audit;
using Indicators.Data.Users;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Indicators.Web.Tests;

/// <summary>
/// Sessions are checked against the account on every request: signing out, a password change, deactivation and a role
/// change take effect on the very next request, and a session ends at its absolute lifetime however much it is used.
/// </summary>
public class SessionTests
{
    static HttpClient Browser(WebApplicationFactory<Program> app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in and returns the session cookie exactly as the browser got it, for replaying later.</summary>
    static async Task<string> SignInAsync(HttpClient client, string userName)
    {
        var response = await TestUsers.SignInAsync(client, userName);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("indicators.auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));
    }

    /// <summary>A request carrying only the given cookie, as an attacker replaying it would send it.</summary>
    static async Task<HttpResponseMessage> ReplayAsync(WebApplicationFactory<Program> app, string cookie, string path = "/")
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    static void AssertSentToSignIn(HttpResponseMessage response, string what)
    {
        var location = response.Headers.Location is { } address ? address.IsAbsoluteUri ? address.PathAndQuery : address.OriginalString : "";
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/logga-in", StringComparison.Ordinal),
            $"{what}: expected a redirect to the sign-in page, got {(int)response.StatusCode} {location}");
    }

    static async Task<IReadOnlyList<string?>> EndReasonsAsync(string connectionString, string userName)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return [.. await connection.QueryAsync<string?>("""
            select a.after->>'reason' from audit_log a
            where a.entity = 'user_session' and a.action = 'end' and a.entity_id = (select id::text from app_user where user_name = @UserName)
            order by a.id
            """, new { UserName = userName })];
    }

    [Fact]
    public async Task A_cookie_replayed_after_signing_out_is_refused_and_the_sign_out_is_audited()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "sara", "Ledning");
        using var client = Browser(app);
        var cookie = await SignInAsync(client, "sara");
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(app, cookie)).StatusCode);

        var signOut = await TestUsers.PostFormAsync(client, "/", "/konto/logga-ut", new Dictionary<string, string>());
        Assert.Equal("/logga-in", signOut.Headers.Location?.OriginalString);

        AssertSentToSignIn(await ReplayAsync(app, cookie), "the cookie replayed after signing out");
        Assert.Equal(["signed-out"], await EndReasonsAsync(connectionString, "sara"));
    }

    [Fact]
    public async Task A_password_change_ends_the_users_other_sessions_and_keeps_the_one_that_changed_it()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "greta", "Analytiker");
        using var laptop = Browser(app);
        using var phone = Browser(app);
        await SignInAsync(laptop, "greta");
        var phoneCookie = await SignInAsync(phone, "greta");

        var changed = await TestUsers.PostFormAsync(laptop, "/konto/losenord", "/konto/byt-losenord",
            new Dictionary<string, string> { ["nuvarande"] = TestUsers.Password, ["nytt"] = "en lång ny lösenfras", ["upprepa"] = "en lång ny lösenfras" });
        Assert.Equal("/konto/losenord?klart=1", changed.Headers.Location?.OriginalString);

        AssertSentToSignIn(await phone.GetAsync(new Uri("/", UriKind.Relative)), "the other session after the password change");
        AssertSentToSignIn(await ReplayAsync(app, phoneCookie), "the other session's cookie replayed");
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(["password-changed"], await EndReasonsAsync(connectionString, "greta"));
    }

    [Fact]
    public async Task A_deactivated_users_open_session_ends_at_once()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "dan", "Analytiker");
        await TestUsers.CreateAsync(connectionString, "adam", "Administrator");
        using var client = Browser(app);
        await SignInAsync(client, "dan");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/kallor", UriKind.Relative))).StatusCode);

        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            var users = new UserQueries(dataSource);
            await new UserAdministration(dataSource).SetActiveAsync((await users.FindAsync("dan"))!.Value.User.Id, active: false, new Actor("adam", null));
        }

        AssertSentToSignIn(await client.GetAsync(new Uri("/kallor", UriKind.Relative)), "the deactivated user's session");
        Assert.Equal(["deactivated"], await EndReasonsAsync(connectionString, "dan"));
    }

    [Fact]
    public async Task A_deactivated_analyst_can_no_longer_queue_a_run_from_a_page_opened_before()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        using var client = Browser(app);
        var signIn = await TestUsers.SignInAsync(client, "analytiker", SecuritySetupDemoPassword);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        await using var connection = new NpgsqlConnection(connectionString);
        var source = await connection.ExecuteScalarAsync<int>("select min(id) from source");
        // The source's page is open, with the Kör nu form and its token.
        var token = await TestUsers.TokenAsync(client, $"/kallor/{source}");

        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            var users = new UserQueries(dataSource);
            await new UserAdministration(dataSource).SetActiveAsync((await users.FindAsync("analytiker"))!.Value.User.Id, active: false, new Actor("admin.demo", null));
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        AssertSentToSignIn(await client.PostAsync(new Uri($"/kallor/{source}/kor-nu", UriKind.Relative), form), "Kör nu after the deactivation");
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from audit_log where action = 'run'"));
    }

    const string SecuritySetupDemoPassword = Security.SecuritySetup.DemoPassword;

    [Fact]
    public async Task A_role_change_applies_to_an_open_session_on_its_next_request()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "rolf", "Analytiker");
        using var client = Browser(app);
        await SignInAsync(client, "rolf");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/planer", UriKind.Relative))).StatusCode);

        await TestPostgres.ExecuteAsync(connectionString,
            "update user_role set role = 'Ledning' where user_id = (select id from app_user where user_name = 'rolf')");

        var planner = await client.GetAsync(new Uri("/planer", UriKind.Relative));
        Assert.True(planner.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"expected the analysts' page to be refused, got {(int)planner.StatusCode}");
        Assert.Contains("/ingen-behorighet", planner.Headers.Location?.OriginalString ?? "/ingen-behorighet", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_session_in_constant_use_still_ends_at_its_absolute_lifetime()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var configured = new TestWebApp(connectionString, new Dictionary<string, string?>
        {
            ["Authentication:Session:IdleTimeout"] = "01:00:00",
            ["Authentication:Session:AbsoluteLifetime"] = "10:00:00",
        });
        await using var app = configured.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        await TestUsers.CreateAsync(connectionString, "uno", "Ledning");
        using var client = Browser(app);
        await SignInAsync(client, "uno");

        // Used every half hour, well within the idle timeout, for a whole working day and more.
        var answers = new List<(TimeSpan At, HttpStatusCode Status)>();
        for (var at = TimeSpan.FromMinutes(30); at <= TimeSpan.FromHours(11); at += TimeSpan.FromMinutes(30))
        {
            clock.Advance(TimeSpan.FromMinutes(30));
            answers.Add((at, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode));
        }

        Assert.All(answers.Where(a => a.At < TimeSpan.FromHours(10)), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.Where(a => a.At >= TimeSpan.FromHours(10)), a => Assert.True(a.Status == HttpStatusCode.Redirect,
            $"after {a.At.TotalHours} h the session should have ended at its absolute lifetime of 10 h, but the answer was {(int)a.Status}"));
        Assert.Equal(["absolute-lifetime"], await EndReasonsAsync(connectionString, "uno"));
    }

    [Fact]
    public async Task A_session_left_unused_for_longer_than_the_idle_timeout_ends()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var configured = new TestWebApp(connectionString, new Dictionary<string, string?> { ["Authentication:Session:IdleTimeout"] = "01:00:00" });
        await using var app = configured.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        await TestUsers.CreateAsync(connectionString, "ida", "Ledning");
        using var client = Browser(app);
        var cookie = await SignInAsync(client, "ida");

        clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(app, cookie)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(61));

        AssertSentToSignIn(await ReplayAsync(app, cookie), "the session unused for 61 minutes");
    }
}
