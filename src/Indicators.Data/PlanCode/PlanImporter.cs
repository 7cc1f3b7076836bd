using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Sources;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.PlanCode;

/// <summary>
/// Imports a plan document: reads and checks all of it first (<see cref="PlanDocumentRules"/>) and refuses it whole, with
/// the line and reason of every problem, when anything is wrong; otherwise applies it in one transaction, matching
/// everything by natural keys, with an audit entry per created, updated or removed entity and one for the import.
/// A dry run does the same work and rolls it back, so it reports exactly what an import would change.
/// </summary>
public sealed class PlanImporter(NpgsqlDataSource dataSource, CronCheck cronCheck, FolderCheck folderCheck, SettingsCheck settingsCheck)
{
    const long LockKey = 0x91A4C0DE;

    public async Task<PlanImportResult> ImportAsync(string text, Actor actor, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var read = PlanYamlReader.Read(text);
        if (read.Document is not { } document)
        {
            return Refused(dryRun, read.Errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@LockKey)", new { LockKey }, transaction, cancellationToken: cancellationToken));
        var knownAreas = (await connection.QueryAsync<string>(new CommandDefinition("select id from area", transaction: transaction, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        var errors = new PlanDocumentRules(read, knownAreas, cronCheck, folderCheck, settingsCheck).Check();
        if (errors.Count > 0)
        {
            return Refused(dryRun, errors);
        }

        var apply = new PlanApply(connection, transaction, actor, document, cancellationToken);
        try
        {
            await apply.RunAsync();
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            await transaction.RollbackAsync(cancellationToken);
            return Refused(dryRun, [new PlanCodeError(1, 1, $"Databasen tog inte emot planen: {e.MessageText}")]);
        }
        catch (InvalidEditException e)
        {
            // A clash the writers name in an editor's words (a plan name that differs from another only in case).
            await transaction.RollbackAsync(cancellationToken);
            var hint = e.Errors.Any(x => x.Field == Plans.AdoptedVersions.ReasonField)
                ? " I planfilen anges skälet som justering: under versionen; en ny version med eget beslut är en revision."
                : "";
            return Refused(dryRun, [new PlanCodeError(1, 1, $"Databasen tog inte emot planen: {e.Message}{hint}")]);
        }

        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new PlanImportResult(dryRun, apply.PlanId, document.Plan.Name, apply.Changes, [], apply.SourceIds);
    }

    static PlanImportResult Refused(bool dryRun, IReadOnlyList<PlanCodeError> errors) =>
        new(dryRun, null, null, [], [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)], []);
}
