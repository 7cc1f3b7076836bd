using Indicators.Data;
using Indicators.Data.Audit;
using Indicators.Data.PlanCode;
using Indicators.Ingestion;
using Indicators.Ingestion.Scheduling;

namespace Indicators.Web.PlanCode;

/// <summary>
/// Plan as code from a pipeline, against the configured database (ConnectionStrings:Indicators; never an embedded one):
/// <c>plan export --plan "Regionplan 2025–2027" &gt; plan.yaml</c> and <c>plan import plan.yaml [--dry-run]</c>.
/// The document goes to standard output; everything else (logs, errors as file:line:column: reason) to standard error.
/// </summary>
public static class PlanCodeCommand
{
    const string Usage = """
        Användning / usage:
          plan export --plan "<planens namn>" > plan.yaml
          plan export --id <plan-id> > plan.yaml
          plan import <fil.yaml|fil.json|-> [--dry-run]
        """;

    public static bool Handles(string[] args) => args is ["plan", ..];

    /// <returns>0 when done, 1 when the document or plan was refused, 2 for a wrong command line.</returns>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null, TextReader? input = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Standard output carries the document alone: logs go to standard error, and no Hangfire server starts.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Hangfire:Server:Enabled"] = "false";
        try
        {
            builder.AddIndicatorsDatabase();
        }
        catch (DatabaseStartupException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        builder.AddIndicatorsHangfire();
        builder.AddIndicatorsIngestion();
        await using var app = builder.Build();
        await app.Services.PrepareDatabaseAsync();

        switch (args)
        {
            case ["plan", "export", "--plan", var name]:
                return await ExportAsync(app.Services, await app.Services.GetRequiredService<PlanExporter>().FindByNameAsync(name), name, output, error);
            case ["plan", "export", "--id", var id] when int.TryParse(id, out var planId):
                return await ExportAsync(app.Services, planId, id, output, error);
            case ["plan", "import", var file, .. var rest] when rest is [] or ["--dry-run"]:
                return await ImportAsync(app.Services, file, rest is ["--dry-run"], output, error, input ?? Console.In);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    static async Task<int> ExportAsync(IServiceProvider services, int? planId, string asked, TextWriter output, TextWriter error)
    {
        if (planId is null || await services.GetRequiredService<PlanExporter>().ExportAsync(planId.Value) is not { } yaml)
        {
            await error.WriteLineAsync($"Det finns ingen plan '{asked}'.");
            return 1;
        }

        await output.WriteAsync(yaml);
        return 0;
    }

    static async Task<string> ReadLimitedAsync(string file)
    {
        using var reader = new StreamReader(file, System.Text.Encoding.UTF8);
        return await ReadLimitedAsync(reader);
    }

    /// <summary>
    /// At most one character more than a document may have bytes, so a huge file or an endless input is never read whole;
    /// the import then refuses the document at the place it passes <see cref="PlanDocumentLimits.MaxBytes"/>.
    /// </summary>
    static async Task<string> ReadLimitedAsync(TextReader reader)
    {
        var buffer = new char[PlanDocumentLimits.MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length))) > 0)
        {
            length += read;
        }

        return new string(buffer, 0, length);
    }

    static async Task<int> ImportAsync(IServiceProvider services, string file, bool dryRun, TextWriter output, TextWriter error, TextReader input)
    {
        string text;
        try
        {
            text = file == "-" ? await ReadLimitedAsync(input) : await ReadLimitedAsync(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{file}: Filen kan inte läsas: {e.Message}");
            return 2;
        }

        var result = await services.GetRequiredService<SourceSaving>()
            .ImportPlanAsync(text, new Actor($"{Environment.UserName} (kommandorad)", null), dryRun);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                await error.WriteLineAsync($"{file}:{e.Line}:{e.Column}: {e.Message}");
            }

            await error.WriteLineAsync($"Dokumentet importerades inte ({result.Errors.Count} fel); ingenting har sparats.");
            return 1;
        }

        foreach (var change in result.Changes)
        {
            await output.WriteLineAsync($"{change.Action} {change.Entity} {change.Key}");
        }

        await output.WriteLineAsync(
            $"{(dryRun ? "Kontroll (ingenting sparat)" : "Importerad")}: {result.PlanName}: {result.Count("create")} skapade, {result.Count("update")} ändrade, {result.Count("delete")} borttagna.");
        return 0;
    }
}
