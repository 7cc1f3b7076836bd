using System.Net;
using Dapper;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indicators.Web.Tests.Sources;

/// <summary>
/// A source whose stored settings a run cannot read (stored before the editor checked their shape, or by hand) still opens
/// in the editor, which says what is wrong, so an analyst can mend it there. The fault campaign found the page answering
/// 500 for every such source.
/// </summary>
public class StoredSettingsPageTests
{
    [Theory]
    [MemberData(nameof(WrongShapedSettings.Cases), MemberType = typeof(WrongShapedSettings))]
    public async Task A_source_with_settings_a_run_cannot_read_opens_in_the_editor_with_the_reason(string kind, string settings, string where)
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        var id = await connection.ExecuteScalarAsync<int>(
            "insert into source (name, kind, cron, settings) values ('Trasig', @Kind, '0 5 * * *', @Settings::jsonb) returning id", new { Kind = kind, Settings = settings });
        await TestUsers.CreateAsync(connectionString, "analys", "Analytiker");
        await using var app = new TestWebApp(connectionString);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "analys");

        using var response = await client.GetAsync(new Uri($"/kallor/{id}/redigera", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("De sparade inställningarna kan inte läsas", html, StringComparison.Ordinal);
        Assert.Contains($"'{where}'", html, StringComparison.Ordinal);
    }
}
