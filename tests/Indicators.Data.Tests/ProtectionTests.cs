using Dapper;
using Indicators.Data.Protection;
using Indicators.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Indicators.Data.Tests;

public class ProtectionTests
{
    static ServiceProvider Process(NpgsqlDataSource dataSource)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("Indicators");
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgresXmlRepository(dataSource));
        services.AddSingleton<SecretProtector>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_secret_encrypted_by_one_process_is_read_by_another_sharing_the_database()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await using var web = Process(dataSource);
        await using var worker = Process(dataSource);

        var encrypted = web.GetRequiredService<SecretProtector>().Protect("api-nyckel-123");

        Assert.Equal("api-nyckel-123", worker.GetRequiredService<SecretProtector>().Unprotect(encrypted));
        Assert.DoesNotContain("api-nyckel-123", System.Text.Encoding.UTF8.GetString(encrypted), StringComparison.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from data_protection_key"));
    }

    [Fact]
    public async Task A_secret_from_another_installation_gives_a_clear_error()
    {
        await using var ours = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await using var theirs = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await using var other = Process(theirs);
        var encrypted = other.GetRequiredService<SecretProtector>().Protect("hemligt");
        await using var us = Process(ours);

        var error = Assert.Throws<InvalidOperationException>(() => us.GetRequiredService<SecretProtector>().Unprotect(encrypted));

        Assert.Contains("kan inte dekrypteras", error.Message, StringComparison.Ordinal);
    }
}
