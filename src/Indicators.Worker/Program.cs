using Indicators.Data;
using Indicators.Ingestion;
using Indicators.Ingestion.Alerts;
using Indicators.Ingestion.Plans;
using Indicators.Ingestion.Scheduling;
using Indicators.Worker;

// A headless Hangfire server: the same jobs as the web app, against the same database, for scale-out.

// "health": a container's healthcheck (the worker serves no HTTP): database, migrations and this machine's Hangfire server.
if (HealthCommand.Handles(args))
{
    try
    {
        return await HealthCommand.RunAsync(args, Console.Out);
    }
    catch (DatabaseStartupException e)
    {
        await Console.Out.WriteLineAsync($"Unhealthy\n{e.Message}");
        return 1;
    }
}

var builder = Host.CreateApplicationBuilder(args);

try
{
    // The worker joins the web app's database; it never starts a private one.
    builder.AddIndicatorsDatabase();

    // Jobs come from Hangfire's queues in PostgreSQL.
    builder.AddIndicatorsHangfire();
    builder.AddIndicatorsIngestion();
    builder.AddIndicatorsAlerts();
    builder.AddIndicatorsPlanRevisions();

    using var host = builder.Build();

    // Whichever process starts first applies the migrations; the advisory lock makes the others wait.
    await host.Services.PrepareDatabaseAsync();
    await host.RunAsync();
    return 0;
}
catch (DatabaseStartupException e)
{
    // A message for the person starting the worker, not a stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
