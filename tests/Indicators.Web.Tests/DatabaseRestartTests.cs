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
}
