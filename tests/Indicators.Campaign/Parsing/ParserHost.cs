using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Indicators.Data.Audit;
using Indicators.Data.PlanCode;
using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Sources.Kolada;
using Indicators.Ingestion.Sources.PxWeb;
using Indicators.TestSupport.Hostile;
using Indicators.Web.Sources;
using Npgsql;

namespace Indicators.Campaign.Parsing;

/// <summary>One input for the parser host.</summary>
public sealed record ParseRequest(int Number, string Kind, string Name, string Content);

/// <summary>
/// What became of it: "ok" (read, rows rejected with reasons perhaps), "refused" (the product's own refusal, with its
/// message), or "unhandled" (an exception the calling code does not catch: a 500 in the web app, a run that fails with
/// an English technical message, a crashed circuit).
/// </summary>
public sealed record ParseResult(int Number, string Outcome, string Detail, long Milliseconds);

/// <summary>
/// The child process hostile files and documents go through: the same entry points the web app and the runner call —
/// an upload's check and store (<see cref="SourceFiles.StoreUploadAsync"/>), a run's read of a file
/// (<see cref="FileSourceReader.ReadSampleAsync"/>), a plan document's dry-run import (<see cref="PlanImporter"/>), a
/// source's settings as the runner reads them and as the edit page fills its form (<see cref="SourceForm.From"/>).
/// An input that overflows the stack or the heap ends this process, not the campaign. One JSON line in, one out.
/// </summary>
public static class ParserHost
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Indicators")
            ?? throw new InvalidOperationException("ConnectionStrings__Indicators is not set.");
        var fuzzSource = int.Parse(Environment.GetEnvironmentVariable("Campaign__FuzzFileSource") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var root = Environment.GetEnvironmentVariable("Sources__Files__Root") ?? Path.GetTempPath();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var sources = new SourceQueries(dataSource);
        var options = new FileSourceOptions(root, TimeSpan.Zero, FileSourceOptions.DefaultMaxUploadBytes);
        var files = new SourceFiles(dataSource, options);
        var roots = new FileRoots(options);
        var reader = new FileSourceReader(sources, files, roots, TimeProvider.System);
        var fileSource = await sources.FindAsync(fuzzSource) ?? throw new InvalidOperationException($"Source {fuzzSource} does not exist.");
        var fileIndicators = await sources.IndicatorsOfAsync(fuzzSource);
        var importer = new PlanImporter(dataSource, CronSchedule.Check, roots.Check, SourceSettingsShape.Check);

        await output.WriteLineAsync("ready");
        await output.FlushAsync();
        while (await input.ReadLineAsync() is { } line)
        {
            var request = JsonSerializer.Deserialize<ParseRequest>(line, Json)!;
            var content = Convert.FromBase64String(request.Content);
            var clock = Stopwatch.StartNew();
            var (outcome, detail) = request.Kind switch
            {
                "csv" or "xlsx" => await FileAsync(dataSource, files, reader, fileSource, fileIndicators, request.Name, content),
                "planyaml" => await PlanAsync(importer, content),
                "sourcesettings" => Settings(request.Name, Encoding.UTF8.GetString(content), root),
                _ => ("unhandled", $"unknown kind {request.Kind}"),
            };
            await output.WriteLineAsync(JsonSerializer.Serialize(new ParseResult(request.Number, outcome, Trim(detail), clock.ElapsedMilliseconds), Json));
            await output.FlushAsync();
        }

        return 0;
    }

    static async Task<(string, string)> FileAsync(
        NpgsqlDataSource dataSource, SourceFiles files, FileSourceReader reader, SourceDefinition source, IReadOnlyList<SourceIndicator> indicators, string name, byte[] content)
    {
        var results = new List<(string Outcome, string Detail)>();
        try
        {
            await using var stream = new MemoryStream(content, writable: false);
            var stored = await files.StoreUploadAsync(source.Id, name, stream, "kampanj", CancellationToken.None);
            // Gone again, so that the next document's upload is read alone.
            await using (var delete = dataSource.CreateCommand("delete from source_file where id = $1"))
            {
                delete.Parameters.AddWithValue(stored.Id);
                await delete.ExecuteNonQueryAsync();
            }

            results.Add(("ok", "upload accepted"));
        }
        catch (SourceFileRejectedException e)
        {
            results.Add(("refused", "upload: " + e.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException and not InsufficientExecutionStackException)
        {
            results.Add(("unhandled", $"upload (the endpoint answers 500): {e.GetType().Name}: {e.Message}"));
        }
        catch (Exception e)
        {
            results.Add(("unhandled", $"upload (the endpoint answers 500): {e.GetType().Name}"));
        }

        try
        {
            var read = await reader.ReadSampleAsync(source, indicators, new SourceSample(name, content), CancellationToken.None);
            results.Add(("ok", $"run: {read.Rows.Count} rows, {read.Rejected.Count} rejected"));
        }
        catch (SourceReadException e)
        {
            results.Add(("refused", "run: " + e.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            results.Add(("unhandled", $"run (fails as 'Körningen misslyckades: {e.GetType().Name}'): {e.Message}"));
        }
        catch (OutOfMemoryException)
        {
            results.Add(("unhandled", "run: OutOfMemoryException"));
        }

        return Combine(results);
    }

    static async Task<(string, string)> PlanAsync(PlanImporter importer, byte[] content)
    {
        // As the import page reads an uploaded file: UTF-8 with the replacement character for bad bytes.
        string text;
        using (var decoder = new StreamReader(new MemoryStream(content), Encoding.UTF8))
        {
            text = await decoder.ReadToEndAsync();
        }

        try
        {
            var result = await importer.ImportAsync(text, new Actor("kampanj", null), dryRun: true);
            return result.Succeeded
                ? ("ok", $"valid: {result.Changes.Count} changes")
                : ("refused", string.Join("; ", result.Errors.Take(3).Select(e => $"{e.Line}:{e.Column}: {e.Message}")));
        }
        catch (Exception e)
        {
            return ("unhandled", $"plan import (the page's circuit crashes): {e.GetType().Name}: {e.Message}");
        }
    }

    static (string, string) Settings(string kind, string json, string root)
    {
        var results = new List<(string Outcome, string Detail)>();
        void Try(string what, Action action, bool sourceReadIsHandled = true)
        {
            try
            {
                action();
                results.Add(("ok", what));
            }
            catch (SourceReadException e) when (sourceReadIsHandled)
            {
                results.Add(("refused", $"{what}: {e.Message}"));
            }
            catch (Exception e)
            {
                results.Add(("unhandled", $"{what}: {e.GetType().Name}: {e.Message}"));
            }
        }

        // As the runner reads them (a SourceReadException fails the run with its Swedish message).
        switch (kind)
        {
            case "kolada":
                Try("run reads Kolada settings", () => KoladaSettings.Parse(json, "Fientlig källa"));
                break;
            case "pxweb":
                Try("run reads SCB settings", () => PxWebSettings.Parse(json, "Fientlig källa").ToQuery("Fientlig källa", ["X01"]));
                break;
            default:
                Try("run reads file settings", () =>
                {
                    var settings = FileSourceSettings.Parse(json, "Fientlig källa");
                    if (!string.IsNullOrWhiteSpace(settings.Folder))
                    {
                        _ = new FileRoots(new FileSourceOptions(root, TimeSpan.Zero, FileSourceOptions.DefaultMaxUploadBytes)).Resolve(settings.Folder.Trim(), "Fientlig källa");
                    }
                    _ = settings.RequiredColumns();
                    _ = settings.Patterns;
                });
                break;
        }

        // As the edit page fills its form from a stored source; it catches nothing, so any exception is a 500. Only what
        // the product stores: a JSON object (SourceDraft's rule, for the form and the plan import alike).
        if (HostileSettings.IsStorable(json))
        {
            Try("edit page reads stored settings", () => SourceForm.From(new SourceForEdit(
                new SourceDefinition(1, "Fientlig källa", kind, "0 6 * * *", null, "Europe/Stockholm", true, json, false), [], "1")), sourceReadIsHandled: false);
        }

        return Combine(results);
    }

    static (string, string) Combine(List<(string Outcome, string Detail)> results)
    {
        var worst = results.Any(r => r.Outcome == "unhandled") ? "unhandled" : results.Any(r => r.Outcome == "refused") ? "refused" : "ok";
        return (worst, string.Join(" | ", results.Where(r => r.Outcome == worst).Select(r => r.Detail)));
    }

    static string Trim(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 600 ? line[..600] + "…" : line;
    }
}
