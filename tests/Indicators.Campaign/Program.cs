using Indicators.Campaign;
using Indicators.Campaign.Parsing;

// The fault campaign (README, "Fault campaign"): `dotnet run -c Release --project tests/Indicators.Campaign -- --seed 15`.
// "parse-host" is the child process the campaign feeds hostile files and documents through; "replay" writes one
// hostile input to a file, to reproduce a failure the campaign reported.
return args.FirstOrDefault() switch
{
    "parse-host" => await ParserHost.RunAsync(Console.In, Console.Out),
    "replay" => CampaignOptions.Replay(args[1..]),
    "--help" or "-h" or "help" => CampaignOptions.Usage(),
    _ => await CampaignRun.RunAsync(args is ["run", .. var rest] ? rest : args),
};
