using Indicators.Benchmarks;

// One program, one mode per benchmark: `dotnet run -c Release --project tests/Indicators.Benchmarks -- ingest`.
return args.FirstOrDefault() switch
{
    "ingest" => await BenchmarkRun.RunAsync(args[1..], IngestBenchmark.RunAsync),
    "dashboard" => await BenchmarkRun.RunAsync(args[1..], DashboardBenchmark.RunAsync),
    "forecast" => await BenchmarkRun.RunAsync(args[1..], ForecastBenchmark.RunAsync),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project tests/Indicators.Benchmarks -- <mode> [--ConnectionStrings:Indicators=...]

        Modes:
          ingest     Kolada dump (via a local HTTP replay) and CSV file through the real ingestion path,
                     against raw binary COPY of the same rows; last line: ingest/copy time ratio: R
          dashboard  A plan of 200 indicators × 22 areas × 3 genders × 15 years among 5 000 000 further outcomes;
                     the web app on Kestrel in this process: overview and indicator page against their SQL, p50 and p90;
                     last line: overview p50 ms: X; indicator p50 ms: Y
          forecast   The forecast rule (method chosen by backtests) against the naive last-value forecast on every
                     demo series and on generated series of known shapes (no database);
                     last line: forecast/naive MAE ratio: R

        Without a connection string (ConnectionStrings__Indicators or --ConnectionStrings:Indicators=)
        a throwaway PostgreSQL cluster is started under /var/tmp and removed at the end.
        """);
    return 2;
}
