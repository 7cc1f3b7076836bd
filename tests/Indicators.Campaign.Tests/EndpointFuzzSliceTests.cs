using Indicators.Campaign.Web;
using Indicators.Campaign.World;
using Indicators.Data.Demo;
using Indicators.TestSupport;
using Indicators.TestSupport.Hostile;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Campaign.Tests;

/// <summary>
/// The fault campaign's endpoint fuzzing, in short: the first 100 seeded hostile query strings (every page with the
/// parameters it reads) and 40 hostile form posts (sign-in, uploads, run now, change password, sign-out), against the web
/// app on the demo plan. No answer may be a 5xx.
/// </summary>
public class EndpointFuzzSliceTests
{
    const int Seed = 15;

    [Fact]
    public async Task A_hundred_and_forty_seeded_hostile_query_strings_and_form_posts_get_no_server_error()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        PageIds pages;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
            await using var connection = await dataSource.OpenConnectionAsync();
            await CampaignDatabase.EnsureAreasAsync(connection, CancellationToken.None);
            pages = await CampaignDatabase.PageIdsAsync(connection, await CampaignDatabase.CreateFuzzFilesAsync(connection, CancellationToken.None), CancellationToken.None);
        }

        await CampaignDatabase.CreateUsersAsync(connectionString);
        await using var app = new TestWebApp(connectionString);
        var ledger = new Ledger(Seed);
        WebSession Session(string? user) => new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), user, ledger, () => "endpoint slice");
        var sessions = new Dictionary<string, WebSession>
        {
            ["anonymous"] = Session(null),
            ["analyst"] = Session(CampaignDatabase.AnalystUser),
            ["admin"] = Session(CampaignDatabase.AdminUser),
            ["throwaway"] = Session(CampaignDatabase.ThrowawayUser),
        };
        foreach (var session in sessions.Values)
        {
            Assert.True(await session.SignInAsync(CancellationToken.None), $"{session.UserName} could not sign in");
        }

        var inputs = HostileInputs.Range(Seed, HostileKind.QueryString, 0, 100).Concat(HostileInputs.Range(Seed, HostileKind.FormField, 0, 40));
        foreach (var input in inputs)
        {
            var session = sessions[input.Request!.Session];
            using var message = session.Build(input.Request, pages);
            using var response = await session.SendAsync(message, $"{input} ({input.Name})", CancellationToken.None);
        }

        foreach (var session in sessions.Values)
        {
            session.Dispose();
        }

        Assert.True(ledger.ServerErrors == 0, $"{ledger.ServerErrors} server errors (seed {Seed}):\n{string.Join("\n", ledger.Failures.Take(10))}");
    }
}
