using Indicators.Core.Formatting;
using Indicators.Core.Sources;
using Indicators.Data.Audit;
using Indicators.Data.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// At every start, in the web app and the worker alike: each enabled file source whose watched folder or pattern the
/// configured roots do not allow (<see cref="FileRoots"/>, <see cref="FilePattern"/>) is switched off, with the reason its
/// page shows, and audited as the system's doing. The roots are configuration, so a migration alone could not know them;
/// sources saved before the rule existed, and roots narrowed since, are both caught here. Runs refuse such a folder on
/// their own too, so a process that skipped this check (or a symlink changed after it) still reads nothing outside.
/// </summary>
public sealed class FileSourceRootCheck(SourceQueries sources, SourceEditor editor, FileRoots roots, TimeProvider time, ILogger<FileSourceRootCheck> logger)
    : IHostedService
{
    /// <summary>Who the audit log names for the change.</summary>
    public static readonly Actor SystemActor = new("system", null);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DisableOutsideRootsAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The start goes on: every run and every poll checks the folder again.
            logger.LogError(e, "Checking the file sources against the configured roots failed");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Disables the file sources the roots do not allow; returns their ids.</summary>
    public async Task<IReadOnlyList<int>> DisableOutsideRootsAsync(CancellationToken cancellationToken)
    {
        var disabled = new List<int>();
        foreach (var source in await sources.ListAsync(cancellationToken))
        {
            if (!source.Kind.Is(SourceKind.File) || !source.Enabled || Refusal(source) is not { } refusal)
            {
                continue;
            }

            var day = TimeZoneInfo.ConvertTime(time.GetUtcNow(), SwedishFormat.Stockholm).ToString("d MMMM yyyy", SwedishFormat.Culture);
            var reason = $"Avstängd av systemet vid start {day}: {refusal} Rätta källans inställningar och slå på den igen.";
            if (await editor.DisableAsync(source.Id, reason, SystemActor, cancellationToken))
            {
                logger.LogWarning("File source {SourceId} was disabled: its watched folder or pattern is not allowed by the configured roots", source.Id);
                disabled.Add(source.Id);
            }
        }

        return disabled;
    }

    /// <summary>Why the source may not read its folder, or null. Settings that do not parse are its runs' to report.</summary>
    string? Refusal(SourceDefinition source)
    {
        FileSourceSettings settings;
        try
        {
            settings = FileSourceSettings.Parse(source.Settings, source.Name);
        }
        catch (SourceReadException)
        {
            return null;
        }

        return FilePattern.Error(settings.Pattern)
            ?? (string.IsNullOrWhiteSpace(settings.Folder) ? null : roots.Check(settings.Folder.Trim()));
    }
}
