using Indicators.Campaign.Parsing;
using Indicators.Campaign.World;
using Indicators.TestSupport;
using Indicators.TestSupport.Hostile;
using Npgsql;

namespace Indicators.Campaign.Tests;

/// <summary>
/// The fault campaign's parser fuzzing, in short: the first 50 seeded hostile inputs of each class (every strategy of
/// the class at least once) through the campaign's parser host — a process of its own, since some inputs overflow the
/// stack — each read or refused by the product's own rules; none may crash the process, escape as an exception the
/// caller does not handle, or take more than ten seconds. The whole campaign feeds 10 000 (README, "Fault campaign").
/// </summary>
public class ParserFuzzSliceTests(ParserFuzzSliceTests.ParserHost host) : IClassFixture<ParserFuzzSliceTests.ParserHost>
{
    const int Seed = 15;
    const int PerClass = 50;

    /// <summary>One database with the file source uploads go to, and one parser host process for every class.</summary>
    public sealed class ParserHost : IAsyncLifetime
    {
        readonly TestFolder folder = new();

        public ParserHostClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
            CampaignSource fuzzFiles;
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await CampaignDatabase.EnsureAreasAsync(connection, CancellationToken.None);
                fuzzFiles = await CampaignDatabase.CreateFuzzFilesAsync(connection, CancellationToken.None);
            }

            Directory.CreateDirectory(folder.Path);
            Client = new ParserHostClient(connectionString, fuzzFiles.Id, folder.Path, folder.Path);
        }

        public async Task DisposeAsync()
        {
            await Client.DisposeAsync();
            folder.Dispose();
        }
    }

    [Theory]
    [InlineData(HostileKind.SourceSettings)]
    [InlineData(HostileKind.Csv)]
    [InlineData(HostileKind.Xlsx)]
    [InlineData(HostileKind.PlanYaml)]
    public async Task Fifty_seeded_hostile_inputs_of_a_class_are_read_or_refused_and_none_crashes_hangs_or_escapes(HostileKind kind)
    {
        var failures = new List<string>();
        for (var number = 0; number < PerClass && failures.Count < 3; number++)
        {
            var input = HostileInputs.Generate(Seed, kind, number);
            // A hang is what this catches, not speed: a zip-bomb input unpacks a legitimate 64 MB sheet, which a Debug build
            // on a busy 2-core machine has taken over 10 s to stream through the checks and the reader.
            var result = await host.Client.ParseAsync(input, TimeSpan.FromSeconds(30));
            if (result.Outcome is not ("ok" or "refused"))
            {
                failures.Add($"{input}: {result.Outcome}: {result.Detail}");
            }
        }

        Assert.True(failures.Count == 0,
            $"Hostile {kind} inputs (seed {Seed}; the first three failures; replay one with `dotnet run --project tests/Indicators.Campaign -- replay --seed {Seed} --input <id>`):\n{string.Join("\n", failures)}");
    }
}
