using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Indicators.Web.Sources;

/// <summary>A message for the source page, carried in its address protected by Data Protection and valid five minutes.</summary>
public static class UploadMessages
{
    /// <summary>The longest message carried: with protection and base64 its address stays near 2 KB.</summary>
    public const int MaxLength = 1000;

    public static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("Indicators.Sources.PageMessage").ToTimeLimitedDataProtector();

    /// <summary>The message's kind ("klart" or "fel") and text, or null when the token is forged, altered or too old.</summary>
    public static (string Kind, string Text)? Read(IDataProtectionProvider protection, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var plain = Protector(protection).Unprotect(token);
            return plain.Split('|', 2) is [var kind, var text] ? (kind, text) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
