using System.Net;
using System.Text.RegularExpressions;
using Indicators.TestSupport;
using Indicators.Web.Security;

namespace Indicators.Web.Tests.Deployment;

/// <summary>
/// A failing request as the README's `dotnet run` serves it: the Swedish error page, never the developer exception page
/// with its stack, source paths and request headers; the details only for a developer who asks with DetailedErrors.
/// </summary>
public partial class ErrorPageTests
{
    /// <summary>A signed-in Ledning user whose overview page fails: the table it reads is gone.</summary>
    static async Task<HttpResponseMessage> FailingRequestAsync(TestWebApp app, string connectionString)
    {
        var client = app.CreateClient();
        await TestUsers.CreateAsync(connectionString, "person", Roles.Management);
        await TestUsers.SignInAsync(client, "person");
        await TestPostgres.ExecuteAsync(connectionString, "alter table plan rename to plan_gone");
        return await client.GetAsync(new Uri("/", UriKind.Relative));
    }

    [Fact]
    public async Task A_failing_request_shows_the_Swedish_error_page_and_no_details_in_the_app_as_dotnet_run_starts_it()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString) { EnvironmentName = LaunchProfile.EnvironmentName };

        using var response = await FailingRequestAsync(app, connectionString);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Ett fel inträffade", html, StringComparison.Ordinal);
        foreach (var detail in new[] { "PostgresException", "42P01", "does not exist", "Stack", ".cs:line", "Cookie" })
        {
            Assert.DoesNotContain(detail, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Dotnet_run_serves_the_Blazor_script_so_pages_turn_interactive()
    {
        await using var app = new TestWebApp(await TestPostgres.CreateMigratedDatabaseAsync()) { EnvironmentName = LaunchProfile.EnvironmentName };
        using var client = app.CreateClient();

        var page = await client.GetStringAsync(new Uri("/logga-in", UriKind.Relative));
        var script = BlazorScript().Match(page).Groups[1].Value;
        using var response = await client.GetAsync(new Uri("/" + script, UriKind.Relative));

        Assert.StartsWith("_framework/blazor.web", script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_developer_who_sets_DetailedErrors_sees_the_exception()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DetailedErrors"] = "true" }) { EnvironmentName = "Production" };

        using var response = await FailingRequestAsync(app, connectionString);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("42P01", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script src=\"([^\"]*blazor\\.web[^\"]*)\"")]
    private static partial Regex BlazorScript();
}
