using Indicators.Data.Alerts;

namespace Indicators.Web.Alerts;

/// <summary>The Bevakningar page's form; its property names are the editor's field names, so errors land beside their fields.</summary>
public sealed class SubscriptionForm
{
    public string TargetKind { get; set; } = AlertTargets.Source;

    public int Target { get; set; }

    public HashSet<string> Events { get; } = [AlertKinds.RunFailed, AlertKinds.Stale];

    public bool ByEmail { get; set; } = true;

    public string? WebhookUrl { get; set; }

    public bool Digest { get; set; }

    public SubscriptionDraft ToDraft() =>
        new(TargetKind, Target, [.. AlertKinds.All.Where(Events.Contains)], ByEmail, WebhookUrl, Digest);
}
