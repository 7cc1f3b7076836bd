using Microsoft.AspNetCore.Authorization;

namespace Indicators.Web.Security;

/// <summary>
/// A user whose password is a one-time password (an administrator reset it or created the account) does nothing else
/// until they have chosen their own: every page sends them to the change-password page, every other request is
/// refused. Signing out, the page and its form post, and what anyone may load (the sign-in page, static files, health)
/// stay open. The flag comes from the account on every request (<see cref="SessionCookie"/>), so it ends with the change.
/// </summary>
public static class PasswordChangeGate
{
    public const string ChangePasswordPage = "/konto/losenord";

    static readonly string[] OpenPaths = [ChangePasswordPage, "/konto/byt-losenord", "/konto/logga-ut"];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!SessionPrincipal.MustChangePassword(context.User)
            || OpenPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
            || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(ChangePasswordPage);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    });
}
