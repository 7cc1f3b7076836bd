using System.Net;
using Dapper;
using Indicators.Data.Users;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indicators.Web.Tests;

public class SignInTests
{
    [Fact]
    public async Task A_wrong_password_is_refused_and_audited_and_the_right_one_signs_in_and_is_audited()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "anna", "Ledning");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var wrong = await TestUsers.SignInAsync(client, "anna", "fel-lösenord");
        var right = await TestUsers.SignInAsync(client, "anna");

        Assert.StartsWith("/logga-in?fel=fel", wrong.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(["sign-in-failed", "sign-in"], await connection.QueryAsync<string>(
            "select action from audit_log where user_name = 'anna' order by id"));
    }

    [Fact]
    public async Task After_repeated_failures_the_account_is_locked_even_for_the_right_password()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "bertil", "Analytiker");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < SignInAttempts.MaxFailedSignIns; i++)
        {
            await TestUsers.SignInAsync(client, "bertil", "gissning-" + i);
        }

        var right = await TestUsers.SignInAsync(client, "bertil");
        Assert.StartsWith("/logga-in?fel=last", right.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(right.Headers.Location));
        Assert.Contains("Kontot är spärrat", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        await using var app = new TestWebApp(await TestPostgres.CreateMigratedDatabaseAsync());
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await TestUsers.SignInAsync(client, "finns-inte");

        Assert.StartsWith("/logga-in?fel=fel", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_rejected()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "cecilia", "Ledning");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["anvandarnamn"] = "cecilia", ["losenord"] = TestUsers.Password });
        var response = await client.PostAsync(new Uri("/konto/logga-in", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("indicators.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "david", "Ledning");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync(new Uri("/logga-in", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(form, "type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["anvandarnamn"] = "david", ["losenord"] = TestUsers.Password, ["returnUrl"] = "//evil.example/",
        });
        var response = await client.PostAsync(new Uri("/konto/logga-in", UriKind.Relative), content);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Without_the_demo_plan_the_first_start_creates_an_administrator_with_the_configured_password()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["Admin:InitialPassword"] = "första-lösenordet" });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await TestUsers.SignInAsync(client, "admin", "första-lösenordet");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from app_user"));
        Assert.StartsWith("AQAAAA", await connection.ExecuteScalarAsync<string>("select password_hash from app_user"), StringComparison.Ordinal);
    }
}
