using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indicators.Web.Tests.Sources;

/// <summary>
/// What an analyst is told after an upload: a file over the size limit gets the size message (not "säkerhetstoken
/// saknas"), and no message rides in an address that can outgrow what a server accepts.
/// </summary>
public partial class UploadMessageTests
{
    static async Task<(string ConnectionString, int SourceId)> Arrange()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        var sourceId = await connection.ExecuteScalarAsync<int>(
            "insert into source (name, kind, cron, enabled) values ('Hyrpersonal (fil)', 'file', '0 7 * * 1', false) returning id");
        await TestUsers.CreateAsync(connectionString, "person", "Analytiker");
        return (connectionString, sourceId);
    }

    static async Task<HttpResponseMessage> Upload(HttpClient client, int sourceId, string fileName, HttpContent file)
    {
        var page = await client.GetStringAsync(new Uri($"/kallor/{sourceId}", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { file, "fil", fileName },
            { new StringContent("ja"), "las-in-nu" },
        };
        return await client.PostAsync(new Uri($"/kallor/{sourceId}/filer", UriKind.Relative), form);
    }

    /// <summary>The message the source page shows after the redirect.</summary>
    static async Task<string> Shown(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
        return Message().Match(page).Groups[1].Value;
    }

    [Fact]
    public async Task An_upload_larger_than_the_limit_over_a_real_server_gets_the_size_message_not_a_token_error()
    {
        await using var server = await OneMegabyteServer.StartAsync();

        var response = await Upload(server.Client, server.SourceId, "stor.csv", new ByteArrayContent(new byte[3 * 1024 * 1024]));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("säkerhetstoken", body, StringComparison.Ordinal);
        var shown = await Shown(server.Client, response);

        Assert.Contains("för stor", shown, StringComparison.Ordinal);
        Assert.Contains("1 MB", shown, StringComparison.Ordinal);

        // Sent in chunks, without a length: the server finds out only while reading, and the answer is the same.
        var chunked = await Upload(server.Client, server.SourceId, "stor.csv", new StreamContent(new UnseekableStream(new byte[3 * 1024 * 1024])));
        Assert.Contains("för stor", await Shown(server.Client, chunked), StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from source_file"));
    }

    /// <summary>
    /// A browser still sending when the server has decided must still get the answer: the server reads (and drops) the
    /// rest of a body some times the limit instead of closing the connection under the sender, which the sender sees
    /// as a broken pipe, not as the size message. Eight times, since an early close at two megabytes left more unsent
    /// than loopback's buffers take (four times did not fail); several rounds, since it is a race.
    /// </summary>
    [Fact]
    public async Task A_chunked_upload_eight_times_the_limit_gets_the_size_message_every_time()
    {
        await using var server = await OneMegabyteServer.StartAsync();

        for (var round = 0; round < 3; round++)
        {
            var chunked = await Upload(server.Client, server.SourceId, "stor.csv", new StreamContent(new UnseekableStream(new byte[8 * 1024 * 1024])));
            Assert.Contains("för stor", await Shown(server.Client, chunked), StringComparison.Ordinal);
        }

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from source_file"));
    }

    /// <summary>
    /// The drain above has a bound: Kestrel still cuts, and closes the connection on, a body far over the cap (ten times
    /// it and a megabyte), while the form reader refuses the file a megabyte over the cap.
    /// </summary>
    [Fact]
    public async Task The_upload_endpoint_still_cuts_a_body_far_over_the_limit()
    {
        var (connectionString, _) = await Arrange();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["Sources:Files:MaxUploadMegabytes"] = "1" });

        var upload = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(endpoint => endpoint.RoutePattern.RawText == "/kallor/{id:int}/filer");

        Assert.Equal(11 * 1024 * 1024, upload.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize);
        Assert.Equal(2 * 1024 * 1024, upload.Metadata.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit);
    }

    [Fact]
    public async Task An_upload_just_over_the_limit_is_refused_with_a_message_naming_the_file()
    {
        await using var server = await OneMegabyteServer.StartAsync();

        var shown = await Shown(server.Client, await Upload(server.Client, server.SourceId, "lite för stor.csv", new ByteArrayContent(new byte[(1024 * 1024) + 10])));

        Assert.Equal("'lite för stor.csv' är större än 1 MB och sparades inte. Dela upp filen eller lägg den i den bevakade mappen.", shown);
    }

    [Fact]
    public async Task A_refusal_of_a_file_with_ten_thousand_columns_travels_in_a_short_address_and_names_the_file()
    {
        var (connectionString, sourceId) = await Arrange();
        await using var app = new TestWebApp(connectionString);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "person");
        var header = string.Join(";", Enumerable.Range(1, 10_000).Select(i => $"kolumn_nummer_{i}"));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(header + "\n" + string.Join(";", Enumerable.Repeat("1", 10_000)) + "\n"));

        var response = await Upload(client, sourceId, "bred.csv", content);
        var shown = await Shown(client, response);

        Assert.True(response.Headers.Location!.OriginalString.Length < 4096, $"{response.Headers.Location.OriginalString.Length} characters");
        Assert.StartsWith("'bred.csv' saknar kolumnerna", shown, StringComparison.Ordinal);
        Assert.Contains("'kolumn_nummer_1'", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_name_of_thousands_of_characters_still_gives_a_short_address()
    {
        var (connectionString, sourceId) = await Arrange();
        await using var app = new TestWebApp(connectionString);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "person");

        var response = await Upload(client, sourceId, new string('a', 3000) + ".csv", new ByteArrayContent(Encoding.UTF8.GetBytes("namn;antal\nx;1\n")));
        var shown = await Shown(client, response);

        Assert.True(response.Headers.Location!.OriginalString.Length < 4096, $"{response.Headers.Location.OriginalString.Length} characters");
        Assert.Contains("aaaa", shown, StringComparison.Ordinal);
        Assert.Contains("sparades inte", shown, StringComparison.Ordinal);
    }

    /// <summary>
    /// The app over a real Kestrel server with a 1 MB upload limit and "person" signed in: the size limits act in the
    /// server, so these tests send over a socket rather than through the in-memory test client.
    /// </summary>
    sealed class OneMegabyteServer : IAsyncDisposable
    {
        readonly TestWebApp app;
        readonly HttpClientHandler handler;

        OneMegabyteServer(string connectionString, int sourceId, TestWebApp app)
        {
            ConnectionString = connectionString;
            SourceId = sourceId;
            this.app = app;
            handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            Client = new HttpClient(handler) { BaseAddress = new Uri(app.StartKestrel()) };
        }

        public string ConnectionString { get; }

        public int SourceId { get; }

        public HttpClient Client { get; }

        public static async Task<OneMegabyteServer> StartAsync()
        {
            var (connectionString, sourceId) = await Arrange();
            var server = new OneMegabyteServer(connectionString, sourceId,
                new TestWebApp(connectionString, new Dictionary<string, string?> { ["Sources:Files:MaxUploadMegabytes"] = "1" }));
            await TestUsers.SignInAsync(server.Client, "person");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            handler.Dispose();
            await app.DisposeAsync();
        }
    }

    /// <summary>A stream that cannot tell its length, so HttpClient sends the form in chunks.</summary>
    sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<p class=\"(?:error|notice)\" role=\"(?:alert|status)\">([^<]*)</p>")]
    private static partial Regex Message();
}
