using Indicators.Core.Sources;
using Indicators.Data.Audit;
using Indicators.Data.PlanCode;
using Indicators.Data.Sources;
using Npgsql;

namespace Indicators.Ingestion.Scheduling;

/// <summary>
/// Saves sources and keeps Hangfire's recurring jobs in step, as one step: every way a person writes a source (the edit
/// page, a plan document from the web or the command line) goes through here, so none can write a source and forget its
/// schedule (a disabled source loses its jobs, a deleted one too). The writing itself, with its checks and audit
/// entries, is the source editor's and the plan importer's (Data); the schedule is the scheduler's.
/// </summary>
public sealed class SourceSaving(
    NpgsqlDataSource dataSource, SourceEditor editor, SourceQueries sources, SourceSchedule schedule, FolderCheck folderCheck, SettingsCheck settingsCheck)
{
    /// <summary>Creates the source, schedules it and returns its id.</summary>
    public async Task<int> CreateAsync(SourceDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var id = await editor.CreateAsync(draft, actor, cancellationToken);
        await RescheduleAsync(id, cancellationToken);
        return id;
    }

    /// <summary>Saves the draft over the source opened at <paramref name="version"/> and reschedules it as saved.</summary>
    public async Task UpdateAsync(int sourceId, string version, SourceDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        await editor.UpdateAsync(sourceId, version, draft, actor, cancellationToken);
        await RescheduleAsync(sourceId, cancellationToken);
    }

    /// <summary>Deletes the source opened at <paramref name="version"/> and its recurring jobs.</summary>
    public async Task DeleteAsync(int sourceId, string version, Actor actor, CancellationToken cancellationToken = default)
    {
        await editor.DeleteAsync(sourceId, version, actor, cancellationToken);
        schedule.Remove(sourceId);
    }

    /// <summary>
    /// Imports a plan document (crons checked as Hangfire reads them, file sources' folders against the configured roots,
    /// settings by their records' rules) and, after a real import, brings each imported source's jobs in line with what
    /// was stored.
    /// </summary>
    public async Task<PlanImportResult> ImportPlanAsync(string text, Actor actor, bool dryRun, CancellationToken cancellationToken = default)
    {
        var result = await new PlanImporter(dataSource, CronSchedule.Check, folderCheck, settingsCheck).ImportAsync(text, actor, dryRun, cancellationToken);
        if (result.Succeeded && !result.DryRun)
        {
            foreach (var id in result.SourceIds)
            {
                await RescheduleAsync(id, cancellationToken);
            }
        }

        return result;
    }

    /// <summary>The jobs follow the source as it is stored now (read back: the stored text is what runs).</summary>
    async Task RescheduleAsync(int sourceId, CancellationToken cancellationToken)
    {
        if (await sources.FindAsync(sourceId, cancellationToken) is { } saved)
        {
            schedule.Apply(saved);
        }
    }
}
