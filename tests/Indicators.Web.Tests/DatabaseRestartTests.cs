using System.Net;
using Dapper;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indicators.Web.Tests;

/// <summary>After a database restart every pooled connection is dead (57P01); the first request must not be the one that finds out.</summary>
public class DatabaseRestartTests
{
    [Fact]
    public async Task The_first_page_request_after_the_database_ended_every_session_is_answered_as_usual()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "person", "Ledning");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "person");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/kallor", UriKind.Relative))).StatusCode);

        // What a restart does to the app's pooled connections, without restarting the cluster every test shares.
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            Assert.True(await admin.ExecuteScalarAsync<long>("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                """) > 0);
        }

        using var response = await client.GetAsync(new Uri("/kallor", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");
        Assert.Contains("<h1>Källor</h1>", body, StringComparison.Ordinal);
    }

    /// <summary>A post may have written before it failed: it is never run twice, and the person sees the error page, not a stack.</summary>
    [Fact]
    public async Task A_post_that_meets_a_dead_connection_is_not_repeated_and_gets_the_Swedish_error_page()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, "insert into source (name, kind, cron) values ('Kolada', 'kolada', '0 6 * * *')");
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["environment"] = "Production" });
        await TestUsers.CreateAsync(connectionString, "analytiker", "Analytiker");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "analytiker");
        await using var connection = new NpgsqlConnection(connectionString);
        var sourceId = await connection.ExecuteScalarAsync<int>("select id from source");
        var form = await client.GetStringAsync(new Uri($"/kallor/{sourceId}", UriKind.Relative));

        await connection.ExecuteScalarAsync<long>("""
            select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
            """);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(
                System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value),
        });
        using var response = await client.PostAsync(new Uri($"/kallor/{sourceId}/kor-nu", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("Något gick fel när sidan skulle visas", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from hangfire.job"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/kallor/{sourceId}", UriKind.Relative))).StatusCode);
    }
}
