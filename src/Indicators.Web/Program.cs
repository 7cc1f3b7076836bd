using Indicators.Data;
using Indicators.Ingestion;
using Indicators.Ingestion.Alerts;
using Indicators.Ingestion.Plans;
using Indicators.Ingestion.Health;
using Indicators.Ingestion.Scheduling;
using Hangfire;
using Indicators.Web.Comparison;
using Indicators.Web.Components;
using Indicators.Web.Errors;
using Indicators.Web.PlanCode;
using Indicators.Web.Reports;
using Indicators.Web.Sources;
using Indicators.Web.Database;
using Indicators.Web.Health;
using Indicators.Web.Security;

// "plan export …" and "plan import …": plan as code from a pipeline, then exit (README, "Plan as code").
if (PlanCodeCommand.Handles(args))
{
    return await PlanCodeCommand.RunAsync(args, Console.Out, Console.Error);
}

// "health [url]": a container's healthcheck asks the running app's /health/ready (the runtime image has no curl).
if (HealthProbeCommand.Handles(args))
{
    return await HealthProbeCommand.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);

// `dotnet run` starts in Production (no environment in launchSettings.json), so it gets production error handling.
// Static web assets (blazor.web.js, Plotly's scripts) are then served from the build output all the same, as only
// Development would otherwise do; a published app has them in wwwroot and no build manifest, so this does nothing there.
builder.WebHost.UseStaticWebAssets();

try
{
    // PostgreSQL is the one store: the configured server, or a private cluster started for this app.
    builder.AddIndicatorsDatabase(Indicators.LocalPostgres.LocalPostgresHosting.Start);

    // Scheduled ingestion runs in this process too (and in any number of Indicators.Worker processes).
    builder.AddIndicatorsHangfire();
    builder.AddIndicatorsIngestion();

    // Subscriptions and alerts by e-mail, webhook and the in-app list (README, "Alerts and subscriptions").
    builder.AddIndicatorsAlerts();
    builder.AddIndicatorsPlanRevisions();

    // /health/ready: the database reachable with current migrations, and a Hangfire server alive (here or in a worker).
    builder.AddIndicatorsHealthChecks();

    // Sign-in with local accounts; every page and endpoint requires a role unless it says otherwise.
    builder.AddIndicatorsSecurity();

    // Behind a TLS proxy: the client's address and scheme from the proxies named in ForwardedHeaders (off by default).
    builder.AddIndicatorsForwardedHeaders();

    // Blazor with interactive server rendering: queries run on the server, beside the database.
    // Pages hand what they prerendered to their circuit, and the browser sends that state back when the circuit starts:
    // more than SignalR's 32 KB default for a nämnd's report (see PrerenderedState).
    builder.Services.AddRazorComponents().AddInteractiveServerComponents()
        .AddHubOptions(options => options.MaximumReceiveMessageSize = Indicators.Web.Components.PrerenderedState.MaxMessageBytes);

    // Editing pages record who changed what: the signed-in user and, where the server has it, their address.
    builder.Services.AddHttpContextAccessor();
    builder.Services.AddScoped<Indicators.Web.Components.Editing.CurrentActor>();

    var app = builder.Build();

    // Bring the schema up to date, and load the demo plan into an empty database, before serving anyone.
    await app.Services.PrepareDatabaseAsync();

    // Someone must be able to sign in: the demo users, or a first administrator.
    await app.Services.EnsureAccountsAsync();

    // First: everything after it (error pages, HSTS, cookies, the audit log) sees the client's real address and scheme.
    app.UseIndicatorsForwardedHeaders();

    // A failing request shows the Swedish error page in every environment. The developer exception page (stack, source
    // paths, request headers) only for a developer who asks for it with DetailedErrors=true, which also sends a circuit's
    // exceptions to the browser.
    if (app.Configuration.GetValue<bool>(WebHostDefaults.DetailedErrorsKey))
    {
        app.UseDeveloperExceptionPage();
    }
    else
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/fel",
            CreateScopeForErrors = true,
            // A request the sender got wrong (a form without a valid antiforgery token, say) is a 4xx, not a server error.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
    }

    // Browsers keep to https once they have seen it over https (never sent for localhost or over plain http).
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();
    }

    app.UseSecurityHeaders();
    // A query string with a control character gets a Swedish 400 before any page or endpoint sees it.
    app.UseQueryStringGuard();
    // After a database restart, a GET that meets a dead pooled connection is run again on a new one instead of failing.
    app.UseDatabaseReconnect();
    app.UseStatusCodePagesWithReExecute("/hittades-inte", createScopeForStatusCodePages: true);
    // Error pages are shown as GETs, whatever the failed request was (see ErrorPageRequests).
    app.UseErrorPagesAsGets();
    app.UseAuthentication();
    app.UseAuthorization();
    // A one-time password is changed before anything else (an administrator reset it).
    app.UsePasswordChangeGate();
    // A user limited to some organisations meets 404 on anything of another's reached by id (OwnedBy on the page).
    app.UseOrganisationGate();
    // Limits on sign-in attempts per address (SignInLimits); the endpoint adds its own per account.
    app.UseRateLimiter();
    app.UseAntiforgery();

    // Scripts and styles are public: the sign-in page needs them too.
    app.MapStaticAssets().AllowAnonymous();
    app.MapHealth();
    app.MapSignIn();
    app.MapSources();
    Indicators.Web.Comparison.ComparisonMatchEndpoints.MapComparisonMatches(app);
    app.MapPlanCode();
    app.MapReportExports();
    app.MapComparisonExports();
    Indicators.Web.Admin.AuditLogCsvEndpoint.MapAuditLogCsv(app);
    app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Administer, "/hangfire", new DashboardOptions { AppPath = "/", DashboardTitle = "Indicators – Hangfire" })
        .WithMetadata(new InstallationWideAttribute());
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

    await app.RunAsync();
    return 0;
}
catch (DatabaseStartupException e)
{
    // A message for the person starting the app, not a stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
