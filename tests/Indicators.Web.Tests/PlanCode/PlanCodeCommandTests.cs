using Indicators.Data.Demo;
using Indicators.Data.PlanCode;
using Indicators.TestSupport;
using Indicators.Web.PlanCode;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Web.Tests.PlanCode;

public class PlanCodeCommandTests
{
    static async Task<string> DemoAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        return connectionString;
    }

    static async Task<(int Exit, string Output, string Error)> RunAsync(string connectionString, string[] args, string? input = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PlanCodeCommand.RunAsync(args, output, error,
            new Dictionary<string, string?> { ["ConnectionStrings:Indicators"] = connectionString }, new StringReader(input ?? ""));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_pipeline_exports_a_plan_by_name_to_standard_output_and_checks_it_back_with_a_dry_run()
    {
        var connectionString = await DemoAsync();

        var export = await RunAsync(connectionString, ["plan", "export", "--plan", "Regionplan 2025–2027"]);

        Assert.Equal(0, export.Exit);
        Assert.StartsWith("# Indicators plan as code, format indicators-plan/1", export.Output, StringComparison.Ordinal);

        var check = await RunAsync(connectionString, ["plan", "import", "-", "--dry-run"], export.Output);

        Assert.Equal(0, check.Exit);
        Assert.Equal("Kontroll (ingenting sparat): Regionplan 2025–2027: 0 skapade, 0 ändrade, 0 borttagna.\n", check.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_invalid_document_fails_the_pipeline_with_each_error_as_file_line_column_and_reason()
    {
        var connectionString = await DemoAsync();
        var export = await RunAsync(connectionString, ["plan", "export", "--plan", "Regionplan 2025–2027"]);
        var broken = export.Output.Replace("  end_year: 2027\n", "  end_year: tjugo\n", StringComparison.Ordinal);

        var import = await RunAsync(connectionString, ["plan", "import", "-"], broken);

        Assert.Equal(1, import.Exit);
        Assert.Contains("-:8:13: 'tjugo' är inget heltal (end_year).", import.Error, StringComparison.Ordinal);
        Assert.Equal("", import.Output);
    }

    [Fact]
    public async Task A_document_that_expands_past_the_limits_fails_the_pipeline_at_its_line_and_column()
    {
        var connectionString = await DemoAsync();
        var laughs = new System.Text.StringBuilder("""
            format: indicators-plan/1
            plan: {area: "0022", name: Skrattplan, start_year: 2025, end_year: 2026}
            sources:
              - name: Skratt
                kind: file
                cron: "0 6 * * *"
                settings:
                  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]

            """);
        foreach (var (name, previous) in "bcdefghi".Zip("abcdefgh"))
        {
            laughs.Append("      ").Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var import = await RunAsync(connectionString, ["plan", "import", "-", "--dry-run"], laughs.ToString());

        Assert.Equal(1, import.Exit);
        Assert.StartsWith("-:14:14: Dokumentet blir för stort när aliaset *f byggs ut", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_input_is_read_no_further_than_the_size_limit_and_refused_where_it_passes_it()
    {
        var connectionString = await DemoAsync();
        using var endless = new EndlessReader();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await PlanCodeCommand.RunAsync(["plan", "import", "-", "--dry-run"], output, error,
            new Dictionary<string, string?> { ["ConnectionStrings:Indicators"] = connectionString }, endless);

        Assert.Equal(1, exit);
        Assert.True(endless.Given <= PlanDocumentLimits.MaxBytes + 1, $"read {endless.Given} characters");
        Assert.StartsWith($"-:1:{PlanDocumentLimits.MaxBytes + 1}: Dokumentet är större än 5 MB", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Standard input that never ends ("#####…", a comment), counting what was taken from it.</summary>
    sealed class EndlessReader : TextReader
    {
        // Far past the limit, but an end, so that a reader that reads everything fails this test instead of hanging it.
        const long Length = 64L * 1024 * 1024;

        public long Given { get; private set; }

        public override int Peek() => Given < Length ? '#' : -1;

        public override int Read() => Given < Length ? Take(1) is 1 ? '#' : -1 : -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = Take(buffer.Length);
            buffer[..n].Fill('#');
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(char[] buffer, int index, int count) => Task.FromResult(Read(buffer, index, count));

        int Take(int wanted)
        {
            var n = (int)Math.Min(wanted, Length - Given);
            Given += n;
            return n;
        }
    }

    [Fact]
    public async Task An_unknown_plan_or_command_says_so_and_fails()
    {
        var connectionString = await DemoAsync();

        var unknown = await RunAsync(connectionString, ["plan", "export", "--plan", "Ingen sådan plan"]);
        var wrong = await RunAsync(connectionString, ["plan", "exportera"]);

        Assert.Equal((1, "Det finns ingen plan 'Ingen sådan plan'."), (unknown.Exit, unknown.Error.Trim()));
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("plan import <fil.yaml|fil.json|-> [--dry-run]", wrong.Error, StringComparison.Ordinal);
    }
}
