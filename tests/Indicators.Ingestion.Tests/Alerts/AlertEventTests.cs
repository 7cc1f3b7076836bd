using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;
using Indicators.Core.Observations;
using Indicators.Core.Plans;
using Indicators.Data.Alerts;
using Indicators.Data.Audit;
using Indicators.Data.Observations;
using Indicators.Data.Plans;
using Indicators.Ingestion.Alerts;
using Indicators.Ingestion.Runs;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Npgsql;
using static Indicators.Ingestion.Tests.Runs.RunFixture;

namespace Indicators.Ingestion.Tests.Alerts;

/// <summary>
/// Each kind of event the scan finds, on a real database: recorded once however often the scan runs, with its Swedish
/// text; and the mail without an SMTP server (the pickup folder's .eml files) and the daily digest.
/// </summary>
public class AlertEventTests
{
    [Fact]
    public async Task A_run_with_new_outcomes_gives_one_event_and_a_run_that_changes_nothing_none()
    {
        await using var world = await KoladaWorld.StartAsync(() => 55.0m);
        var (connectionString, sourceId, runner, scanner) = (world.ConnectionString, world.SourceId, world.Runner, world.Scanner);

        await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);

        var events = await EventsAsync(connectionString);
        var e = Assert.Single(events);
        Assert.Equal(AlertKinds.NewOutcomes, e.Kind);
        Assert.Equal("Nya utfall från Kolada väntetider", e.Title);
        Assert.Matches(@"^Körning \d+ av källan Kolada väntetider gav 3 nya utfall, 0 ändrade och 0 återkallade\.$", e.Body);
    }

    [Fact]
    public async Task A_source_whose_last_success_is_older_than_its_schedule_allows_gives_one_stale_event_until_it_succeeds_again()
    {
        await using var world = await KoladaWorld.StartAsync(() => 55.0m);
        var (connectionString, sourceId, runner, scanner) = (world.ConnectionString, world.SourceId, world.Runner, world.Scanner);
        await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);

        await scanner.ScanAsync(CancellationToken.None);
        Assert.DoesNotContain(await EventsAsync(connectionString), e => e.Kind == AlertKinds.Stale);

        // The daily source last succeeded ten days ago.
        await TestPostgres.ExecuteAsync(connectionString, "update ingestion_run set started_at = started_at - interval '10 days', finished_at = finished_at - interval '10 days'");
        await scanner.ScanAsync(CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        var stale = Assert.Single(await EventsAsync(connectionString), e => e.Kind == AlertKinds.Stale);
        Assert.Equal("Data från Kolada väntetider är inaktuella", stale.Title);
        Assert.StartsWith("Källan Kolada väntetider har inte hämtat data sedan ", stale.Body, StringComparison.Ordinal);

        // A success ends the spell; when that one ages too, it is a new spell and a new event.
        await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        Assert.Single(await EventsAsync(connectionString), e => e.Kind == AlertKinds.Stale);
        await TestPostgres.ExecuteAsync(connectionString, "update ingestion_run set started_at = started_at - interval '3 days', finished_at = finished_at - interval '3 days'");
        await scanner.ScanAsync(CancellationToken.None);
        Assert.Equal(2, (await EventsAsync(connectionString)).Count(e => e.Kind == AlertKinds.Stale));
    }

    [Fact]
    public async Task An_indicator_going_from_achieved_to_not_achieved_gives_one_event_naming_both_statuses_and_the_first_scan_none()
    {
        await using var demo = await DemoReports.CreateAsync();
        using var mail = new TestFolder();
        using var host = AlertHost.Build(demo.ConnectionString, null, mail.Path);
        var scanner = host.Services.GetRequiredService<AlertScanner>();
        var plans = host.Services.GetRequiredService<PlanQueries>();
        var planId = (await plans.ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId;

        // The first scan after installing only learns the statuses: nothing has changed yet.
        await scanner.ScanAsync(CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        Assert.DoesNotContain(await EventsAsync(demo.ConnectionString), e => e.Kind == AlertKinds.StatusChanged);

        var overview = (await plans.GetOverviewAsync(planId, null))!;
        var statuses = overview.Indicators.Select(i => (Indicator: i, i.StandingIn(overview.Period, overview.StartYear, overview.EndYear).Status.Status)).ToList();
        var achieved = statuses.FirstOrDefault(s => s.Indicator.Direction != Direction.WithinBand && s.Status == AttainmentStatus.Achieved).Indicator;
        Assert.True(achieved is not null, string.Join(", ", statuses.Select(s => $"{s.Indicator.Code} {s.Indicator.Direction}: {s.Status}")));
        await StoreWorseOutcomesAsync(demo.DataSource, achieved.Id, overview.Period.Year, achieved.Direction == Direction.HigherIsBetter ? 0m : 1_000_000m);
        overview = (await plans.GetOverviewAsync(planId, null))!;
        Assert.Equal(AttainmentStatus.NotAchieved,
            overview.Indicators.Single(i => i.Id == achieved.Id).StandingIn(overview.Period, overview.StartYear, overview.EndYear).Status.Status);

        await scanner.ScanAsync(CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);

        var changed = Assert.Single(await EventsAsync(demo.ConnectionString), e => e.Kind == AlertKinds.StatusChanged);
        Assert.Equal($"{achieved.Code} {achieved.Name}: Uppnått → Ej uppnått", changed.Title);
        Assert.Contains("har ändrat status från ● Uppnått till ✕ Ej uppnått", changed.Body, StringComparison.Ordinal);
        Assert.Equal(achieved.Id, changed.IndicatorId);
    }

    [Fact]
    public async Task When_the_dashboard_moves_on_to_the_next_year_no_status_is_announced_as_changed()
    {
        await using var demo = await DemoReports.CreateAsync();
        using var mail = new TestFolder();
        using var host = AlertHost.Build(demo.ConnectionString, null, mail.Path);
        var scanner = host.Services.GetRequiredService<AlertScanner>();
        var plans = host.Services.GetRequiredService<PlanQueries>();
        var planId = (await plans.ListPlansAsync()).Single(p => p.AreaName == "Region Västernorrland").PlanId;
        Assert.Equal(FollowUpPeriod.Interim(2026), (await plans.GetOverviewAsync(planId, null))!.Period);
        await scanner.ScanAsync(CancellationToken.None);

        // January 2027's value of one monthly indicator, the same as August's: the overview now shows Delår 2027, where most
        // indicators cannot be judged yet. Their statuses for 2026 did not change; a different period is not a change.
        await using (var connection = await demo.DataSource.OpenConnectionAsync())
        {
            var august = await connection.QuerySingleAsync<(int IndicatorId, decimal Value)>(
                "select indicator_id, value from observation where period = '2026-08' and area_id = '0022' and gender = 'T' and value is not null order by indicator_id limit 1");
            await using var transaction = await connection.BeginTransactionAsync();
            var runId = await connection.ExecuteScalarAsync<long>("insert into ingestion_run (trigger, status) values ('manual', 'running') returning id", transaction: transaction);
            await ObservationWriter.MergeAsync(connection, transaction, runId,
                [new IncomingObservation(august.IndicatorId, "2027-01", "0022", Gender.T, august.Value, ObservationStatus.Ok)], isDemo: false, CancellationToken.None);
            await connection.ExecuteAsync("update ingestion_run set status = 'succeeded', finished_at = now() where id = @RunId", new { RunId = runId }, transaction);
            await transaction.CommitAsync();
        }

        Assert.Equal(FollowUpPeriod.Interim(2027), (await plans.GetOverviewAsync(planId, null))!.Period);
        await scanner.ScanAsync(CancellationToken.None);

        Assert.Empty((await EventsAsync(demo.ConnectionString)).Where(e => e.Kind == AlertKinds.StatusChanged).Select(e => e.Title));
    }

    [Fact]
    public async Task Submitting_and_finalising_a_report_give_one_event_each()
    {
        await using var demo = await DemoReports.CreateAsync();
        using var mail = new TestFolder();
        using var host = AlertHost.Build(demo.ConnectionString, null, mail.Path);
        var scanner = host.Services.GetRequiredService<AlertScanner>();
        var hanna = new Actor("hanna", "127.0.0.1");
        foreach (var goal in (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.Document.Goals)
        {
            Assert.True((await demo.Editors.Assessments.SaveAsync(demo.Interim, demo.Hsn, goal.GoalId, goal.Texts,
                goal.Texts with { Assessed = goal.Suggested, Analysis = $"Analys av {goal.Code}" }, goal.Suggested, hanna)).Saved);
        }

        await scanner.ScanAsync(CancellationToken.None);
        Assert.DoesNotContain(await EventsAsync(demo.ConnectionString), e => e.Kind == AlertKinds.Report);
        await demo.Editors.Submission.SubmitAsync(demo.Interim, demo.Hsn, await VersionAsync(demo), hanna);
        await scanner.ScanAsync(CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        await demo.Editors.Submission.FinaliseAsync(demo.Interim, demo.Hsn, await VersionAsync(demo), DemoReports.Decision(), new Actor(DemoReports.Reviewer, "127.0.0.2"));
        await scanner.ScanAsync(CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);

        var reports = (await EventsAsync(demo.ConnectionString)).Where(e => e.Kind == AlertKinds.Report).ToList();
        Assert.Equal(["Hälso- och sjukvårdsnämnden: Delårsrapport 2026 lämnades in", "Hälso- och sjukvårdsnämnden: Delårsrapport 2026 fastställdes"],
            reports.Select(r => r.Title));
        Assert.EndsWith(" av hanna.", reports[0].Body, StringComparison.Ordinal);
        Assert.EndsWith($" av {DemoReports.Reviewer}.", reports[1].Body, StringComparison.Ordinal);
        Assert.All(reports, r => Assert.Equal(demo.Hsn, r.CommitteeId));
    }

    [Fact]
    public async Task Without_an_smtp_host_an_alert_is_an_eml_file_in_the_pickup_folder_with_its_links()
    {
        await using var world = await KoladaWorld.StartAsync(() => 55.0m);
        var (connectionString, sourceId, host) = (world.ConnectionString, world.SourceId, world.Host);
        await SubscribeAsync(host, connectionString, sourceId, digest: false);

        await world.Runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);
        await world.Scanner.ScanAsync(CancellationToken.None);
        await SendPendingAsync(host, connectionString);

        var file = Assert.Single(Directory.GetFiles(world.MailFolder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Nya utfall från Kolada väntetider", message.Subject);
        Assert.Equal("anna@example.se", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains("gav 3 nya utfall", message.TextBody, StringComparison.Ordinal);
        Assert.Matches(@"Öppna: http://indicators\.test/kallor/korningar/\d+", message.TextBody);
        Assert.Matches(@"Avsluta den här bevakningen: http://indicators\.test/bevakningar/avsluta\?t=\S+", message.TextBody);
        Assert.StartsWith("<http://indicators.test/bevakningar/avsluta?t=", message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Contains("Avsluta den här bevakningen</a>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("sent", await StateAsync(connectionString, "email"));
    }

    [Fact]
    public async Task Two_events_for_a_digest_subscriber_are_one_mail_holding_both()
    {
        var region = 55.0m;
        await using var world = await KoladaWorld.StartAsync(() => region);
        var (connectionString, sourceId, host, runner, scanner) = (world.ConnectionString, world.SourceId, world.Host, world.Runner, world.Scanner);
        await SubscribeAsync(host, connectionString, sourceId, digest: true);

        await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        region = 57.5m;
        await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        // Immediate sending leaves digest deliveries alone.
        await SendPendingAsync(host, connectionString);
        Assert.False(Directory.Exists(world.MailFolder) && Directory.GetFiles(world.MailFolder).Length > 0);

        var sender = host.Services.GetRequiredService<AlertSender>();
        await sender.SendDigestsAsync(CancellationToken.None);
        await sender.SendDigestsAsync(CancellationToken.None);

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(world.MailFolder)));
        Assert.Equal("Indicators: 2 händelser att känna till", message.Subject);
        Assert.Contains("gav 3 nya utfall, 0 ändrade och 0 återkallade", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("gav 0 nya utfall, 1 ändrat och 0 återkallade", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(message.TextBody ?? "", "Avsluta den här bevakningen: "));
        Assert.Equal("sent", await StateAsync(connectionString, "email"));
    }

    /// <summary>A value far on the wrong side of the target for every value of the indicator in the year, through the store's writer.</summary>
    static async Task StoreWorseOutcomesAsync(NpgsqlDataSource dataSource, int indicatorId, int year, decimal worse)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = (await connection.QueryAsync<(string Period, string AreaId, string Gender)>(
            "select period, area_id, gender::text from observation where indicator_id = @IndicatorId and period_year = @Year",
            new { IndicatorId = indicatorId, Year = year }, transaction)).AsList();
        Assert.NotEmpty(rows);
        var runId = await connection.ExecuteScalarAsync<long>("insert into ingestion_run (trigger, status) values ('manual', 'running') returning id", transaction: transaction);
        await ObservationWriter.MergeAsync(connection, transaction, runId,
            rows.Select(r => new IncomingObservation(indicatorId, r.Period, r.AreaId, Enum.Parse<Gender>(r.Gender), worse, ObservationStatus.Ok)), isDemo: false, CancellationToken.None);
        await connection.ExecuteAsync("update ingestion_run set status = 'succeeded', finished_at = now() where id = @RunId", new { RunId = runId }, transaction);
        await transaction.CommitAsync();
    }

    static async Task<int> VersionAsync(DemoReports demo) =>
        (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.State.Version;

    /// <summary>
    /// A linked Kolada source (RunFixture's) against a stub that answers with the region value its caller gives
    /// at the time of each request, with the host below and its pickup folder.
    /// </summary>
    sealed class KoladaWorld : IAsyncDisposable
    {
        readonly StubServer kolada;
        readonly TestFolder mail;

        KoladaWorld(string connectionString, int sourceId, StubServer kolada)
        {
            (ConnectionString, SourceId, this.kolada) = (connectionString, sourceId, kolada);
            mail = new TestFolder();
            Host = AlertHost.Build(connectionString, kolada, mail.Path);
        }

        public string ConnectionString { get; }

        public int SourceId { get; }

        public IHost Host { get; }

        public string MailFolder => mail.Path;

        public IngestionRunner Runner => Host.Services.GetRequiredService<IngestionRunner>();

        public AlertScanner Scanner => Host.Services.GetRequiredService<AlertScanner>();

        public static async Task<KoladaWorld> StartAsync(Func<decimal> region)
        {
            var (connectionString, sourceId) = await ArrangeAsync();
            return new KoladaWorld(connectionString, sourceId, await StubServer.StartAsync(_ => StubResponse.Json(KoladaPage(region(), 60.0m))));
        }

        public async ValueTask DisposeAsync()
        {
            Host.Dispose();
            mail.Dispose();
            await kolada.DisposeAsync();
        }
    }

    /// <summary>Anna, with an e-mail address, follows the source's new outcomes by e-mail, at once or in the digest.</summary>
    static async Task SubscribeAsync(IHost host, string connectionString, int sourceId, bool digest)
    {
        await TestPostgres.ExecuteAsync(connectionString,
            "insert into app_user (user_name, display_name, email) values ('anna', 'Anna Analytiker', 'anna@example.se')");
        await host.Services.GetRequiredService<SubscriptionEditor>().CreateAsync(
            new SubscriptionDraft(AlertTargets.Source, sourceId, [AlertKinds.NewOutcomes], true, null, digest), new Actor("anna", null));
    }

    /// <summary>What the queued send jobs would do: each e-mail or webhook delivery's send, here and now.</summary>
    static async Task SendPendingAsync(IHost host, string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var sender = host.Services.GetRequiredService<AlertSender>();
        foreach (var id in await connection.QueryAsync<long>("select id from alert_delivery where channel <> 'app' order by id"))
        {
            await sender.SendAsync(id, CancellationToken.None);
        }
    }

    static async Task<string> StateAsync(string connectionString, string channel)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return string.Join(",", await connection.QueryAsync<string>(
            "select distinct state from alert_delivery where channel = @Channel", new { Channel = channel }));
    }

    static async Task<IReadOnlyList<EventRow>> EventsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return [.. await connection.QueryAsync<EventRow>(
            "select kind, title, body, indicator_id, committee_id from alert_event order by id")];
    }

    sealed record EventRow(string Kind, string Title, string Body, int? IndicatorId, int? CommitteeId);
}
