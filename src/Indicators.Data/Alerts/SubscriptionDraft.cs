using Indicators.Core.Editing;

namespace Indicators.Data.Alerts;

/// <summary>
/// A subscription as the form fills it in: what it follows (<c>TargetKind</c>, <c>TargetId</c>), which events, by e-mail
/// or not, a Teams or other JSON webhook (<c>WebhookUrl</c>, empty for none), and one message per event or a daily digest.
/// </summary>
public sealed record SubscriptionDraft(string TargetKind, int TargetId, IReadOnlyList<string> Events, bool ByEmail, string? WebhookUrl, bool Digest)
{
    /// <summary>Swedish messages per field; empty when the draft can be saved.</summary>
    /// <param name="webhooks">Where a webhook may point (Notifications:WebhookHosts, Notifications:AllowHttpWebhooks).</param>
    public IReadOnlyList<FieldError> Validate(WebhookPolicy webhooks)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
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

        if (!string.IsNullOrWhiteSpace(WebhookUrl) && webhooks.Check(WebhookUrl.Trim()) is { } webhook)
        {
            errors.Add(new("WebhookUrl", webhook));
        }

        return errors;
    }
}
