using Dapper;
using Indicators.Data.Migrations;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>
/// The audit log's second guard: the application's role (a non-superuser that owns the schema, because it applies the
/// migrations) holds no right to update, delete or truncate it, so this holds even with the trigger switched off.
/// </summary>
public class AuditLogRightsTests
{
    [Theory]
    [InlineData("update audit_log set user_name = 'someone else'")]
    [InlineData("delete from audit_log")]
    [InlineData("truncate audit_log")]
    public async Task The_owning_application_role_cannot_change_audit_rows_even_with_the_trigger_disabled(string sql)
    {
        var connectionString = await MigratedAsApplicationRoleAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("insert into audit_log (user_name, action, entity) values ('test', 'create', 'plan')");
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("alter table audit_log disable trigger audit_log_is_append_only", transaction: transaction);

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql, transaction: transaction));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("permission denied", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owning_application_role_can_still_write_and_read_audit_entries()
    {
        var connectionString = await MigratedAsApplicationRoleAsync();
        await using var connection = new NpgsqlConnection(connectionString);

        await connection.ExecuteAsync("insert into audit_log (user_name, action, entity) values ('test', 'create', 'plan')");

        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from audit_log"));
        Assert.False(await connection.ExecuteScalarAsync<bool>("select has_table_privilege('audit_log', 'UPDATE') or has_table_privilege('audit_log', 'DELETE') or has_table_privilege('audit_log', 'TRUNCATE')"));
    }

    /// <summary>A fresh database owned by a new login role without superuser rights, migrated by that role, as in production.</summary>
    static async Task<string> MigratedAsApplicationRoleAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateEmptyDatabaseAsync());
        var role = $"app_{Guid.NewGuid():N}";
        var password = Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            // Identifiers cannot be parameters; both are generated above, hex and underscores only.
            await connection.ExecuteAsync($"create role {role} login nosuperuser password '{password}'");
            await connection.ExecuteAsync($"alter database {admin.Database} owner to {role}");
        }

        var application = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Username = role, Password = password, Pooling = false }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(application);
        await new MigrationRunner(dataSource, MigrationScript.Embedded(), NullLogger<MigrationRunner>.Instance).MigrateAsync();
        return application;
    }
}
