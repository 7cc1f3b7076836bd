using Microsoft.AspNetCore.Antiforgery;

namespace Indicators.Web.Security;

/// <summary>
/// Antiforgery for a POST endpoint that binds no form field. The antiforgery middleware checks the token of every
/// endpoint that asks for it and records the verdict, but only endpoints that bind form fields act on it by themselves
/// (answering 400): one that binds none would run without a token, as signing out once did.
/// </summary>
public static class AntiforgeryEndpoints
{
    /// <summary>Asks the middleware to check the token, and refuses the post with 400 unless the token was valid.</summary>
    public static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(async (context, next) =>
            context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
                ? await next(context)
                : Refused());

    /// <summary>
    /// The answer to a post without a valid token. A body of its own, so the status-code pages do not re-run the post
    /// against an error page.
    /// </summary>
    public static IResult Refused() =>
        TypedResults.Text("Formuläret kunde inte tas emot: säkerhetstoken saknas eller har gått ut. Ladda om sidan och försök igen.",
            "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
