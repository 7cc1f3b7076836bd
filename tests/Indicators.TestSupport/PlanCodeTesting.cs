using Indicators.Core.Sources;
using Indicators.Data.Demo;
using Indicators.Data.PlanCode;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Files;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.TestSupport;

/// <summary>What the plan-as-code tests share: a migrated database with the demo plan, and an importer with the checks the app uses.</summary>
public static class PlanCodeTesting
{
    /// <summary>Source folders are checked against one configured root, as in the app.</summary>
    public static readonly FolderCheck Folders = new FileRoots(new FileSourceOptions("/var/tmp/indicators-plan-code-root", TimeSpan.Zero, 1)).Check;

    /// <summary>A fresh migrated database with the demo plan loaded.</summary>
    public static async Task<NpgsqlDataSource> DemoAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        return dataSource;
    }

    public static PlanImporter Importer(NpgsqlDataSource dataSource) => new(dataSource, CronSchedule.Check, Folders, SourceSettingsShape.Check);
}
