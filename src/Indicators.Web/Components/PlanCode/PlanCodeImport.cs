using Indicators.Core.Sources;
using Indicators.Data.Audit;
using Indicators.Data.PlanCode;
using Indicators.Data.Sources;
using Indicators.Ingestion.Scheduling;
using Npgsql;

namespace Indicators.Web.Components.PlanCode;

/// <summary>
/// Imports a plan document for the web (and the command line): checks crons as Hangfire reads them and file sources'
/// folders against the configured roots and, after a real import, brings each imported source's Hangfire schedule in line
/// with what was stored.
/// </summary>
public sealed class PlanCodeImport(NpgsqlDataSource dataSource, SourceStore sources, SourceSchedule schedule, FolderCheck folderCheck, SettingsCheck settingsCheck)
{
    public async Task<PlanImportResult> ImportAsync(string text, Actor actor, bool dryRun, CancellationToken cancellationToken = default)
    {
        var result = await new PlanImporter(dataSource, CronSchedule.Check, folderCheck, settingsCheck).ImportAsync(text, actor, dryRun, cancellationToken);
        if (result.Succeeded && !result.DryRun)
        {
            foreach (var id in result.SourceIds)
            {
                if (await sources.FindAsync(id, cancellationToken) is { } source)
                {
                    schedule.Apply(source);
                }
            }
        }

        return result;
    }
}
