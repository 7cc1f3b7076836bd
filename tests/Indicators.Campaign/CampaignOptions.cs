using System.Globalization;
using Indicators.TestSupport.Hostile;
using Microsoft.Extensions.Configuration;

namespace Indicators.Campaign;

/// <summary>What a campaign does, from the command line: the seed and how many of each fault.</summary>
/// <param name="Seed">Makes every random choice and every hostile input; printed first, so a run can be repeated.</param>
/// <param name="Kills">SIGKILLs of the process doing a run (at least 50).</param>
/// <param name="Restarts">PostgreSQL restarts mid-run (at least 10).</param>
/// <param name="Inputs">Hostile inputs through the parsers and endpoints (at least 10 000), shared out by class.</param>
/// <param name="HostileRuns">Hostile files and settings run by a real worker, one run each.</param>
/// <param name="Workers">Worker processes running at once.</param>
/// <param name="WebPort">The web app's port (loopback).</param>
public sealed record CampaignOptions(int Seed, int Kills, int Restarts, int Inputs, int HostileRuns, int Workers, int WebPort)
{
    /// <summary>The share of hostile inputs per class (they sum to 1).</summary>
    public static readonly IReadOnlyDictionary<HostileKind, double> Shares = new Dictionary<HostileKind, double>
    {
        [HostileKind.Csv] = 0.20,
        [HostileKind.Xlsx] = 0.12,
        [HostileKind.PlanYaml] = 0.20,
        [HostileKind.SourceSettings] = 0.15,
        [HostileKind.QueryString] = 0.24,
        [HostileKind.FormField] = 0.09,
    };

    public int Count(HostileKind kind) => (int)Math.Ceiling(Inputs * Shares[kind]);

    public static CampaignOptions Parse(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(args, new Dictionary<string, string>
        {
            ["--seed"] = "seed", ["--kills"] = "kills", ["--restarts"] = "restarts", ["--inputs"] = "inputs",
            ["--hostile-runs"] = "hostileRuns", ["--workers"] = "workers", ["--port"] = "port",
        }).Build();
        return new CampaignOptions(
            configuration.GetValue("seed", Environment.TickCount & 0xFFFF),
            configuration.GetValue("kills", 50),
            configuration.GetValue("restarts", 10),
            configuration.GetValue("inputs", 10_000),
            configuration.GetValue("hostileRuns", 24),
            configuration.GetValue("workers", 2),
            configuration.GetValue("port", 5107));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}, {Kills} kills, {Restarts} PostgreSQL restarts, {Inputs} hostile inputs, {HostileRuns} hostile runs, {Workers} workers, web on port {WebPort}");

    public static int Usage()
    {
        Console.Error.WriteLine("""
            Usage: dotnet run -c Release --project tests/Indicators.Campaign -- [--seed N] [--kills 50] [--restarts 10]
                       [--inputs 10000] [--hostile-runs 24] [--workers 2] [--port 5107]
                   dotnet run --project tests/Indicators.Campaign -- replay --seed N --input csv#123 [--out file]

            Starts its own PostgreSQL cluster (under /var/tmp), the web app and worker processes, and Kolada and SCB PxWeb
            stubs on 127.0.0.1; kills runs, restarts the database, injects source faults and feeds hostile inputs.
            Last line: runs: N, partial: 0, lost: 0, stuck: 0, crashes: 0, server errors: 0 (exit code 1 unless all zero).
            """);
        return 2;
    }

    /// <summary>Writes one hostile input to a file (or prints a request), as the campaign made it.</summary>
    public static int Replay(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(args, new Dictionary<string, string>
        {
            ["--seed"] = "seed", ["--input"] = "input", ["--out"] = "out",
        }).Build();
        var id = configuration["input"];
        if (id?.Split('#') is not [var kindName, var numberText] || !Enum.TryParse<HostileKind>(kindName, ignoreCase: true, out var kind)
            || !int.TryParse(numberText, CultureInfo.InvariantCulture, out var number) || configuration["seed"] is null)
        {
            return Usage();
        }

        var input = HostileInputs.Generate(configuration.GetValue<int>("seed"), kind, number);
        Console.WriteLine($"{input} seed {configuration["seed"]}: {input.Name}");
        if (input.Request is { } request)
        {
            Console.WriteLine($"{request.Method} {request.Target} as {request.Session}, token {request.Token}");
            foreach (var (name, value) in request.Fields)
            {
                Console.WriteLine($"  {name} = {SettingsPreview(value)}");
            }

            if (request.File is { } file)
            {
                Console.WriteLine($"  file '{file.FileName}', {file.Content.Length:N0} bytes");
            }
        }

        var path = configuration["out"] ?? Path.Combine(Directory.GetCurrentDirectory(), input.Kind == HostileKind.SourceSettings ? $"{input.Id.Replace('#', '-')}.json" : input.Name.Length > 0 && input.Request is null ? input.Name : $"{input.Id.Replace('#', '-')}.txt");
        File.WriteAllBytes(path, input.Request?.File?.Content ?? input.Content);
        Console.WriteLine($"written to {path}");
        return 0;
    }

    static string SettingsPreview(string value) => HostileSettings.Preview(value);
}
