using System.Net;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Indicators.Web.Tests.Oidc;

public class OidcOffTests
{
    [Fact]
    public async Task Without_configuration_there_is_no_single_sign_on_button_and_no_way_to_start_one()
    {
        await using var app = new TestWebApp(await TestPostgres.CreateMigratedDatabaseAsync());
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/logga-in", UriKind.Relative)));
        var start = await client.GetAsync(new Uri("/konto/logga-in-extern?returnUrl=%2F", UriKind.Relative));

        Assert.DoesNotContain("organisationens konto", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }
}
