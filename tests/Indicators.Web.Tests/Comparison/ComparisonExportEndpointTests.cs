using System.Net;
using System.Text;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Indicators.TestSupport;
using Indicators.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using static Indicators.Reports.Export.Tests.ExportReading;

namespace Indicators.Web.Tests.Comparison;

/// <summary>
/// The comparison's exports over HTTP: bad parameters are a Swedish 400 naming the parameter; against the demo plan, the
/// adopted version compared with itself downloads as Excel, PDF and text for every role, and an unknown version is 404.
/// </summary>
public class ComparisonExportEndpointTests
{
    static readonly string[] Exports = ["/jamfor/excel", "/jamfor/pdf", "/jamfor/text"];

    static async Task<(TestWebApp App, HttpClient Client)> SignedInAsync(string connectionString, string role, string userName = "person", int? committeeId = null)
    {
        var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, userName, role, committeeId);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, userName);
        return (app, client);
    }

    public static TheoryData<string, string, string> BadQueries()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var export in Exports)
        {
            data.Add(export, "", "Parametern fran saknas");
            data.Add(export, "?till=2", "Parametern fran saknas");
            data.Add(export, "?fran=abc&till=2", "Parametern fran (&quot;abc&quot;) är inget id för den första planversionen");
            data.Add(export, "?fran=1", "Parametern till saknas");
            data.Add(export, "?fran=1&till=-3", "Parametern till (&quot;-3&quot;) är inget id för den andra planversionen");
            data.Add(export, "?fran=1&till=99999999999", "Parametern till (&quot;99999999999&quot;) är inget id");
            data.Add(export, "?fran=1&till=2&period=f%C3%B6rra", "Parametern period (&quot;förra&quot;) är ingen uppföljningsperiod");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Missing_or_malformed_parameters_are_answered_400_with_a_Swedish_page_naming_the_parameter(string path, string query, string message)
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var (app, client) = await SignedInAsync(connectionString, Roles.Management);
        await using var _ = app;
        using var __ = client;

        using var response = await client.GetAsync(new Uri(path + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ogiltig adress", body, StringComparison.Ordinal);
        Assert.Contains(message, body, StringComparison.Ordinal);
    }

    /// <summary>The demo's adopted version of Region Västernorrland's Regionplan.</summary>
    static async Task<int> AdoptedVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<int>("""
            select v.id from plan_version v join plan p on p.id = v.plan_id
            where p.area_id = '0022' and v.kind = 'adopted' and v.is_current order by v.id limit 1
            """);
    }

    static async Task<byte[]> DownloadAsync(HttpClient client, string path, string contentType, string fileName)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        return await response.Content.ReadAsByteArrayAsync();
    }

    // Needs PlanComparisonQueries.CompareAsync (the comparison part of issue 21).
    [Theory]
    [InlineData(Roles.Committee)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Management)]
    public async Task Every_role_downloads_the_demo_plans_adopted_version_compared_with_itself_as_Excel_PDF_and_text(string role)
    {
        var demo = await DemoReports.CreateAsync();
        await using var ___ = demo;
        var version = await AdoptedVersionAsync(demo.ConnectionString);
        var (app, client) = await SignedInAsync(demo.ConnectionString, role, "jamforare", role == Roles.Committee ? demo.Hsn : null);
        await using var _ = app;
        using var __ = client;
        var query = $"?fran={version}&till={version}&period=2026-JA";

        var xlsx = await DownloadAsync(client, "/jamfor/excel" + query,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"jamforelse-{version}-{version}.xlsx");
        var sheets = Workbook(xlsx);
        Assert.Equal(["Sammanfattning", "Mål", "Indikatorer"], sheets.Keys);
        Assert.Contains(sheets["Sammanfattning"], r => r[0].Value as string == "Uppföljningsperiod" && r[1].Value as string == "Delår jan–aug 2026");
        var goals = sheets["Mål"];
        Assert.True(goals.Count > 1, "No mål in the Mål sheet");
        Assert.All(goals.Skip(1), r => Assert.Equal("Oförändrat", Column(goals, r, "Skillnad")));
        var indicators = sheets["Indikatorer"];
        Assert.Contains(indicators.Skip(1), r => Column(indicators, r, "Målvärde A") is double);
        Assert.All(indicators.Skip(1).Where(r => Column(indicators, r, "Målvärde A") is double),
            r => Assert.Equal(Column(indicators, r, "Målvärde A"), Column(indicators, r, "Målvärde B")));

        var pdf = await DownloadAsync(client, "/jamfor/pdf" + query, "application/pdf", $"jamforelse-{version}-{version}.pdf");
        var text = PdfText(pdf);
        Assert.Contains("Jämförelse av planversioner", text, StringComparison.Ordinal);
        Assert.Matches(@"Under A \(.+\) \d+ av \d+ uppnådda", text);

        var plain = Encoding.UTF8.GetString(await DownloadAsync(client, "/jamfor/text" + query, "text/plain", $"jamforelse-{version}-{version}.txt"));
        Assert.StartsWith("\uFEFFJämförelse av planversioner\n", plain, StringComparison.Ordinal);
        Assert.Contains("\nUppföljningsperiod: Delår jan–aug 2026\n", plain, StringComparison.Ordinal);
        Assert.Contains("\nMålvärdena är desamma i båda versionerna.\n", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Ändrat", plain, StringComparison.Ordinal);

        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.DoesNotContain(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<Cell>()), c => c.CellFormula is not null);
    }

    // Needs PlanComparisonQueries.CompareAsync (the comparison part of issue 21).
    [Fact]
    public async Task A_version_that_does_not_exist_is_404_for_every_export()
    {
        var demo = await DemoReports.CreateAsync();
        await using var ___ = demo;
        var version = await AdoptedVersionAsync(demo.ConnectionString);
        var (app, client) = await SignedInAsync(demo.ConnectionString, Roles.Analyst, "jamforare");
        await using var _ = app;
        using var __ = client;

        foreach (var export in Exports)
        {
            using var response = await client.GetAsync(new Uri($"{export}?fran={version}&till=987654", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{export}: {(int)response.StatusCode}");
        }
    }
}
