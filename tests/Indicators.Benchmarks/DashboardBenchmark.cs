using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using Dapper;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Indicators.Data.Indicators;

namespace Indicators.Benchmarks;

/// <summary>
/// Issue 6's dashboard benchmark. A plan of 200 indicators × 22 areas × 3 genders × 15 years in a table of 5 000 000
/// further outcomes; the real web app on Kestrel in this process, signed in as a reader. Times N requests of the overview
/// and of an indicator page (server response time: until the whole prerendered HTML is read) against the SQL those pages
/// need, called directly. Last line: <c>overview p50 ms: X; indicator p50 ms: Y</c>.
/// </summary>
static class DashboardBenchmark
{
    const string UserName = "prestanda";

    public static async Task<int> RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var fill = new DashboardFill(
            configuration.GetValue("Benchmark:PlanIndicators", 200),
            configuration.GetValue("Benchmark:Years", 15),
            configuration.GetValue("Benchmark:OtherObservations", 5_000_000L));
        var requests = configuration.GetValue("Benchmark:Requests", 50);
        var warmUp = configuration.GetValue("Benchmark:WarmUp", 10);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Dashboard benchmark: a plan of {fill.PlanIndicators} indicators × {DashboardFill.Areas.Length} areas × 3 genders × {fill.Years} years ({fill.FirstYear}–{fill.LastYear}) = {fill.PlanObservations:N0} outcomes, plus {fill.OtherObservations:N0} outcomes of monthly indicators outside the plan"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; {requests} timed requests per page after {warmUp} to warm up"));

        await using var database = await BenchDatabase.StartAsync(configuration.GetConnectionString("Indicators"), cancellationToken);
        Console.WriteLine($"Database: {database.Description}");

        var clock = Stopwatch.StartNew();
        var connectionString = await database.CreateMigratedDatabaseAsync("dashboard", cancellationToken);
        await fill.ArrangeAsync(connectionString, cancellationToken);
        var rows = await fill.CopyObservationsAsync(connectionString, cancellationToken);
        var copied = clock.Elapsed;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            // Vacuum too, as autovacuum would have long since done on a live server: index-only scans need the visibility map.
            await connection.ExecuteAsync(new CommandDefinition("vacuum (analyze)", cancellationToken: cancellationToken));
        }

        await database.CheckpointAsync(cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Fill: {rows:N0} outcomes by binary COPY in {copied.TotalSeconds:0.0} s (with plan, targets, sources and runs); vacuum and analyze {(clock.Elapsed - copied).TotalSeconds:0.0} s"));
        var expected = fill.PlanObservations + fill.OtherObservations;
        if (rows != expected)
        {
            Console.Error.WriteLine($"FAILED: wrote {rows} outcomes, expected {expected}.");
            return 1;
        }

        var (planId, indicatorId, indicatorName, lastIndicatorName) = await PlanAsync(connectionString, cancellationToken);
        await TestUsers.CreateAsync(connectionString, UserName, "Ledning");

        // WebApplicationFactory finds the web app's content root through MvcTestingAppManifest.json in the current
        // folder; `dotnet run --project` starts in the repository's root, the manifest is in this program's output.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?>
        {
            // A known password, so the app does not print a generated one for its first administrator.
            ["Admin:InitialPassword"] = TestUsers.Password,
        });
        var baseUrl = app.StartKestrel();
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl + "/") };
        using (var signIn = await TestUsers.SignInAsync(client, UserName))
        {
            if (signIn.StatusCode != HttpStatusCode.Redirect || signIn.Headers.Location?.OriginalString != "/")
            {
                Console.Error.WriteLine($"FAILED: signing in as {UserName} answered {(int)signIn.StatusCode} → {signIn.Headers.Location}.");
                return 1;
            }
        }

        Console.WriteLine($"Web app: Indicators.Web on Kestrel at {baseUrl} in this process, signed in as {UserName} (Ledning)");
        Console.WriteLine();

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var plans = new PlanQueries(dataSource);
        var period = (await plans.GetOverviewAsync(planId, null, cancellationToken))!.Period;

        var overviewUrl = $"?plan={planId}";
        var overviewPage = await TimeAsync(warmUp, requests, () => GetPageAsync(client, overviewUrl, [DashboardFill.PlanName, lastIndicatorName], cancellationToken));
        var overviewSql = await TimeAsync(warmUp, requests, async () =>
        {
            var overview = await plans.GetOverviewAsync(planId, period, cancellationToken)
                ?? throw new InvalidOperationException($"GetOverviewAsync({planId}) found no plan.");
            return overview.GoalAreas.Sum(a => a.Goals.Sum(g => g.Indicators.Count));
        });
        Console.WriteLine(overviewPage.Line($"overview page  GET /{overviewUrl}"));
        Console.WriteLine(overviewSql.Line($"overview SQL   PlanQueries.GetOverviewAsync(plan, {period.Code})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  page/SQL p50 ratio {overviewPage.P50 / overviewSql.P50:0.0}; the page spends {overviewPage.P50 - overviewSql.P50:0.0} ms beyond its SQL (rendering, HTTP); {overviewPage.Characters / 1000.0:0}k characters of HTML"));

        var indicatorP50 = await IndicatorAsync(client, dataSource, planId, indicatorId, indicatorName, warmUp, requests, cancellationToken);
        await ReportsAsync(dataSource, plans, planId, period, overviewSql.P50, warmUp, requests, cancellationToken);

        Console.WriteLine();
        Console.WriteLine("Targets: overview p50 < 150 ms, indicator p50 < 80 ms.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overview p50 ms: {overviewPage.P50:0.0}; indicator p50 ms: {indicatorP50:0.0}"));
        return 0;
    }

    /// <summary>The indicator page and its SQL (IndicatorQueries and /indikator/{id}, from the indicator page's branch).</summary>
    static async Task<double> IndicatorAsync(
        HttpClient client, NpgsqlDataSource dataSource, int planId, int indicatorId, string indicatorName, int warmUp, int requests, CancellationToken cancellationToken)
    {
        var url = $"indikator/{indicatorId}?plan={planId}";
        var queries = new IndicatorQueries(dataSource);
        var page = await TimeAsync(warmUp, requests, () => GetPageAsync(client, url, [indicatorName, DashboardFill.PlanName], cancellationToken));
        var sql = await TimeAsync(warmUp, requests, async () =>
        {
            _ = await queries.GetPageAsync(indicatorId, planId, cancellationToken)
                ?? throw new InvalidOperationException($"IndicatorQueries.GetPageAsync({indicatorId}, {planId}) found no indicator.");
            return 1;
        });
        Console.WriteLine(page.Line($"indicator page GET /{url}"));
        Console.WriteLine(sql.Line("indicator SQL  IndicatorQueries.GetPageAsync(indicator, plan)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  page/SQL p50 ratio {page.P50 / sql.P50:0.0}; the page spends {page.P50 - sql.P50:0.0} ms beyond its SQL (rendering, HTTP); {page.Characters / 1000.0:0}k characters of HTML"));
        return page.P50;
    }

    /// <summary>
    /// Issue 8's reports, built as their pages and exports build them: one nämnd's årsrapport and delårsrapport (the
    /// årsrapport builds the delårsrapport too, to compare forecasts) and the whole region's, against the overview's SQL.
    /// </summary>
    static async Task ReportsAsync(
        NpgsqlDataSource dataSource, PlanQueries plans, int planId, Core.FollowUp.FollowUpPeriod period, double overviewSqlP50,
        int warmUp, int requests, CancellationToken cancellationToken)
    {
        var queries = new Data.Reports.ReportQueries(dataSource, plans);
        var periods = new Data.Reports.ReportPeriodEditor(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (versionId, committeeId) = await connection.QuerySingleAsync<(int, int)>(new CommandDefinition("""
            select (select id from plan_version where plan_id = @PlanId and is_current), (select id from committee order by id limit 1)
            """, new { PlanId = planId }, cancellationToken: cancellationToken));
        // The editor checks who acts: an analyst may create report periods.
        await new Data.Users.UserEditor(dataSource).CreateAsync("prestanda.analytiker", "Prestanda (analytiker)", "", [("Analytiker", null)], isDemo: false, createdBy: "benchmark", cancellationToken: cancellationToken);
        var actor = new Data.Audit.Actor("prestanda.analytiker", null);
        foreach (var kind in new[] { Core.Reports.ReportKind.Interim, Core.Reports.ReportKind.Annual })
        {
            var periodId = await periods.CreateAsync(versionId, period.Year, kind, actor, cancellationToken);
            var committee = await TimeAsync(warmUp, requests, async () =>
                (await queries.GetCommitteeReportAsync(periodId, committeeId, cancellationToken))!.Document.Goals.Count());
            var region = await TimeAsync(warmUp, requests, async () =>
                (await queries.GetRegionReportAsync(periodId, cancellationToken))!.Goals.Count());
            Console.WriteLine(committee.Line($"{kind} report, one nämnd  ReportQueries.GetCommitteeReportAsync"));
            Console.WriteLine(region.Line($"{kind} report, region    ReportQueries.GetRegionReportAsync"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  against the overview SQL: nämnd {committee.P50 / overviewSqlP50:0.0}×, region {region.P50 / overviewSqlP50:0.0}× ({committee.Characters} and {region.Characters} goals)"));
        }
    }

    /// <summary>The plan's id and a gender-split indicator from the middle of it, with its name and the plan's last indicator's.</summary>
    static async Task<(int PlanId, int IndicatorId, string IndicatorName, string LastIndicatorName)> PlanAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<(int, int, string, string)>(new CommandDefinition("""
            select (select id from plan),
                   (select id from indicator where code = 'PLAN101'), (select name from indicator where code = 'PLAN101'),
                   (select name from indicator where code like 'PLAN%' order by code desc limit 1)
            """, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// One GET, timed until the whole body is read. Anything but 200 with the expected text fails the benchmark, so an
    /// error page, a sign-in redirect or a 404 is never timed as if it were the page.
    /// </summary>
    static async Task<int> GetPageAsync(HttpClient client, string url, string[] expected, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /{url} answered {(int)response.StatusCode} {response.StatusCode}{(response.Headers.Location is { } to ? " → " + to : "")}: {Excerpt(body)}");
        }

        var text = WebUtility.HtmlDecode(body);
        foreach (var part in expected)
        {
            if (!text.Contains(part, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"GET /{url} answered 200 without '{part}': {Excerpt(body)}");
            }
        }

        return body.Length;
    }

    static string Excerpt(string body) => body.Length <= 600 ? body : body[..600] + " …";

    /// <summary>Runs an action to warm up, then times it one call at a time (as one person at a time would open a page).</summary>
    static async Task<Timings> TimeAsync(int warmUp, int count, Func<Task<int>> action)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await action();
        }

        var times = new List<double>(count);
        var characters = 0;
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            characters = await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Timings(times, characters);
    }

    sealed record Timings(List<double> Milliseconds, int Characters)
    {
        public double P50 => Percentile(0.5);

        public double P90 => Percentile(0.9);

        public string Line(string what) => string.Create(CultureInfo.InvariantCulture,
            $"{what,-70} p50 {P50,7:0.0} ms   p90 {P90,7:0.0} ms   min {Milliseconds.Min(),7:0.0} ms   max {Milliseconds.Max(),7:0.0} ms   n {Milliseconds.Count}");

        /// <summary>Linear interpolation between the nearest ranks (the median of an even count is the mean of the middle two).</summary>
        double Percentile(double p)
        {
            var sorted = Milliseconds.Order().ToList();
            var rank = p * (sorted.Count - 1);
            var low = (int)Math.Floor(rank);
            var high = Math.Min(low + 1, sorted.Count - 1);
            return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
        }
    }
}
