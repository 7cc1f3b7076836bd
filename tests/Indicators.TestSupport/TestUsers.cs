using System.Net;
using System.Text.RegularExpressions;
using Indicators.Data.Users;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Indicators.TestSupport;

/// <summary>Users for tests, and signing in the way a person does: through the sign-in form.</summary>
public static partial class TestUsers
{
    public const string Password = "test-lösenord-1";

    /// <summary>
    /// Creates a user with one role. A Nämnd role names its committee by a code that exactly one committee in the
    /// database has, or else Region Västernorrland's (0022): the demo's first organisation, which the tests that name a
    /// nämnd by code were written for, while Region Västerbotten (0024) has nämnder with the same codes. For any other
    /// organisation's nämnd use the overload with the committee's id.
    /// </summary>
    public static async Task CreateAsync(string connectionString, string userName, string role, string? committeeCode = null)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        int? committeeId = null;
        if (committeeCode is not null)
        {
            var users = new UserQueries(dataSource);
            try
            {
                committeeId = await users.FindCommitteeAsync(committeeCode, areaId: null);
            }
            catch (AmbiguousCommitteeException)
            {
                committeeId = await users.FindCommitteeAsync(committeeCode, DemoOrganisation);
            }

            _ = committeeId ?? throw new InvalidOperationException($"No committee has the code {committeeCode}.");
        }

        await CreateAsync(dataSource, userName, role, committeeId);
    }

    /// <summary>Region Västernorrland, the demo's first organisation.</summary>
    const string DemoOrganisation = "0022";

    /// <summary>Creates a user with one role; a Nämnd role names its committee by id.</summary>
    public static async Task CreateAsync(string connectionString, string userName, string role, int? committeeId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await CreateAsync(dataSource, userName, role, committeeId);
    }

    /// <summary>Creates a user with one role through a data source the caller holds; a Nämnd role names its committee by id.</summary>
    public static async Task CreateAsync(NpgsqlDataSource dataSource, string userName, string role, int? committeeId)
    {
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(0, userName, userName, null, 0, null, true), Password);
        await new UserEditor(dataSource).CreateAsync(userName, userName, hash, [(role, committeeId)], isDemo: false, createdBy: "test");
    }

    /// <summary>Posts the sign-in form with its antiforgery token; the client keeps the cookie. Returns the response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password = Password) =>
        await PostSignInAsync(client, await TokenAsync(client, "/logga-in"), userName, password);

    /// <summary>The antiforgery token of the first form on a page (the client keeps the cookie it belongs to).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var form = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        return WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups[1].Value);
    }

    /// <summary>Posts the sign-in form with a token fetched before: for many sign-ins sent at the same moment.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string token, string userName, string password = Password)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["anvandarnamn"] = userName,
            ["losenord"] = password,
            ["returnUrl"] = "/",
        });
        return await client.PostAsync(new Uri("/konto/logga-in", UriKind.Relative), content);
    }

    /// <summary>Gets a page with a form and posts the form's fields with that page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, IDictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups[1].Value),
        };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    [GeneratedRegex("type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
