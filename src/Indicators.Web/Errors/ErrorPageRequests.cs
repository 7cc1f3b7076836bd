using Microsoft.AspNetCore.Diagnostics;

namespace Indicators.Web.Errors;

/// <summary>
/// The error pages (/fel after an exception, /hittades-inte after a 4xx or 5xx without a body) are re-run in the failed
/// request itself, method and form included. Re-run as a POST, the antiforgery check and Blazor's form handling read the
/// same form again and throw on the token they already refused: a sign-in post with a stale or forged token ended in a
/// 500 instead of its 400 (found by the fault campaign). Shown as a GET, an error page reads no form.
/// </summary>
public static class ErrorPageRequests
{
    /// <summary>Placed after the exception handler and the status-code pages, so both re-runs pass through it.</summary>
    public static IApplicationBuilder UseErrorPagesAsGets(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IExceptionHandlerFeature>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            context.Request.Method = HttpMethods.Get;
        }

        return next(context);
    });
}
