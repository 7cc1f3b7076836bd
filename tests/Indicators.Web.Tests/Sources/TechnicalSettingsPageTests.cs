using System.Net;
using Dapper;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indicators.Web.Tests.Sources;

/// <summary>
/// A source's technical settings (the settings JSON, its cron expressions and the time-zone id) are the analysts' and
/// administrators' business; Ledning and Nämnd see the schedule in words and what the source feeds. Issue 18 found the
/// raw JSON, the cron strings and "Europe/Stockholm" on /kallor/{id} for every role.
/// </summary>
public class TechnicalSettingsPageTests
{
    static async Task<(string ConnectionString, int SourceId)> Arrange()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into committee (area_id, code, name) values ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden');
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, kpi_id)
            values ('0022', 'OP90', 'Operation inom 90 dagar', '%', 'higher', 'year', '0022', 'N79224');
            insert into source (name, kind, cron, full_refresh_cron, settings)
            values ('Kolada väntetider', 'kolada', '0 6 * * *', '0 3 * * 0', '{"kpis": ["N79224"], "fromYear": 2019}');
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
            """);
        await using var connection = new NpgsqlConnection(connectionString);
        return (connectionString, await connection.ExecuteScalarAsync<int>("select id from source"));
    }

    static async Task<string> PageAs(TestWebApp app, string connectionString, string userName, string role, string path, string? committee = null)
    {
        await TestUsers.CreateAsync(connectionString, userName, role, committee);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, userName);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Ledning", null)]
    [InlineData("Namnd", "HSN")]
    public async Task Ledning_and_Namnd_see_the_schedule_in_words_and_the_indicators_but_no_JSON_cron_or_time_zone_id(string role, string? committee)
    {
        var (connectionString, id) = await Arrange();
        await using var app = new TestWebApp(connectionString);

        foreach (var path in new[] { $"/kallor/{id}", "/kallor" })
        {
            var page = await PageAs(app, connectionString, "reader" + path.Length, role, path, committee);

            Assert.DoesNotContain("fromYear", page, StringComparison.Ordinal);
            Assert.DoesNotContain("0 6 * * *", page, StringComparison.Ordinal);
            Assert.DoesNotContain("0 3 * * 0", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Europe/Stockholm", page, StringComparison.Ordinal);
            Assert.Contains("varje dag kl. 06:00", page, StringComparison.OrdinalIgnoreCase);
        }

        var sourcePage = await PageAs(app, connectionString, "reader-again", role, $"/kallor/{id}", committee);
        Assert.Contains("Operation inom 90 dagar", sourcePage, StringComparison.Ordinal);
        Assert.Contains("varje söndag kl. 03:00", sourcePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Inställningar", sourcePage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Analytiker")]
    [InlineData("Administrator")]
    public async Task Analysts_and_administrators_see_the_settings_the_cron_and_the_time_zone(string role)
    {
        var (connectionString, id) = await Arrange();
        await using var app = new TestWebApp(connectionString);

        var page = await PageAs(app, connectionString, "analys", role, $"/kallor/{id}");

        Assert.Contains("\"fromYear\": 2019", page, StringComparison.Ordinal);
        Assert.Contains("<code>0 6 * * *</code>", page, StringComparison.Ordinal);
        Assert.Contains("<code>0 3 * * 0</code>", page, StringComparison.Ordinal);
        Assert.Contains("Europe/Stockholm", page, StringComparison.Ordinal);
        Assert.Contains("Varje dag kl. 06:00", page, StringComparison.OrdinalIgnoreCase);
    }
}
