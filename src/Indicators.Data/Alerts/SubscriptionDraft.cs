using Indicators.Core.Editing;

namespace Indicators.Data.Alerts;

/// <summary>
/// A subscription as the form fills it in: what it follows (<c>TargetKind</c>, <c>TargetId</c>), which events, by e-mail
/// or not, a Teams or other JSON webhook (<c>WebhookUrl</c>, empty for none), and one message per event or a daily digest.
/// </summary>
public sealed record SubscriptionDraft(string TargetKind, int TargetId, IReadOnlyList<string> Events, bool ByEmail, string? WebhookUrl, bool Digest)
{
    /// <summary>Swedish messages per field; empty when the draft can be saved.</summary>
    /// <param name="allowHttpWebhooks">Whether a webhook may be plain http (tests and closed networks; Notifications:AllowHttpWebhooks).</param>
    public IReadOnlyList<FieldError> Validate(bool allowHttpWebhooks)
    {
        var errors = new List<FieldError>();
        if (!AlertTargets.All.Contains(TargetKind) || TargetId <= 0)
        {
            errors.Add(new("Target", "Välj vad du vill bevaka."));
        }

        if (Events.Count == 0)
        {
            errors.Add(new("Events", "Välj minst en händelse att bevaka."));
        }
        else if (Events.FirstOrDefault(e => !AlertKinds.All.Contains(e)) is { } unknown)
        {
            errors.Add(new("Events", $"Händelsen ”{unknown}” finns inte."));
        }

        if (!string.IsNullOrWhiteSpace(WebhookUrl) && WebhookError(WebhookUrl.Trim(), allowHttpWebhooks) is { } webhook)
        {
            errors.Add(new("WebhookUrl", webhook));
        }

        return errors;
    }

    static string? WebhookError(string url, bool allowHttp)
    {
        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Webhookadressen ska vara en fullständig webbadress som börjar med https://.";
        }

        return uri.Scheme == Uri.UriSchemeHttp && !allowHttp
            ? "Webhookadressen ska börja med https:// (okrypterad http är inte tillåten)."
            : null;
    }
}
