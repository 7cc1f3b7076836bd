using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Indicators.TestSupport;

namespace Indicators.Campaign.Web;

/// <summary>
/// One person's session with the web app, as a browser has it: a cookie jar, the antiforgery token of a signed-in page,
/// no automatic redirects. Every answer of 500 or more is counted as a server error with the request that got it.
/// </summary>
public sealed partial class WebSession : IDisposable
{
    readonly HttpClient client;
    readonly Ledger ledger;
    readonly Func<string> step;
    string? token;

    public WebSession(Uri root, string? userName, Ledger ledger, Func<string> step, TimeSpan? timeout = null)
    {
        Root = root;
        UserName = userName;
        this.ledger = ledger;
        this.step = step;
        client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = root,
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
        };
    }

    public Uri Root { get; }

    public string? UserName { get; }

    public int Requests { get; private set; }

    public int ServerErrors { get; private set; }

    /// <summary>Signs in through the sign-in form and reads a token for later posts. True when signed in.</summary>
    public async Task<bool> SignInAsync(CancellationToken cancellationToken)
    {
        if (UserName is null)
        {
            token = await TokenFromAsync("/logga-in", cancellationToken);
            return true;
        }

        var anonymousToken = await TokenFromAsync("/logga-in", cancellationToken);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = anonymousToken ?? "",
            ["anvandarnamn"] = UserName,
            ["losenord"] = TestUsers.Password,
            ["returnUrl"] = "/",
        });
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/konto/logga-in") { Content = content }, "sign-in", cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            return false;
        }

        // The antiforgery token is bound to the user: read it again from a signed-in page with a form.
        token = await TokenFromAsync("/konto/losenord", cancellationToken);
        return token is not null;
    }

    async Task<string?> TokenFromAsync(string page, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, page), "token", cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public string? Token => token;

    /// <summary>POST /kallor/{id}/kor-nu: queues a run. True when the app answered with the source page.</summary>
    public async Task<bool> RunNowAsync(int sourceId, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token ?? "" });
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/kallor/{sourceId}/kor-nu")) { Content = content },
            $"run now {sourceId}", cancellationToken);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/kallor/", StringComparison.Ordinal) == true;
    }

    /// <summary>POST /kallor/{id}/filer: uploads a file (and queues a run when asked). Returns the redirect target.</summary>
    public async Task<(HttpStatusCode Status, string? Location)> UploadAsync(int sourceId, string fileName, byte[] bytes, bool runNow, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token ?? ""), "__RequestVerificationToken" },
            { new StringContent(runNow ? "ja" : "nej"), "las-in-nu" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "fil", fileName);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/kallor/{sourceId}/filer")) { Content = form },
            $"upload '{fileName}' to {sourceId}", cancellationToken);
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    /// <summary>GET a page; the status and (up to 64 kB of) the body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string target, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, Relative(target)), "GET " + target, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, body.Length > 65_536 ? body[..65_536] : body);
    }

    /// <summary>A target sent as given: hostile escapes (%ZZ, %C0%AF) are not normalised on the way.</summary>
    public Uri Relative(string target) =>
        new(Root.GetLeftPart(UriPartial.Authority) + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    /// <summary>Sends and counts: a 5xx is a server error, reported with the request.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Requests++;
        var response = await client.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            ServerErrors++;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            ledger.CountServerError(step(), $"{(int)response.StatusCode} for {what} as {UserName ?? "anonymous"}: {Summary(body)}");
        }

        return response;
    }

    /// <summary>The error page's heading or the body's first characters.</summary>
    static string Summary(string body)
    {
        var heading = HeadingPattern().Match(body);
        var text = heading.Success ? heading.Groups[1].Value : body;
        text = WebUtility.HtmlDecode(TagPattern().Replace(text, " ")).ReplaceLineEndings(" ").Trim();
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
