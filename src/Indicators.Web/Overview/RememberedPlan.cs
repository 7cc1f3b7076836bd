using System.Globalization;

namespace Indicators.Web.Overview;

/// <summary>
/// The plan a user last chose on the start page, remembered in a cookie of this browser (issue 21), so <c>/</c> without
/// <c>?plan=</c> opens it again. A cookie rather than a stored preference: the start page is a GET, and a GET writes nothing
/// to the database (nor the audit log); the cookie holds a plan id only, and is checked against the user's organisations
/// on every use (a plan outside them, or gone, is ignored), so a shared computer's cookie shows nobody another's plan.
/// </summary>
public static class RememberedPlan
{
    public const string CookieName = "indicators.plan";

    public static int? Read(HttpContext? context) =>
        context?.Request.Cookies[CookieName] is { } value && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Remembers the plan shown, when the response has not started (a static page's render: it has not).</summary>
    public static void Remember(HttpContext? context, int planId)
    {
        if (context is null || context.Response.HasStarted || Read(context) == planId)
        {
            return;
        }

        context.Response.Cookies.Append(CookieName, planId.ToString(CultureInfo.InvariantCulture), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
        });
    }
}
