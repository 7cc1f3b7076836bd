using System.Net;
using Dapper;
using Indicators.Data.Users;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Indicators.Web.Tests;

/// <summary>
/// Sign-in under parallel load, over real HTTP on Kestrel: the failure counter decides atomically which attempts may be
/// checked, the rate limiter answers in Swedish per account and per address, and anonymous failures are counted, not
/// written to the audit log one row each.
/// </summary>
public class SignInThrottlingTests
{
    const int Parallel = 40;

    /// <summary>Limits so high that only the failure counter decides.</summary>
    static readonly Dictionary<string, string?> NoRateLimits = new()
    {
        ["Authentication:SignInLimits:PerAddress"] = "1000",
        ["Authentication:SignInLimits:PerAccount"] = "1000",
    };

    sealed class Browsers(string baseUrl, int count) : IDisposable
    {
        public List<HttpClient> Clients { get; } = [.. Enumerable.Range(0, count).Select(_ => new HttpClient(
            new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) })];

        /// <summary>Each browser opens the sign-in page first; then all post at the same moment.</summary>
        public async Task<HttpResponseMessage[]> PostAllAtOnceAsync(Func<int, string> userName, Func<int, string> password)
        {
            var tokens = await Task.WhenAll(Clients.Select(c => TestUsers.TokenAsync(c, "/logga-in")));
            return await Task.WhenAll(Clients.Select((c, i) => TestUsers.PostSignInAsync(c, tokens[i], userName(i), password(i))));
        }

        public void Dispose() => Clients.ForEach(c => c.Dispose());
    }

    static string Answer(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests ? "429"
        : response.Headers.Location?.OriginalString is { } location && location.StartsWith("/logga-in?fel=", StringComparison.Ordinal)
            ? location["/logga-in?fel=".Length..].Split('&')[0]
            : $"{(int)response.StatusCode} {response.Headers.Location}";

    [Fact]
    public async Task Of_forty_parallel_wrong_passwords_only_the_lockout_limit_are_checked()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString, NoRateLimits);
        await TestUsers.CreateAsync(connectionString, "petra", "Ledning");
        using var browsers = new Browsers(app.StartKestrel(), Parallel);

        var answers = (await browsers.PostAllAtOnceAsync(_ => "petra", i => $"gissning-{i}")).Select(Answer).ToList();

        // "fel" is the answer of an attempt whose password was checked; "last" of one refused unchecked.
        Assert.True(answers.Count(a => a == "fel") == SignInAttempts.MaxFailedSignIns,
            $"{answers.Count(a => a == "fel")} of {Parallel} parallel attempts were checked, the limit is {SignInAttempts.MaxFailedSignIns}: {string.Join(", ", answers.GroupBy(a => a).Select(g => $"{g.Key} × {g.Count()}"))}");
        Assert.All(answers.Where(a => a != "fel"), a => Assert.Equal("last", a));
        Assert.Equal("last", Answer(await TestUsers.SignInAsync(browsers.Clients[0], "petra")));
    }

    [Fact]
    public async Task Forty_parallel_failures_for_unknown_accounts_do_not_write_forty_audit_rows()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString, NoRateLimits);
        using var browsers = new Browsers(app.StartKestrel(), Parallel);

        var answers = (await browsers.PostAllAtOnceAsync(i => $"finns-inte-{i}", _ => "gissning")).Select(Answer).ToList();

        Assert.All(answers, a => Assert.Equal("fel", a));
        await using var connection = new NpgsqlConnection(connectionString);
        var rows = await connection.ExecuteScalarAsync<int>("select count(*) from audit_log where action = 'sign-in-failed'");
        Assert.True(rows <= 1, $"{rows} audit rows for {Parallel} anonymous failures from one address");

        // When the window has closed, one more row gives its total, the names tried and the reasons.
        Assert.Equal(1, await app.Services.GetRequiredService<SignInFailureCounter>().FlushAsync(DateTimeOffset.UtcNow.AddHours(1)));
        var entries = (await connection.QueryAsync<(string? User, string? Ip, string After)>(
            "select user_name, remote_ip, after::text from audit_log where action = 'sign-in-failed' order by id")).ToList();
        Assert.Equal(2, entries.Count);
        Assert.StartsWith("finns-inte-", entries[0].User, StringComparison.Ordinal);
        Assert.Null(entries[1].User);
        Assert.Equal("127.0.0.1", entries[1].Ip);
        using var total = System.Text.Json.JsonDocument.Parse(entries[1].After);
        Assert.Equal(Parallel, total.RootElement.GetProperty("failures").GetInt32());
        Assert.Equal(Parallel, total.RootElement.GetProperty("reasons").GetProperty("local:unknown-user").GetInt32());
        Assert.Equal(SignInFailureCounter.MaxListed, total.RootElement.GetProperty("userNames").GetArrayLength());
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from sign_in_failure_window"));
    }

    [Fact]
    public async Task Too_many_attempts_at_one_account_are_answered_429_in_Swedish_and_other_accounts_still_sign_in()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?>
        {
            ["Authentication:SignInLimits:PerAddress"] = "1000",
            ["Authentication:SignInLimits:PerAccount"] = "3",
        });
        await TestUsers.CreateAsync(connectionString, "petra", "Ledning");
        await TestUsers.CreateAsync(connectionString, "olle", "Ledning");
        using var browsers = new Browsers(app.StartKestrel(), 1);
        var client = browsers.Clients[0];

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await TestUsers.SignInAsync(client, "PETRA", $"gissning-{i}"));
        }

        Assert.Equal(["fel", "fel", "fel", "429", "429"], answers.Select(Answer));
        var refused = answers[^1];
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 says when to try again");
        Assert.Contains("För många inloggningsförsök", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/", (await TestUsers.SignInAsync(client, "olle")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Too_many_attempts_from_one_address_are_answered_429_whatever_the_account()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?>
        {
            ["Authentication:SignInLimits:PerAddress"] = "4",
            ["Authentication:SignInLimits:PerAccount"] = "1000",
        });
        using var browsers = new Browsers(app.StartKestrel(), 1);

        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(Answer(await TestUsers.SignInAsync(browsers.Clients[0], $"konto-{i}", "gissning")));
        }

        Assert.Equal(["fel", "fel", "fel", "fel", "429", "429"], answers);
    }
}
