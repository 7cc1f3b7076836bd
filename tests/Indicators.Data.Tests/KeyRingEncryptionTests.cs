using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dapper;
using Indicators.Data.Protection;
using Indicators.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>
/// The Data Protection key ring (sign-in cookies, antiforgery tokens, source secrets) as the web app and the worker set
/// it up: in PostgreSQL, and encrypted there with the certificate in DataProtection:Certificate when one is configured.
/// </summary>
public sealed class KeyRingEncryptionTests : IDisposable
{
    const string CertificatePassword = "pfx-lösen-7Qx";
    readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>A self-signed RSA certificate with its private key, as a password-protected PFX file.</summary>
    string CreateCertificate(string name)
    {
        Directory.CreateDirectory(folder.Path);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder.Path, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    /// <summary>A process as Program.cs builds it (the worker's way: a configured database, Production).</summary>
    static IHost Process(string connectionString, Dictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["ConnectionStrings:Indicators"] = connectionString });
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.AddIndicatorsDatabase();
        return builder.Build();
    }

    static Dictionary<string, string?> WithCertificate(string path, string password = CertificatePassword) => new()
    {
        ["DataProtection:Certificate:Path"] = path,
        ["DataProtection:Certificate:Password"] = password,
    };

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_another_process_with_it_reads_what_one_protected()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var certificate = CreateCertificate("indicators-keys");
        using var web = Process(connectionString, WithCertificate(certificate));
        using var worker = Process(connectionString, WithCertificate(certificate));

        var encrypted = web.Services.GetRequiredService<SecretProtector>().Protect("api-nyckel-123");

        await using var connection = new NpgsqlConnection(connectionString);
        var xml = Assert.Single(await connection.QueryAsync<string>("select xml from data_protection_key"));
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.Equal("api-nyckel-123", worker.Services.GetRequiredService<SecretProtector>().Unprotect(encrypted));

        // Without the certificate the stored key is of no use.
        using var stranger = Process(connectionString, []);
        Assert.Throws<InvalidOperationException>(() => stranger.Services.GetRequiredService<SecretProtector>().Unprotect(encrypted));
    }

    [Fact]
    public async Task After_a_new_certificate_keys_encrypted_with_the_previous_one_are_still_read()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var old = CreateCertificate("old-keys");
        var current = CreateCertificate("new-keys");
        using var before = Process(connectionString, WithCertificate(old));
        var encrypted = before.Services.GetRequiredService<SecretProtector>().Protect("hemligt");

        using var after = Process(connectionString, new Dictionary<string, string?>(WithCertificate(current))
        {
            ["DataProtection:PreviousCertificates:0:Path"] = old,
            ["DataProtection:PreviousCertificates:0:Password"] = CertificatePassword,
        });

        Assert.Equal("hemligt", after.Services.GetRequiredService<SecretProtector>().Unprotect(encrypted));
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_with_its_setting_and_without_the_password()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var certificate = CreateCertificate("indicators-keys");

        var wrongPassword = Assert.ThrowsAny<DatabaseStartupException>(() => Process(connectionString, WithCertificate(certificate, "fel-lösenord-123")));
        var missing = Assert.ThrowsAny<DatabaseStartupException>(() => Process(connectionString, WithCertificate(certificate + ".saknas")));

        Assert.Contains("DataProtection:Certificate", wrongPassword.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fel-lösenord-123", wrongPassword.Message, StringComparison.Ordinal);
        Assert.Contains(certificate + ".saknas", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_certificate_a_production_process_warns_at_start_that_keys_are_stored_unencrypted()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var logs = new CollectingLoggerProvider();
        using var process = Process(connectionString, [], logs);

        await process.Services.PrepareDatabaseAsync();

        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("DataProtection:Certificate:Path", StringComparison.Ordinal));
    }

    sealed class CollectingLoggerProvider : ILoggerProvider, ILogger
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add((logLevel, formatter(state, exception)));
            }
        }

        public void Dispose()
        {
        }
    }
}
