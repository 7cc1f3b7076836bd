using System.Net;
using System.Text.RegularExpressions;

namespace Indicators.Web.Tests.Oidc;

/// <summary>
/// Just enough of a browser for a sign-in across two sites: follows redirects, keeps each site's cookies (ignoring
/// the Secure attribute, since both sites are plain http on 127.0.0.1), and submits the provider's form_post page
/// as its script would.
/// </summary>
public sealed partial class RedirectingClient : IDisposable
{
    readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
    readonly Dictionary<string, Dictionary<string, string>> cookies = [];

    /// <summary>Every address visited, in order.</summary>
    public List<Uri> Visited { get; } = [];

    public async Task<(Uri Address, HttpResponseMessage Response, string Body)> GetAsync(Uri address) =>
        await FollowAsync(new HttpRequestMessage(HttpMethod.Get, address));

    public async Task<(Uri Address, HttpResponseMessage Response, string Body)> PostFormAsync(Uri address, IDictionary<string, string> fields) =>
        await FollowAsync(new HttpRequestMessage(HttpMethod.Post, address) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>One request, no redirects followed: for asserting a single answer.</summary>
    public async Task<HttpResponseMessage> SendOnceAsync(Uri address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        return await SendAsync(request);
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(string page) => WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);

    async Task<(Uri, HttpResponseMessage, string)> FollowAsync(HttpRequestMessage first)
    {
        var request = first;
        for (var hop = 0; hop < 20; hop++)
        {
            var address = request.RequestUri!;
            var response = await SendAsync(request);
            request.Dispose();
            if (response.Headers.Location is { } location && (int)response.StatusCode is >= 300 and < 400)
            {
                request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, location));
                response.Dispose();
                continue;
            }

            var body = await response.Content.ReadAsStringAsync();
            var form = AutoPostForm().Match(body);
            if (form.Success)
            {
                var fields = HiddenField().Matches(form.Groups["fields"].Value).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
                request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, WebUtility.HtmlDecode(form.Groups["action"].Value))) { Content = new FormUrlEncodedContent(fields) };
                response.Dispose();
                continue;
            }

            return (address, response, body);
        }

        throw new InvalidOperationException("More than 20 redirects.");
    }

    async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        Visited.Add(request.RequestUri!);
        var site = request.RequestUri!.Authority;
        if (cookies.TryGetValue(site, out var jar) && jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            jar = cookies.TryGetValue(site, out var existing) ? existing : cookies[site] = [];
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';')[0].Split('=', 2);
                var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || pair[1].Length == 0;
                if (expired)
                {
                    jar.Remove(pair[0]);
                }
                else
                {
                    jar[pair[0]] = pair[1];
                }
            }
        }

        return response;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<body onload=\"document.forms\\[0\\].submit\\(\\)\">\\s*<form method=\"post\" action=\"(?<action>[^\"]+)\">(?<fields>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex AutoPostForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
