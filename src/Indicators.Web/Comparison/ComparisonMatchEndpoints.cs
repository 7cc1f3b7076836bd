using System.Globalization;
using System.Security.Cryptography;
using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Data.Comparison;
using Indicators.Web.Components.Editing;
using Indicators.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Indicators.Web.Comparison;

/// <summary>
/// An analyst's match of two mål from the comparison page, and its removal: form posts (antiforgery), the Analyse policy
/// here and the rights and organisations again in <see cref="ComparisonMatchEditor"/>. Each answers with the comparison
/// again and a message the page shows (protected, so no address can put words on the page).
/// </summary>
public static class ComparisonMatchEndpoints
{
    public static IEndpointRouteBuilder MapComparisonMatches(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/jamfor/matchning", MatchAsync).RequireAuthorization(Policies.Analyse).RequireAntiforgeryToken();
        routes.MapPost("/jamfor/matchning/ta-bort", RemoveAsync).RequireAuthorization(Policies.Analyse).RequireAntiforgeryToken();
        return routes;
    }

    static Task<RedirectHttpResult> MatchAsync(HttpContext context, ComparisonMatchEditor editor, IDataProtectionProvider protection) =>
        ChangeAsync(context, protection, "Målen är matchade.", (left, right) => editor.MatchAsync(
            left, right, context.User.OrganisationScope(), CurrentActor.From(context), context.RequestAborted));

    static Task<RedirectHttpResult> RemoveAsync(HttpContext context, ComparisonMatchEditor editor, IDataProtectionProvider protection) =>
        ChangeAsync(context, protection, "Matchningen är borttagen.", (left, right) => editor.RemoveAsync(
            left, right, context.User.OrganisationScope(), CurrentActor.From(context), context.RequestAborted));

    static async Task<RedirectHttpResult> ChangeAsync(HttpContext context, IDataProtectionProvider protection, string done, Func<int, int, Task> change)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var back = $"/jamfor?fran={Uri.EscapeDataString(form["fran"].ToString())}&till={Uri.EscapeDataString(form["till"].ToString())}"
            + $"&period={Uri.EscapeDataString(form["period"].ToString())}";
        if (!int.TryParse(form["vansterMal"], CultureInfo.InvariantCulture, out var left) || !int.TryParse(form["hogerMal"], CultureInfo.InvariantCulture, out var right))
        {
            return Back(back, protection, "fel", "Välj ett mål i vardera versionen att matcha.");
        }

        try
        {
            await change(left, right);
            return Back(back, protection, "klart", done);
        }
        catch (InvalidEditException e)
        {
            return Back(back, protection, "fel", e.Message);
        }
        catch (EditConflictException e)
        {
            return Back(back, protection, "fel", e.Message);
        }
    }

    static RedirectHttpResult Back(string address, IDataProtectionProvider protection, string kind, string message) =>
        TypedResults.LocalRedirect($"{address}&meddelande={Uri.EscapeDataString(Protector(protection).Protect($"{kind}|{StorableText.Excerpt(message, 1000)}", TimeSpan.FromMinutes(5)))}");

    static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("Indicators.Comparison.PageMessage").ToTimeLimitedDataProtector();

    /// <summary>The message's kind ("klart" or "fel") and text, or null when the token is forged, altered or too old.</summary>
    public static (string Kind, string Text)? ReadMessage(IDataProtectionProvider protection, string? token)
    {
        ArgumentNullException.ThrowIfNull(protection);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Protector(protection).Unprotect(token).Split('|', 2) is [var kind, var text] ? (kind, text) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
