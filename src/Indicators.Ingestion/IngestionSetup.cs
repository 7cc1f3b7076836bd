using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Scheduling;
using Indicators.Data;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Sources.Kolada;
using Indicators.Ingestion.Sources.PxWeb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Indicators.Ingestion;

public static class IngestionSetup
{
    /// <summary>
    /// The ingestion side: source clients with their resilience pipelines, a reader per source kind, the runner that
    /// writes a run all-or-nothing, the Hangfire jobs, and the schedule kept in step with the sources table.
    /// </summary>
    public static IHostApplicationBuilder AddIndicatorsIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddIndicatorsSourceClients(builder.Configuration);
        builder.Services.AddSingleton<ISourceReader, KoladaSourceReader>();
        builder.Services.AddSingleton<ISourceReader, PxWebSourceReader>();
        builder.Services.AddSingleton<ISourceReader, FileSourceReader>();
        builder.Services.AddSingleton(FileOptions(builder));
        builder.Services.AddSingleton<FileRoots>();
        // The source editor and the plan import (Data) check a file source's folder with the roots' own rule.
        builder.Services.AddSingleton<Indicators.Core.Sources.FolderCheck>(sp => sp.GetRequiredService<FileRoots>().Check);
        builder.Services.AddSingleton<Indicators.Core.Sources.SettingsCheck>(SourceSettingsShape.Check);
        builder.Services.AddSingleton<SourceFiles>();
        builder.Services.AddSingleton<SourceFileEditor>();
        builder.Services.AddSingleton<FolderScanner>();
        // Before the watcher and the schedule: a source the roots no longer allow is disabled first.
        builder.Services.AddHostedService<FileSourceRootCheck>();
        builder.Services.AddHostedService<FolderWatcher>();
        builder.Services.AddOptions<RunLeaseOptions>().Bind(builder.Configuration.GetSection(RunLeaseOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RunLeaseOptions>, RunLeaseOptionsValidation>();
        builder.Services.AddSingleton<IngestionRunner>();
        // Every process sweeps runs whose process died: a run does not wait for its source's next run to be marked failed.
        builder.Services.AddHostedService<AbandonedRunSweeper>();
        builder.Services.AddSingleton<SourcePreview>();
        builder.Services.AddTransient<SourceJobs>();
        builder.Services.AddSingleton<SourceSchedule>();
        builder.Services.AddSingleton<SourceSaving>();
        // The source editor (Data) checks crons with the parser Hangfire itself uses.
        builder.Services.AddSingleton<Indicators.Core.Sources.CronCheck>(CronSchedule.Check);
        builder.Services.AddHostedService<ScheduleSync>();
        return builder;
    }

    /// <summary>
    /// Sources:Files:Root (else Database:DataFolder, else .data beside Indicators.sln), AllowedFolders (absolute paths;
    /// a relative one stops the start, since it would be relative to wherever the process happens to run), PollInterval,
    /// MaxUploadMegabytes.
    /// </summary>
    static FileSourceOptions FileOptions(IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Sources:Files");
        var dataFolder = builder.Configuration["Database:DataFolder"] ?? DatabaseSetup.DefaultDataFolder(builder.Environment.ContentRootPath);
        var root = section["Root"] ?? dataFolder;
        var allowed = section.GetSection("AllowedFolders").Get<string[]>() ?? [];
        if (allowed.FirstOrDefault(f => !Path.IsPathFullyQualified(f)) is { } relative)
        {
            throw new InvalidOperationException($"Sources:Files:AllowedFolders: '{relative}' is not an absolute path.");
        }

        return new FileSourceOptions(
            Path.GetFullPath(root),
            section.GetValue<TimeSpan?>("PollInterval") ?? FileSourceOptions.DefaultPollInterval,
            (section.GetValue<long?>("MaxUploadMegabytes") ?? FileSourceOptions.DefaultMaxUploadBytes / (1024 * 1024)) * 1024 * 1024)
        {
            AllowedFolders = [.. allowed.Select(Path.GetFullPath)],
            DatabaseFolder = Path.GetFullPath(dataFolder),
        };
    }

    /// <summary>At start, makes Hangfire's recurring jobs match the sources in the database.</summary>
    sealed class ScheduleSync(SourceSchedule schedule) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => schedule.SyncAllAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
