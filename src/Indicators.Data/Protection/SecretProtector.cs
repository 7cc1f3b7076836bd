using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Indicators.Data.Protection;

/// <summary>
/// Encrypts source secrets (API keys, passwords) before they reach the database and decrypts them only where a
/// source is run. The plain text is never logged nor shown back: forms show whether a secret is set, not what it is.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    readonly IDataProtector protector = provider.CreateProtector("Indicators.SourceSecrets.v1");

    public byte[] Protect(string secret) => protector.Protect(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>The secret, or a clear error when the key ring that encrypted it is gone.</summary>
    public string Unprotect(byte[] encrypted)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(protector.Unprotect(encrypted));
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                "Källans hemlighet kan inte dekrypteras (nyckeln saknas). Ange hemligheten på nytt. / The source secret cannot be decrypted.", e);
        }
    }
}
