using Dapper;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indicators.Web.Tests;

public class ChangePasswordTests
{
    static Dictionary<string, string> Form(string current, string proposed, string repeated) =>
        new() { ["nuvarande"] = current, ["nytt"] = proposed, ["upprepa"] = repeated };

    [Fact]
    public async Task A_user_changes_the_password_and_only_the_new_one_signs_in_afterwards_and_the_change_is_audited()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "greta", "Analytiker");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "greta");

        var changed = await TestUsers.PostFormAsync(client, "/konto/losenord", "/konto/byt-losenord",
            Form(TestUsers.Password, "en lång ny lösenfras", "en lång ny lösenfras"));

        Assert.Equal("/konto/losenord?klart=1", changed.Headers.Location?.OriginalString);
        using var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.StartsWith("/logga-in?fel=fel", (await TestUsers.SignInAsync(other, "greta")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/", (await TestUsers.SignInAsync(other, "greta", "en lång ny lösenfras")).Headers.Location?.OriginalString);
        await using var connection = new NpgsqlConnection(connectionString);
        var audit = await connection.QuerySingleAsync<(string Action, string? Before, string? After)>(
            "select action, before::text, after::text from audit_log where user_name = 'greta' and action = 'password-change'");
        Assert.Null(audit.Before);
        Assert.Null(audit.After);
    }

    [Theory]
    [InlineData("fel-nuvarande", "en lång ny lösenfras", "en lång ny lösenfras", "nuvarande")]
    [InlineData(TestUsers.Password, "kort", "kort", "kort")]
    [InlineData(TestUsers.Password, "en lång ny lösenfras", "en annan lång fras", "olika")]
    public async Task A_refused_change_says_why_and_keeps_the_old_password(string current, string proposed, string repeated, string reason)
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "greta", "Ledning");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "greta");

        var response = await TestUsers.PostFormAsync(client, "/konto/losenord", "/konto/byt-losenord", Form(current, proposed, repeated));

        Assert.Equal($"/konto/losenord?fel={reason}", response.Headers.Location?.OriginalString);
        using var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal("/", (await TestUsers.SignInAsync(other, "greta")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_change_posted_from_another_site_without_the_antiforgery_token_is_rejected()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "greta", "Ledning");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "greta");

        using var content = new FormUrlEncodedContent(Form(TestUsers.Password, "en lång ny lösenfras", "en lång ny lösenfras"));
        var response = await client.PostAsync(new Uri("/konto/byt-losenord", UriKind.Relative), content);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal("/", (await TestUsers.SignInAsync(other, "greta")).Headers.Location?.OriginalString);
    }
}
