using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Indicators.Data.Alerts;

/// <summary>
/// The token in every message's unsubscribe link: the subscription's id, signed and encrypted with the shared key ring,
/// so the link works without signing in and can end that one subscription only. It does not expire: a message read a
/// year later still unsubscribes.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    readonly IDataProtector protector = provider.CreateProtector("Indicators.Alerts.Unsubscribe.v1");

    public string For(int subscriptionId) =>
        WebEncoders.Base64UrlEncode(protector.Protect(System.Text.Encoding.UTF8.GetBytes(subscriptionId.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The subscription id, or null for a token that is damaged, forged or from another installation.</summary>
    public int? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var text = System.Text.Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
