using Indicators.Core.Formatting;

namespace Indicators.Data.Alerts;

/// <summary>
/// Where a subscription's webhook may point (Notifications:WebhookHosts, Notifications:AllowHttpWebhooks): host names,
/// or <c>*.suffix</c> for any host under a domain. Checked when a subscription is saved and again before each send, so
/// that a subscriber cannot make the server post to an internal address (SSRF), nor can a subscription saved under an
/// older list. By default the Microsoft Teams incoming webhook and Power Automate workflow hosts.
/// </summary>
public sealed record WebhookPolicy(bool AllowHttp, IReadOnlyList<string> Hosts)
{
    /// <summary>
    /// Teams incoming webhooks (https://kommun.webhook.office.com/webhookb2/…) and Teams Workflows / Power Automate
    /// webhooks, on the old (https://prod-05.westeurope.logic.azure.com/workflows/…) and the new host
    /// (https://….environment.api.powerplatform.com/powerautomate/automations/direct/workflows/…).
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultHosts = ["*.webhook.office.com", "*.logic.azure.com", "*.environment.api.powerplatform.com"];

    /// <summary>Why an entry of the list is unusable, or null: a host name, or "*." and a domain.</summary>
    public static string? PatternError(string pattern)
    {
        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return Uri.CheckHostName(host) == UriHostNameType.Unknown || host.Contains('*', StringComparison.Ordinal)
            ? $"”{pattern}” is neither a host name nor *. and a domain."
            : null;
    }

    /// <summary>Whether the host is on the list: equal to a name, or under a *. domain (not the domain itself).</summary>
    public bool Allows(string host) => Hosts.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
        ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
        : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase));

    /// <summary>The Swedish reason a webhook address may not be used, or null. Names the host, never the path (the secret).</summary>
    public string? Check(string url)
    {
        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Webhookadressen ska vara en fullständig webbadress som börjar med https://.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !AllowHttp)
        {
            return "Webhookadressen ska börja med https:// (okrypterad http är inte tillåten).";
        }

        return Allows(uri.IdnHost)
            ? null
            : $"Webhookadressens värd ”{uri.IdnHost}” är inte tillåten. Tillåtna är {SwedishFormat.List([.. Hosts])} "
                + "(Microsoft Teams och Power Automate); en administratör kan ändra listan med inställningen Notifications:WebhookHosts.";
    }
}
