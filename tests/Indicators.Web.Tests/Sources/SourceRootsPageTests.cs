using System.Net;
using Dapper;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indicators.Web.Tests.Sources;

/// <summary>A file source the start-up check switched off says why on its page, to every role that reads it.</summary>
public class SourceRootsPageTests
{
    [Fact]
    public async Task A_file_source_outside_the_roots_is_switched_off_at_start_and_its_page_says_why_in_Swedish()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        using var root = new TestFolder();
        await using var connection = new NpgsqlConnection(connectionString);
        var outsideId = await connection.ExecuteScalarAsync<int>(
            """insert into source (name, kind, cron, settings) values ('Skugga', 'file', '0 5 * * *', '{"folder": "/etc", "pattern": "shadow"}') returning id""");
        var inboxId = await connection.ExecuteScalarAsync<int>(
            """insert into source (name, kind, cron, settings) values ('Inkorg', 'file', '0 5 * * *', '{"folder": "inbox"}') returning id""");
        await TestUsers.CreateAsync(connectionString, "person", "Ledning");

        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["Sources:Files:Root"] = root.Path });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "person");
        var outside = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/kallor/{outsideId}", UriKind.Relative)));
        var inbox = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/kallor/{inboxId}", UriKind.Relative)));

        Assert.Matches("<p class=\"error\" role=\"alert\">Avstängd av systemet vid start [^<]*Mappen '/etc' ligger utanför de mappar som filkällor får läsa", outside);
        Assert.Contains("Avstängd – körs inte enligt schema", outside, StringComparison.Ordinal);
        Assert.DoesNotContain("Avstängd av systemet", inbox, StringComparison.Ordinal);
        Assert.True(await connection.ExecuteScalarAsync<bool>("select enabled from source where id = @Id", new { Id = inboxId }));
    }
}
