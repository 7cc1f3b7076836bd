using System.Net.Http.Json;

namespace Indicators.Ingestion.Alerts;

/// <summary>
/// Posts an event to a Microsoft Teams (incoming webhook, MessageCard) or any other JSON webhook: title, text and link
/// at the top level for generic receivers, and the MessageCard fields Teams shows. The address is a secret: it is never
/// logged, and errors name only the status.
/// </summary>
public sealed class WebhookPoster(IHttpClientFactory clients)
{
    public const string ClientName = "alert-webhook";

    public async Task PostAsync(string url, AlertMessageItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        // MessageCard's "@type" and "@context" are not C# names: the card is a dictionary.
        var card = new Dictionary<string, object>
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = item.Title,
            ["title"] = item.Title,
            ["text"] = item.Body,
            ["link"] = item.Link,
            ["unsubscribe"] = item.UnsubscribeLink,
            ["potentialAction"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["@type"] = "OpenUri",
                    ["name"] = "Öppna i Indicators",
                    ["targets"] = new[] { new Dictionary<string, string> { ["os"] = "default", ["uri"] = item.Link } },
                },
            },
        };
        using var response = await clients.CreateClient(ClientName).PostAsJsonAsync(url, card, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new AlertSendException($"Webhooken svarade {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }
}

/// <summary>
/// A send that failed, with a message safe to store and log (no webhook address, no password); <see cref="Permanent"/>
/// when a retry cannot help (a host no longer allowed), so the delivery is marked failed at once.
/// </summary>
public sealed class AlertSendException(string message, Exception? inner = null, bool permanent = false) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
