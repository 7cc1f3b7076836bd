using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indicators.Data.Protection;

/// <summary>Whether this process encrypts the key ring, and with which certificate (its thumbprint, never a secret).</summary>
public sealed record KeyRingEncryption(string? CertificateThumbprint);

/// <summary>
/// The Data Protection key ring (sign-in cookies, antiforgery tokens, source secrets) lives in PostgreSQL, so every web
/// and worker process shares it. With DataProtection:Certificate:Path (a PFX file with an RSA private key) and its
/// Password, each key is encrypted with that certificate before it is stored, so a copy of the database alone does not
/// give the keys. DataProtection:PreviousCertificates:N:Path/Password keep keys readable that an earlier certificate
/// encrypted (after a certificate is replaced, until those keys are no longer needed).
/// </summary>
public static class KeyRingSetup
{
    const string CertificateSection = "DataProtection:Certificate";
    const string PreviousSection = "DataProtection:PreviousCertificates";

    public static IHostApplicationBuilder AddIndicatorsKeyRing(this IHostApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Indicators");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, dataSource) => options.XmlRepository = new PostgresXmlRepository(dataSource));

        var current = Load(builder.Configuration.GetSection(CertificateSection), CertificateSection);
        if (current is not null)
        {
            var previous = builder.Configuration.GetSection(PreviousSection).GetChildren()
                .Select(section => Load(section, $"{PreviousSection}:{section.Key}"))
                .OfType<X509Certificate2>();
            dataProtection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        }

        builder.Services.AddSingleton(new KeyRingEncryption(current?.Thumbprint));
        builder.Services.AddSingleton<SecretProtector>();
        return builder;
    }

    /// <summary>At start: says whether the key ring is encrypted, and warns when a deployment stores it in plain text.</summary>
    public static void ReportKeyRingEncryption(this IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Indicators.DataProtection");
        var thumbprint = services.GetRequiredService<KeyRingEncryption>().CertificateThumbprint;
        if (thumbprint is not null)
        {
            logger.LogInformation("Data Protection keys are encrypted with the certificate {Thumbprint}", thumbprint);
        }
        else if (!services.GetRequiredService<DatabaseSettings>().Embedded && services.GetService<IHostEnvironment>()?.IsDevelopment() != true)
        {
            // The embedded database is a trial on one machine; a configured server is a deployment.
            logger.LogWarning(
                "Data Protection keys (sign-in cookies, source secrets) are stored in the database unencrypted. " +
                "Configure {PathSetting} and {PasswordSetting} with a certificate (PFX, RSA) to encrypt them.",
                $"{CertificateSection}:Path", $"{CertificateSection}:Password");
        }
    }

    /// <summary>The certificate a section names, or null when its Path is empty; unreadable ones stop the start.</summary>
    static X509Certificate2? Load(IConfigurationSection section, string name)
    {
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"]);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The message names the file and the setting; never the password.
            throw new DatabaseStartupException(
                $"Certifikatet i {name}:Path ({path}) kan inte läsas: filen saknas, är inte en PFX-fil eller lösenordet i {name}:Password stämmer inte. " +
                $"/ The certificate in {name}:Path ({path}) cannot be read: {e.GetType().Name}.", e);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new DatabaseStartupException(
                $"Certifikatet i {name}:Path ({path}) saknar en privat RSA-nyckel, som krävs för att kryptera nycklarna. " +
                $"/ The certificate in {name}:Path ({path}) has no RSA private key.");
        }

        return certificate;
    }
}
