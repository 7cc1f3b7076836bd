namespace Indicators.Web.Security;

/// <summary>
/// A query string whose names or values hold a control character (NUL, tab, CR/LF, DEL, …) is answered 400 with a short
/// Swedish page, before any page or endpoint sees it. No link or form of ours makes one; PostgreSQL refuses NUL in text
/// (a filter with one was a 500), and CR/LF in a value that reaches a header or a redirect is an injection. Values that
/// are merely not what a page expects ("abc" for an id) are the page's to ignore (<c>QueryValue</c>).
/// </summary>
public static class QueryStringGuard
{
    public static IApplicationBuilder UseQueryStringGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HasControlCharacter(context.Request.Query))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page, context.RequestAborted);
            return;
        }

        await next();
    });

    static bool HasControlCharacter(IQueryCollection query) =>
        query.Any(pair => pair.Key.Any(char.IsControl) || pair.Value.Any(value => value?.Any(char.IsControl) == true));

    const string Page = """
        <!DOCTYPE html>
        <html lang="sv">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Ogiltig adress – Indicators</title></head>
        <body>
        <h1>Ogiltig adress</h1>
        <p>Adressen innehåller ett tecken som inte är tillåtet (till exempel ett nolltecken, en tabb eller en radbrytning).
        <a href="/">Gå till startsidan</a>.</p>
        </body>
        </html>
        """;
}
