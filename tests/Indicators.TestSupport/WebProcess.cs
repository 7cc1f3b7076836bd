using System.Diagnostics;

namespace Indicators.TestSupport;

/// <summary>
/// The web app as an operator starts it: its own process from its build output, in Production (the error page, not the
/// developer page), against a given database, with settings as environment variables (Section__Key).
/// </summary>
public static class WebProcess
{
    /// <summary>
    /// How to start the built Indicators.Web on <paramref name="url"/> (http://127.0.0.1:port). Its content root is its
    /// project folder, as with <c>dotnet run</c>. No Hangfire server and no folder polling unless the settings ask for them.
    /// </summary>
    public static ProcessStartInfo StartInfo(string connectionString, string url, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = Command(connectionString, environment, "--urls", url);
        start.Environment.TryAdd("Hangfire__Server__Enabled", "false");
        start.Environment.TryAdd("Sources__Files__PollInterval", "00:00:00");
        start.Environment.TryAdd("DemoPlan__Enabled", "false");
        return start;
    }

    /// <summary>The web app's command line (<c>plan import - --dry-run</c>, …) against a database.</summary>
    public static ProcessStartInfo Command(string connectionString, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var dll = WorkerProcess.BuiltDll("Indicators.Web");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // bin/Debug/net10.0 → the project folder.
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "..", "..", "..")),
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__Indicators"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
