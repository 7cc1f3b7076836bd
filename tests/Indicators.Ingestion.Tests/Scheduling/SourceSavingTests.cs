using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Indicators.Core.Sources;
using Indicators.Data.Audit;
using Indicators.Data.Sources;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Sources;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Ingestion.Tests.Scheduling;

/// <summary>Saving a source and keeping its Hangfire jobs in step is one step: whatever is saved is what is scheduled.</summary>
public class SourceSavingTests
{
    static readonly Actor Alva = new("alva", "127.0.0.1");

    /// <summary>Hangfire's recurring jobs as the schedule sets them: job id → cron.</summary>
    sealed class RecordingJobs : IBackgroundJobClient, IRecurringJobManager
    {
        public Dictionary<string, string> Recurring { get; } = [];

        public string Create(Job job, IState state) => throw new NotSupportedException();

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new NotSupportedException();

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => Recurring[recurringJobId] = cronExpression;

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => Recurring.Remove(recurringJobId);
    }

    static SourceDraft Draft(bool enabled, string? fullRefreshCron = null) =>
        new("Väntetider (Kolada)", "kolada", "0 6 * * *", fullRefreshCron, "Europe/Stockholm", enabled, """{"kpis": ["N79224"]}""", []);

    [Fact]
    public async Task A_saved_source_is_scheduled_as_saved_a_disabled_one_loses_its_jobs_and_a_deleted_one_too()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        var store = new SourceQueries(dataSource);
        var editor = new SourceEditor(dataSource, CronSchedule.Check, _ => null, SourceSettingsShape.Check);
        var jobs = new RecordingJobs();
        var saving = new SourceSaving(dataSource, editor, store, new SourceSchedule(jobs, jobs, store), _ => null, SourceSettingsShape.Check);

        var id = await saving.CreateAsync(Draft(enabled: true, fullRefreshCron: "0 3 * * 0"), Alva);
        Assert.Equal(new Dictionary<string, string> { [SourceSchedule.JobId(id)] = "0 6 * * *", [SourceSchedule.FullRefreshJobId(id)] = "0 3 * * 0" }, jobs.Recurring);

        await saving.UpdateAsync(id, (await editor.LoadAsync(id))!.Version, Draft(enabled: false), Alva);
        Assert.Empty(jobs.Recurring);

        await saving.UpdateAsync(id, (await editor.LoadAsync(id))!.Version, Draft(enabled: true), Alva);
        Assert.Equal([SourceSchedule.JobId(id)], jobs.Recurring.Keys);

        await saving.DeleteAsync(id, (await editor.LoadAsync(id))!.Version, Alva);
        Assert.Empty(jobs.Recurring);
        Assert.Null(await store.FindAsync(id));
    }

    [Fact]
    public async Task A_refused_draft_is_neither_saved_nor_scheduled()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        var store = new SourceQueries(dataSource);
        var jobs = new RecordingJobs();
        var saving = new SourceSaving(dataSource, new SourceEditor(dataSource, CronSchedule.Check, _ => null, SourceSettingsShape.Check), store,
            new SourceSchedule(jobs, jobs, store), _ => null, SourceSettingsShape.Check);

        await Assert.ThrowsAsync<Core.Editing.InvalidEditException>(() =>
            saving.CreateAsync(Draft(enabled: true) with { Kind = "pxweb", Settings = """{"table": "TAB638"}""" }, Alva));

        Assert.Empty(jobs.Recurring);
        Assert.Empty(await store.ListAsync());
    }
}
