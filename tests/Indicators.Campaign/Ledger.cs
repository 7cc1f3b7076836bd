using System.Collections.Concurrent;
using System.Globalization;

namespace Indicators.Campaign;

/// <summary>What the campaign found, counted as its last line counts it, with enough detail to reproduce each failure.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>partial</b>: a source's stored outcomes after a step are neither what was there before nor the complete
/// result of the step's data; or outcomes or read-marked files belong to a run that did not succeed; or an outcome's
/// revision history has gaps.</item>
/// <item><b>lost</b>: an outcome that was stored before a step is gone after it.</item>
/// <item><b>stuck</b>: a run still <c>running</c> 60 s after its process died or its database came back.</item>
/// <item><b>crashes</b>: a process (web, worker, parser host, the web app's command line) that ended without being
/// told to.</item>
/// <item><b>server errors</b>: 5xx answers, unhandled exceptions in a process's log, and parser exceptions of a type
/// the calling code does not handle (a 500 in the web app, an English technical message on a run).</item>
/// </list>
/// Notes are observations that break no invariant of the last line (a misleading message, a retry that did not heal).
/// </remarks>
public sealed class Ledger(int seed)
{
    readonly ConcurrentQueue<string> failures = new();
    readonly ConcurrentQueue<string> notes = new();
    readonly Lock console = new();
    int partial;
    int lost;
    int stuck;
    int crashes;
    int serverErrors;

    public int Seed => seed;

    public int Partial => Volatile.Read(ref partial);

    public int Lost => Volatile.Read(ref lost);

    public int Stuck => Volatile.Read(ref stuck);

    public int Crashes => Volatile.Read(ref crashes);

    public int ServerErrors => Volatile.Read(ref serverErrors);

    public IReadOnlyCollection<string> Failures => failures;

    public IReadOnlyCollection<string> Notes => notes;

    public void CountPartial(string step, string detail) => Record(ref partial, "partial", step, detail);

    public void CountLost(string step, string detail) => Record(ref lost, "lost", step, detail);

    public void CountStuck(string step, string detail) => Record(ref stuck, "stuck", step, detail);

    public void CountCrash(string step, string detail, bool print = true) => Record(ref crashes, "crash", step, detail, print);

    public void CountServerError(string step, string detail, bool print = true) => Record(ref serverErrors, "server error", step, detail, print);

    public void Note(string step, string detail)
    {
        var line = $"note [{step}]: {detail}";
        notes.Enqueue(line);
        Print("  " + line);
    }

    /// <summary>A line as it happens, never interleaved with another.</summary>
    public void Print(string line)
    {
        lock (console)
        {
            Console.WriteLine(line);
        }
    }

    // print: false for the many failures of one kind a phase summarises itself (all are kept for the log).
    void Record(ref int counter, string what, string step, string detail, bool print = true)
    {
        var n = Interlocked.Increment(ref counter);
        var line = string.Create(CultureInfo.InvariantCulture, $"FAILED {what} #{n} [{step}] (seed {seed}): {detail}");
        failures.Enqueue(line);
        if (print)
        {
            Print("  " + line);
        }
    }

    public bool Clean => Partial + Lost + Stuck + Crashes + ServerErrors == 0;

    public string LastLine(long runs) => string.Create(CultureInfo.InvariantCulture,
        $"runs: {runs}, partial: {Partial}, lost: {Lost}, stuck: {Stuck}, crashes: {Crashes}, server errors: {ServerErrors}");
}
