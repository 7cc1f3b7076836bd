using Indicators.Data;
using Npgsql;

namespace Indicators.Web.Database;

/// <summary>
/// After a database restart every idle connection in the pool is dead, and the first command on each fails with 57P01
/// (Npgsql cannot know before it tries; it clears the pool once it has seen one). Without this, the first request after
/// a restart was a 500. A GET or HEAD that meets a lost connection before its response has started is run once more on a
/// cleared pool: it changes nothing, so running it again is safe. Any other request is not repeated (it may have written);
/// the pool is cleared and the error goes on to the error page. The second attempt has its own service scope; cookies
/// already issued on the first (an antiforgery cookie, say) are kept, since the second attempt may take them as sent.
/// </summary>
public static class DatabaseReconnect
{
    public static IApplicationBuilder UseDatabaseReconnect(this IApplicationBuilder app)
    {
        var dataSource = app.ApplicationServices.GetRequiredService<NpgsqlDataSource>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseReconnect));
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (DatabaseFaults.IsConnectionLoss(e))
            {
                dataSource.Clear();
                var request = context.Request;
                if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested
                    || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
                {
                    throw;
                }

                logger.LogWarning(e, "{Method} {Path} met a lost database connection; running it again on a new one", request.Method, request.Path);
                var cookies = context.Response.Headers.SetCookie;
                context.Response.Clear();
                context.Response.Headers.SetCookie = cookies;

                // A scope of its own, as the exception handler's re-execution has: the first attempt's scoped services
                // (Blazor's NavigationManager, say) are initialised already and refuse a second request.
                var requestServices = context.RequestServices;
                await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                context.RequestServices = scope.ServiceProvider;
                try
                {
                    await next(context);
                }
                finally
                {
                    context.RequestServices = requestServices;
                }
            }
        });
    }
}
