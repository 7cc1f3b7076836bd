namespace Indicators.Ingestion.Alerts;

/// <summary>
/// One message to one recipient: a single event, or a digest of several; the items are the events, each with its
/// absolute link and its subscription's unsubscribe link.
/// </summary>
public sealed record AlertMessage(string Subject, IReadOnlyList<AlertMessageItem> Items);

public sealed record AlertMessageItem(string Title, string Body, string Link, string UnsubscribeLink);
