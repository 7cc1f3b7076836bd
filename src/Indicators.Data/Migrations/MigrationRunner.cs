using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indicators.Data.Migrations;

/// <summary>
/// Applies the files of sql/ that the database has not seen, each in its own transaction, under a session
/// advisory lock so that processes starting together apply every file exactly once. Applied files are
/// checksummed: an edited one stops the start instead of leaving the schema and the files out of step.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, IReadOnlyList<MigrationScript> scripts, ILogger<MigrationRunner> logger)
{
    /// <summary>The advisory lock key; any constant works as long as everyone uses the same.</summary>
    const long LockKey = 0x1D1CA7025;

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateJournalSql, cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<AppliedMigration>(
                new CommandDefinition("select version, name, checksum from schema_migrations", cancellationToken: cancellationToken)))
                .ToDictionary(m => m.Version);

            var newlyApplied = new List<string>();
            foreach (var script in scripts)
            {
                if (applied.TryGetValue(script.Version, out var done))
                {
                    if (done.Checksum != script.Checksum)
                    {
                        throw new MigrationException(
                            $"Migreringen {script.Name} har ändrats efter att den kördes mot databasen (kontrollsumman skiljer sig). " +
                            $"Återställ filen och lägg ändringen i en ny migrering. / The migration {script.Name} was edited after it was applied.");
                    }

                    continue;
                }

                await ApplyAsync(connection, script, cancellationToken);
                newlyApplied.Add(script.Name);
            }

            foreach (var unknown in applied.Values.Where(a => scripts.All(s => s.Version != a.Version)))
            {
                logger.LogWarning("The database has migration {Name}, which this version of the application does not know", unknown.Name);
            }

            return newlyApplied;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>The files this version of the application has that the database has not applied (for the readiness check).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var applied = (await connection.QueryAsync<int>(
            new CommandDefinition("select version from schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
        return scripts.Where(s => !applied.Contains(s.Version)).Select(s => s.Name).ToList();
    }

    const string CreateJournalSql = """
        create table if not exists schema_migrations (
            version     integer primary key,
            name        text not null,
            checksum    text not null,
            applied_at  timestamptz not null default now()
        )
        """;

    const string RecordSql = "insert into schema_migrations (version, name, checksum) values (@Version, @Name, @Checksum)";

    async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        logger.LogInformation("Applying migration {Name}", script.Name);
        var transaction = script.InTransaction ? await connection.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
            {
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                RecordSql, new { script.Version, script.Name, script.Checksum }, transaction, cancellationToken: cancellationToken));
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (PostgresException e)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }

            throw new MigrationException(
                $"Migreringen {script.Name} misslyckades och rullades tillbaka: {e.MessageText} ({e.SqlState}). " +
                $"/ Migration {script.Name} failed and was rolled back.", e);
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    sealed record AppliedMigration(int Version, string Name, string Checksum);
}
