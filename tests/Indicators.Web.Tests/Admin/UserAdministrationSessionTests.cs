using System.Net;
using Dapper;
using Indicators.Data.Audit;
using Indicators.Data.Users;
using Indicators.TestSupport;
using Indicators.Web.Admin;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indicators.Web.Tests.Admin;

/// <summary>
/// An administrator's change reaches the account's sessions at once: a role change on the next request, a password
/// reset ends them, and a one-time password lets its owner do nothing but change it.
/// </summary>
public class UserAdministrationSessionTests
{
    static readonly Actor Adam = new("adam", null);

    static HttpClient Browser(WebApplicationFactory<Program> app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { } address ? address.IsAbsoluteUri ? address.PathAndQuery : address.OriginalString : "";

    static async Task<(string ConnectionString, NpgsqlDataSource DataSource, int Alva)> WorldAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestUsers.CreateAsync(connectionString, "adam", "Administrator");
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        return (connectionString, dataSource, await connection.ExecuteScalarAsync<int>("select id from app_user where user_name = 'alva'"));
    }

    [Fact]
    public async Task A_role_taken_away_is_gone_on_the_accounts_next_request()
    {
        var (connectionString, dataSource, alva) = await WorldAsync();
        await using var _ = dataSource;
        await using var app = new TestWebApp(connectionString);
        using var client = Browser(app);
        await TestUsers.SignInAsync(client, "alva");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/planer", UriKind.Relative))).StatusCode);

        await new UserAdministration(dataSource).SetRolesAsync(alva, [new("Ledning", null)], Adam);

        var after = await client.GetAsync(new Uri("/planer", UriKind.Relative));
        Assert.StartsWith("/ingen-behorighet", Location(after), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_reset_password_ends_the_accounts_sessions_and_its_one_time_password_must_be_changed_before_anything_else()
    {
        var (connectionString, dataSource, alva) = await WorldAsync();
        await using var _ = dataSource;
        await using var app = new TestWebApp(connectionString);
        using var before = Browser(app);
        await TestUsers.SignInAsync(before, "alva");

        var oneTime = OneTimePassword.Generate();
        await new UserAdministration(dataSource).ResetPasswordAsync(alva, OneTimePassword.Hash("alva", oneTime), Adam);

        Assert.StartsWith("/logga-in", Location(await before.GetAsync(new Uri("/", UriKind.Relative))), StringComparison.Ordinal);
        using var client = Browser(app);
        Assert.Equal("/", Location(await TestUsers.SignInAsync(client, "alva", oneTime)));

        // Every page leads to the change-password page, other requests are refused; the page itself answers.
        Assert.Equal("/konto/losenord", Location(await client.GetAsync(new Uri("/", UriKind.Relative))));
        Assert.Equal("/konto/losenord", Location(await client.GetAsync(new Uri("/planer", UriKind.Relative))));
        var page = await client.GetAsync(new Uri("/konto/losenord", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Du har loggat in med ett engångslösenord.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var run = await TestUsers.PostFormAsync(client, "/konto/losenord", "/kallor/1/kor-nu", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, run.StatusCode);

        var changed = await TestUsers.PostFormAsync(client, "/konto/losenord", "/konto/byt-losenord",
            new Dictionary<string, string> { ["nuvarande"] = oneTime, ["nytt"] = "alvas egen lösenfras", ["upprepa"] = "alvas egen lösenfras" });
        Assert.Equal("/konto/losenord?klart=1", Location(changed));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/planer", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_first_administrators_generated_password_is_a_one_time_password_and_a_configured_one_is_not()
    {
        var generated = await TestPostgres.CreateMigratedDatabaseAsync();
        await using (var app = new TestWebApp(generated))
        {
            using var client = Browser(app);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/logga-in", UriKind.Relative))).StatusCode);
        }

        var configured = await TestPostgres.CreateMigratedDatabaseAsync();
        await using (var app = new TestWebApp(configured, new Dictionary<string, string?> { ["Admin:InitialPassword"] = "första-lösenordet" }))
        {
            using var client = Browser(app);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/logga-in", UriKind.Relative))).StatusCode);
        }

        Assert.True(await MustChangeAsync(generated, "admin"), "the generated password, written to the log, must be changed at first sign-in");
        Assert.False(await MustChangeAsync(configured, "admin"), "a password the operator configured is theirs");
    }

    static async Task<bool> MustChangeAsync(string connectionString, string userName)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<bool>("select must_change_password from app_user where user_name = @UserName", new { UserName = userName });
    }
}
