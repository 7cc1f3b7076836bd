using System.Security.Cryptography;

namespace Indicators.Web.Security;

/// <summary>
/// Security headers on every response, with a Content-Security-Policy that lets only our own scripts run: the one
/// inline script Blazor needs (the import map) carries a fresh nonce per request, so an injected script cannot.
/// </summary>
public static class SecurityHeaders
{
    const string NonceKey = "indicators.csp-nonce";

    /// <summary>The nonce of this request, for the import map in App.razor.</summary>
    public static string Nonce(HttpContext context) =>
        context.Items.TryGetValue(NonceKey, out var nonce) && nonce is string text ? text : "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var formAction = FormAction(app.ApplicationServices.GetService<OidcSettings>());
        return app.Use(async (context, next) =>
        {
            // Hex, not base64: a '+' in the nonce would reach the page HTML-encoded (&#x2B;), and pages must carry it verbatim.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";

                // Hangfire's dashboard brings its own inline scripts; it is for administrators only.
                if (!context.Request.Path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase))
                {
                    headers.ContentSecurityPolicy =
                        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                        $"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action {formAction}; frame-ancestors 'none'";
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }

    /// <summary>
    /// Our own origin, and the single sign-on provider's: signing out posts a form whose answer redirects there, and
    /// browsers apply form-action to that redirect.
    /// </summary>
    static string FormAction(OidcSettings? oidc) =>
        oidc is { Enabled: true } && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            ? $"'self' {authority.GetLeftPart(UriPartial.Authority)}"
            : "'self'";
}
