using System.Net;
using System.Text.RegularExpressions;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Indicators.Web.Tests.Deployment;

/// <summary>
/// A form post whose antiforgery token is missing, forged or stale (a sign-in page left open over a key rotation) is the
/// sender's fault: 400 with a Swedish page, never a 500. The fault campaign found the sign-in form answering 500, because
/// the error page was re-run as the same POST and refused the same token.
/// </summary>
public partial class BadFormPostTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [Theory]
    [InlineData("saknas")]
    [InlineData("förfalskad")]
    public async Task A_sign_in_post_without_a_valid_token_gets_a_Swedish_400_page_not_a_500(string token)
    {
        await using var app = new TestWebApp(await TestPostgres.CreateMigratedDatabaseAsync()) { EnvironmentName = "Production" };
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var fields = new Dictionary<string, string> { ["anvandarnamn"] = "någon", ["losenord"] = "fel-lösenord", ["returnUrl"] = "/" };
        if (token == "förfalskad")
        {
            // A token from the real form, with its cookie left out: what a stale page or another site sends.
            var page = await client.GetStringAsync(new Uri("/logga-in", UriKind.Relative));
            fields["__RequestVerificationToken"] = TokenField().Match(page).Groups[1].Value;
            client.DefaultRequestHeaders.Remove("Cookie");
        }

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var content = new FormUrlEncodedContent(fields);
        using var response = await anonymous.PostAsync(new Uri("/konto/logga-in", UriKind.Relative), content);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("säkerhetstoken", body, StringComparison.Ordinal);
    }
}
