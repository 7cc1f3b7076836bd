using Dapper;
using Indicators.Core.Reports;
using Indicators.Data.Demo;
using Indicators.Data.Plans;
using Indicators.Data.Reports;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.TestSupport;

/// <summary>
/// A fresh database with the demo plan and its report periods, and the report editors and queries on it: the Hälso- och
/// sjukvårdsnämnden's id and the ids of the Delårsrapport 2026 and Årsrapport 2025; with accounts for the people who act
/// on reports in tests (<see cref="Members"/>, <see cref="Reviewer"/>, <see cref="RegionReviewer"/>, <see cref="Analyst"/>,
/// <see cref="Administrator"/>).
/// </summary>
public sealed record DemoReports(string ConnectionString, NpgsqlDataSource DataSource, ReportQueries Queries, ReportEditors Editors, int Hsn, int Interim, int Annual)
    : IAsyncDisposable
{
    public static async Task<DemoReports> CreateAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        if (!await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync())
        {
            throw new InvalidOperationException("The demo plan was not loaded into the fresh database.");
        }

        var queries = new ReportQueries(dataSource, new PlanQueries(dataSource));
        await using var connection = await dataSource.OpenConnectionAsync();
        var hsn = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'HSN'");
        // The editors check who acts: the nämnd's own users, and an analyst and an administrator.
        foreach (var member in Members)
        {
            await TestUsers.CreateAsync(connectionString, member, "Namnd", hsn);
        }

        await TestUsers.CreateAsync(connectionString, Reviewer, "Granskare", hsn);
        await TestUsers.CreateAsync(connectionString, RegionReviewer, "Granskare", (int?)null);
        await TestUsers.CreateAsync(connectionString, Analyst, "Analytiker");
        await TestUsers.CreateAsync(connectionString, Administrator, "Administrator");
        // Region Västernorrland's periods (Region Västerbotten's 2025 periods are in the demo too).
        var periods = (await queries.ListPeriodsAsync()).Where(p => p.PlanName == "Regionplan 2025–2027").ToList();
        return new DemoReports(connectionString, dataSource, queries, ReportEditors.Create(dataSource, queries), hsn,
            periods.Single(p => p.Kind == ReportKind.Interim && p.Year == 2026).Id,
            periods.Single(p => p.Kind == ReportKind.Annual && p.Year == 2025).Id);
    }

    /// <summary>Nämnd users of the demo's Hälso- och sjukvårdsnämnden, by user name.</summary>
    public static readonly IReadOnlyList<string> Members = ["hanna", "gunnar"];

    /// <summary>An analyst (who works on any nämnd's report and on the periods) and an administrator, by user name.</summary>
    public const string Analyst = "harald";
    public const string Administrator = "adam";

    /// <summary>A Granskare of the Hälso- och sjukvårdsnämnden's reports, and one of every nämnd's (and the region's).</summary>
    public const string Reviewer = "greta";
    public const string RegionReviewer = "rolf";

    /// <summary>A decision as a reviewer records it when finalising (body, meeting date in the report's year, §).</summary>
    public static ReportDecisionInput Decision(string body = "Hälso- och sjukvårdsnämnden", int year = 2026) =>
        new(body, new DateOnly(year, 1, 20), "§ 87", "HSN 2026/4");

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
