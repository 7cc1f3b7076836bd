using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Text;
using Indicators.Campaign.World;
using Indicators.TestSupport;
using Indicators.TestSupport.Hostile;

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
    readonly bool raw;

    public WebSession(Uri root, string? userName, Ledger ledger, Func<string> step, TimeSpan? timeout = null)
        : this(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = root,
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
        }, userName, ledger, step)
    {
        raw = true;
    }

    /// <summary>Over a client that keeps cookies and does not follow redirects (a test host's, say).</summary>
    public WebSession(HttpClient client, string? userName, Ledger ledger, Func<string> step)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client;
        Root = client.BaseAddress ?? throw new ArgumentException("The client needs a base address.", nameof(client));
        UserName = userName;
        this.ledger = ledger;
        this.step = step;
    }

    public Uri Root { get; }

    public string? UserName { get; }

    int requests;
    int serverErrors;

    public int Requests => Volatile.Read(ref requests);

    public int ServerErrors => Volatile.Read(ref serverErrors);

    /// <summary>Signs in through the sign-in form and reads a token for later posts. True when signed in.</summary>
    public async Task<bool> SignInAsync(CancellationToken cancellationToken)
    {
        if (UserName is null)
        {
            token = await TokenFromAsync("/logga-in", cancellationToken);
            return true;
        }

        // A sign-in rate limit (per address: every session here comes from 127.0.0.1) is waited out, as a person would.
        for (var attempt = 1; ; attempt++)
        {
            var anonymousToken = await TokenFromAsync("/logga-in", cancellationToken);
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = anonymousToken ?? "",
                ["anvandarnamn"] = UserName,
                ["losenord"] = TestUsers.Password,
                ["returnUrl"] = "/",
            });
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/konto/logga-in") { Content = content }, "sign-in", cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 12)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5), cancellationToken);
                continue;
            }

            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            {
                return false;
            }

            break;
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

    /// <summary>
    /// A target sent as given over a socket: hostile escapes (%ZZ, %C0%AF) are not normalised on the way. A test host
    /// reads the path through Uri.GetComponents, which such a Uri refuses; there the target goes as Uri escapes it.
    /// </summary>
    public Uri Relative(string target) => raw
        ? new(Root.GetLeftPart(UriPartial.Authority) + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true })
        : new(Root.GetLeftPart(UriPartial.Authority) + target);

    /// <summary>Sends and counts: a 5xx is a server error, reported with the request.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref requests);
        var response = await client.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            Interlocked.Increment(ref serverErrors);
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

    /// <summary>
    /// The message a hostile request makes in this session: placeholders filled with real ids, the antiforgery token as
    /// the request says (valid, missing or forged), fields urlencoded by byte (so a lone surrogate or a NUL gets through
    /// as it is), a file as a multipart part.
    /// </summary>
    public HttpRequestMessage Build(HostileRequest request, PageIds pages)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(pages);
        var message = new HttpRequestMessage(request.Method == "POST" ? HttpMethod.Post : HttpMethod.Get, Relative(pages.Fill(request.Target)));
        if (request.Method != "POST")
        {
            return message;
        }

        var fields = request.Fields.ToList();
        if (request.Token == "valid")
        {
            fields.Add(new("__RequestVerificationToken", token ?? ""));
        }
        else if (request.Token == "forged")
        {
            fields.Add(new("__RequestVerificationToken", "CfDJ8" + Convert.ToBase64String(Encoding.UTF8.GetBytes("förfalskad token från kampanjen"))));
        }

        if (request.File is { } file)
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                form.Add(new StringContent(value), name);
            }

            // The file name as a browser sends it (any character, as filename*), not as HttpClient would allow it.
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var ascii = new string(file.FileName.Select(c => c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_').ToArray());
            part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"fil\"; filename=\"{ascii}\"; filename*=utf-8''{HostileRequests.Encode(file.FileName)}");
            form.Add(part);
            message.Content = form;
        }
        else
        {
            message.Content = new StringContent(string.Join('&', fields.Select(f => HostileRequests.Encode(f.Key) + "=" + HostileRequests.Encode(f.Value))),
                Encoding.ASCII, "application/x-www-form-urlencoded");
        }

        return message;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
