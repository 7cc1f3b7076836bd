using Indicators.Data.Demo;
using Indicators.TestSupport;
using Indicators.Web.Components.PlanCode;
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
