using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Indicators.Campaign.Parsing;
using Indicators.Campaign.Processes;
using Indicators.Campaign.Web;
using Indicators.Campaign.World;
using Indicators.TestSupport;
using Indicators.TestSupport.Hostile;

namespace Indicators.Campaign.Phases;

/// <summary>
/// Feeds the seeded hostile inputs through the product: files, plan documents and settings through the parser host (the
/// upload check, the run's read, the plan import, the settings as runner and edit page read them), query strings and
/// form posts to the web app over HTTP, and one document of each plan strategy to the web app's own
/// <c>plan import - --dry-run</c>. Each failure names the input (class#number), its strategy and the seed; the first
/// three of each kind of failure are printed, the rest counted.
/// </summary>
public sealed class HostilePhase(CampaignContext context)
{
    static readonly TimeSpan ParseTimeout = TimeSpan.FromSeconds(20);
    static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    readonly ConcurrentDictionary<string, int> printed = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, (int Count, string First)> groups = new(StringComparer.Ordinal);
    int fed;

    public int Fed => Volatile.Read(ref fed);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ParsersAsync(cancellationToken), RequestsAsync(cancellationToken), CommandAsync(cancellationToken));
        context.Ledger.Print(string.Create(CultureInfo.InvariantCulture, $"hostile inputs: {Fed} fed, {clock.Elapsed.TotalSeconds:0} s"));
        foreach (var (signature, (count, first)) in groups.OrderByDescending(g => g.Value.Count))
        {
            context.Ledger.Print(string.Create(CultureInfo.InvariantCulture, $"  {count,5} × {signature}; first: {first}"));
        }
    }

    /// <summary>Counts a failure, printing the first three of its kind.</summary>
    void Fail(string outcome, HostileInput input, string detail)
    {
        var signature = $"{outcome} {input.Strategy}: {Signature(detail)}";
        groups.AddOrUpdate(signature, (1, input.Id), (_, g) => (g.Count + 1, g.First));
        var print = printed.AddOrUpdate(signature, 1, (_, n) => n + 1) <= 3;
        var step = $"hostile {input}";
        var text = $"{detail} — reproduce: replay --seed {context.Options.Seed} --input {input.Id}";
        if (outcome == "crash")
        {
            context.Ledger.CountCrash(step, text, print);
        }
        else
        {
            context.Ledger.CountServerError(step, text, print);
        }
    }

    /// <summary>The detail without what varies from input to input (numbers, names), to group alike failures.</summary>
    static string Signature(string detail)
    {
        var text = detail.Split(':').Take(3).Aggregate((a, b) => a + ":" + b);
        var builder = new StringBuilder();
        foreach (var c in text.Length > 110 ? text[..110] : text)
        {
            builder.Append(char.IsDigit(c) ? '#' : c);
        }

        return builder.ToString();
    }

    async Task ParsersAsync(CancellationToken cancellationToken)
    {
        await using var client = new ParserHostClient(context.ConnectionString, context.FuzzFiles.Id, context.FilesRoot, context.LogFolder);
        foreach (var kind in new[] { HostileKind.SourceSettings, HostileKind.Csv, HostileKind.PlanYaml, HostileKind.Xlsx })
        {
            var clock = Stopwatch.StartNew();
            var tally = new Dictionary<string, int>(StringComparer.Ordinal);
            var times = new List<(long Milliseconds, string Id)>();
            var count = context.Options.Count(kind);
            for (var number = 0; number < count; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var input = HostileInputs.Generate(context.Options.Seed, kind, number);
                var result = await client.ParseAsync(input, ParseTimeout);
                times.Add((result.Milliseconds, input.Id));
                Interlocked.Increment(ref fed);
                tally[result.Outcome] = tally.GetValueOrDefault(result.Outcome) + 1;
                switch (result.Outcome)
                {
                    case "unhandled":
                        Fail("unhandled", input, result.Detail);
                        break;
                    case "crash":
                        Fail("crash", input, result.Detail);
                        break;
                    case "timeout":
                        Fail("hang", input, $"the parser did not answer within {ParseTimeout.TotalSeconds:0} s (a request or a run would hang as long)");
                        break;
                    default:
                        break;
                }
            }

            var sorted = times.OrderBy(t => t.Milliseconds).ToList();
            context.Ledger.Print(string.Create(CultureInfo.InvariantCulture,
                $"  parsers, {kind}: {count} inputs ({string.Join(", ", tally.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value}"))}), {clock.Elapsed.TotalSeconds:0} s; per input p50 {(sorted.Count == 0 ? 0 : sorted[sorted.Count / 2].Milliseconds)} ms, slowest {(sorted.Count == 0 ? "" : $"{sorted[^1].Id} {sorted[^1].Milliseconds} ms")}"));
        }

        context.Ledger.Print(string.Create(CultureInfo.InvariantCulture, $"  parsers: {client.Started} parser host processes started"));
    }

    async Task RequestsAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(new[] { HostileKind.QueryString, HostileKind.FormField }.Select(kind => Task.Run(async () =>
        {
            // Sessions of their own, per class: this runs beside the other phases, and a request of one class must not
            // change the cookies (and so the antiforgery token) another class's request is sent with.
            WebSession Session(string? user) => new(context.Fleet.WebRoot, user, context.Ledger, () => "hostile requests", RequestTimeout);
            using var anonymous = Session(null);
            using var throwaway = Session(CampaignDatabase.ThrowawayUser);
            using var analyst = Session(CampaignDatabase.AnalystUser);
            using var admin = Session(CampaignDatabase.AdminUser);
            foreach (var session in new[] { anonymous, throwaway, analyst, admin })
            {
                await session.SignInAsync(cancellationToken);
            }

            var clock = Stopwatch.StartNew();
            var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
            var count = context.Options.Count(kind);
            for (var number = 0; number < count; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var input = HostileInputs.Generate(context.Options.Seed, kind, number);
                var request = input.Request!;
                var session = request.Session switch
                {
                    "admin" => admin,
                    "analyst" => analyst,
                    "throwaway" => throwaway,
                    _ => anonymous,
                };
                string status;
                try
                {
                    using var message = session.Build(request, context.Pages);
                    using var response = await Send(session, message, input, cancellationToken);
                    status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                    if (request.File is { } file && response.Headers.Location is { } location && location.OriginalString.Length > 8_000)
                    {
                        context.Ledger.Note($"hostile {input}", string.Create(CultureInfo.InvariantCulture,
                            $"the upload of '{Preview(file.FileName)}' answered a redirect of {location.OriginalString.Length:N0} characters (its page cannot be fetched)"));
                    }
                }
                catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
                {
                    // The client itself would not send it (a header with a line break, say): nothing reached the app.
                    status = "not sent";
                }
                catch (HttpRequestException e)
                {
                    status = "no answer";
                    Fail("no answer", input, $"the web app gave no answer: {e.Message}");
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    status = "timeout";
                    Fail("hang", input, $"the web app did not answer within {RequestTimeout.TotalSeconds:0} s");
                }

                if (status != "not sent")
                {
                    Interlocked.Increment(ref fed);
                }

                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }

            context.Ledger.Print(string.Create(CultureInfo.InvariantCulture,
                $"  web app, {kind}: {count} requests ({string.Join(", ", statuses.OrderBy(t => t.Key).Select(t => $"{t.Key}: {t.Value}"))}), {clock.Elapsed.TotalSeconds:0} s"));
        }, cancellationToken)));
    }

    async Task<HttpResponseMessage> Send(WebSession session, HttpRequestMessage message, HostileInput input, CancellationToken cancellationToken)
    {
        var response = await session.SendAsync(message, $"hostile {input} ({input.Name})", cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            // Counted by the session (with its own line); grouped here for the summary.
            groups.AddOrUpdate($"{(int)response.StatusCode} {input.Strategy} on {Path(input)}", (1, input.Id), (_, g) => (g.Count + 1, g.First));
        }

        return response;
    }

    static string Path(HostileInput input)
    {
        var target = input.Request!.Target;
        var end = target.IndexOfAny(['?', '%']);
        return end < 0 ? target : target[..end];
    }

    static string Preview(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>One document of each plan strategy through the web app's own command line, its own process each.</summary>
    async Task CommandAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var number = 0; number < 15; number++)
        {
            var input = HostileInputs.Generate(context.Options.Seed, HostileKind.PlanYaml, number);
            var start = WebProcess.Command(context.ConnectionString, new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x60000000" }, "plan", "import", "-", "--dry-run");
            var process = AppProcess.Start("plan-command", start, System.IO.Path.Combine(context.LogFolder, "plan-command.log"), null, null);
            try
            {
                await process.WriteBytesAsync(input.Content);
            }
            catch (IOException)
            {
                // It ended before reading everything: its exit code says how.
            }

            string outcome;
            if (await Task.WhenAny(process.Exited, Task.Delay(TimeSpan.FromSeconds(90), cancellationToken)) != process.Exited)
            {
                process.Kill();
                outcome = "timeout";
                Fail("hang", input, "`plan import - --dry-run` did not end within 90 s");
            }
            else
            {
                var code = await process.Exited;
                outcome = code switch { 0 => "valid", 1 => "refused", _ => "crash" };
                if (code is not 0 and not 1)
                {
                    Fail("crash", input, $"`Indicators.Web plan import - --dry-run` ended with exit code {code}: {string.Join(" | ", process.Tail.Split('\n').Where(l => l.Length > 0).Take(3))}");
                }
            }

            Interlocked.Increment(ref fed);
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
            await process.DisposeAsync();
        }

        context.Ledger.Print(string.Create(CultureInfo.InvariantCulture,
            $"  web app's plan import command: 15 documents, one per strategy ({string.Join(", ", tally.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value}"))}), {clock.Elapsed.TotalSeconds:0} s"));
    }
}
