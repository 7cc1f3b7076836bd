namespace Indicators.Ingestion.Alerts;

/// <summary>
/// Notifications:* (README, "Configuration"). Without Smtp:Host, messages are written as .eml files to
/// <see cref="PickupFolder"/> (the embedded default), where they can be opened with any mail program.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The app's address as its users reach it, for the links in messages.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where messages go without SMTP; default: the data folder's "mail" folder.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>Whether a webhook may be plain http (closed networks and tests); off: https only.</summary>
    public bool AllowHttpWebhooks { get; set; }

    /// <summary>
    /// The hosts a webhook may point to (names, or *.domain); empty: <see cref="Data.Alerts.WebhookPolicy.DefaultHosts"/>
    /// (Microsoft Teams and Power Automate). Configured entries replace the defaults.
    /// </summary>
    public List<string> WebhookHosts { get; set; } = [];

    /// <summary>When the daily digest is sent (cron, Europe/Stockholm).</summary>
    public string DigestCron { get; set; } = "0 7 * * *";

    /// <summary>How often the store is scanned for new events (cron).</summary>
    public string ScanCron { get; set; } = "* * * * *";

    /// <summary>An absolute link into the app for a path such as /kallor/3.</summary>
    public string Link(string path) => BaseUrl.TrimEnd('/') + path;
}

/// <summary>Notifications:Smtp:*; the password is a secret (user secrets, environment, a vault), never in appsettings.json.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Indicators <indicators@localhost>";

    /// <summary>STARTTLS (or TLS on port 465); false only for a relay on a closed network or a test server.</summary>
    public bool UseTls { get; set; } = true;
}
