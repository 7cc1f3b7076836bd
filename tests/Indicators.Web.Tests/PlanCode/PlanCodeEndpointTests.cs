using System.Net;
using Dapper;
using Indicators.Data.Demo;
using Indicators.TestSupport;
using Indicators.Web.PlanCode;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Web.Tests.PlanCode;

public class PlanCodeEndpointTests
{
    static async Task<(string ConnectionString, int PlanId)> DemoAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        return (connectionString, await connection.ExecuteScalarAsync<int>("select id from plan where name = 'Regionplan 2025–2027'"));
    }

    static async Task<HttpClient> SignedInAsync(TestWebApp app, string connectionString, string role)
    {
        await TestUsers.CreateAsync(connectionString, "person", role, role == "Namnd" ? "HSN" : null);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "person");
        return client;
    }

    [Fact]
    public async Task An_analyst_downloads_a_plan_as_a_UTF8_YAML_file_named_after_the_plan()
    {
        var (connectionString, planId) = await DemoAsync();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedInAsync(app, connectionString, "Analytiker");

        using var response = await client.GetAsync(new Uri($"/planer/{planId}/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/yaml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("plan-Regionplan 2025–2027.yaml", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("# Indicators plan as code, format indicators-plan/1", text, StringComparison.Ordinal);
        Assert.Contains("  name: Regionplan 2025–2027\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_that_does_not_exist_gives_not_found()
    {
        var (connectionString, _) = await DemoAsync();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedInAsync(app, connectionString, "Analytiker");

        using var response = await client.GetAsync(new Uri("/planer/9999/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Ledning")]
    [InlineData("Namnd")]
    public async Task Readers_may_neither_export_nor_import_a_plan(string role)
    {
        var (connectionString, planId) = await DemoAsync();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedInAsync(app, connectionString, role);

        foreach (var path in new[] { $"/planer/{planId}/export", "/planer/import" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("indicators-plan/1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_import_page_offers_a_labelled_file_input_a_text_area_and_the_check_and_import_buttons()
    {
        var (connectionString, _) = await DemoAsync();
        await using var app = new TestWebApp(connectionString);
        using var client = await SignedInAsync(app, connectionString, "Analytiker");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/planer/import", UriKind.Relative)));

        Assert.Contains(">Importera plan</h1>", page, StringComparison.Ordinal);
        Assert.Contains("for=\"plan-file\"", page, StringComparison.Ordinal);
        Assert.Contains("for=\"plan-text\"", page, StringComparison.Ordinal);
        Assert.Contains(">Kontrollera</button>", page, StringComparison.Ordinal);
        Assert.Contains(">Importera</button>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Regionplan 2025–2027", "plan-Regionplan 2025–2027.yaml")]
    [InlineData("Plan: A/B", "plan-Plan- A-B.yaml")]
    [InlineData("  ", "plan-plan.yaml")]
    public void The_download_is_named_after_the_plan_without_characters_file_systems_refuse(string name, string fileName) =>
        Assert.Equal(fileName, PlanCodeEndpoints.FileName(name));
}
