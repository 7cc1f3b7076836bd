using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Indicators.Ingestion.Alerts;

/// <summary>
/// Sends an alert e-mail over SMTP (Notifications:Smtp) or, without a host, writes it as an .eml file to the pickup
/// folder. Swedish text, a plain-text and an HTML part, the object's link and the unsubscribe link in every message.
/// </summary>
public sealed class MailTransport(IOptions<NotificationOptions> options)
{
    public async Task SendAsync(string to, string toName, AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var mime = Build(settings, to, toName, message);
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            var folder = settings.PickupFolder ?? throw new InvalidOperationException("Notifications:PickupFolder is not set.");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            // Written beside, then moved: a reader of the folder never sees half a message.
            await mime.WriteToAsync(path + ".tmp", cancellationToken);
            File.Move(path + ".tmp", path);
            return;
        }

        using var client = new SmtpClient();
        var security = settings.Smtp.UseTls
            ? (settings.Smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls)
            : SecureSocketOptions.None;
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.User))
        {
            await client.AuthenticateAsync(settings.Smtp.User, settings.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    static MimeMessage Build(NotificationOptions settings, string to, string toName, AlertMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(MailboxAddress.Parse(settings.Smtp.From));
        mime.To.Add(new MailboxAddress(toName, to));
        // One-click unsubscribe for mail programs that offer it (RFC 8058): the single event's or the first item's link.
        if (message.Items.Count == 1)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{message.Items[0].UnsubscribeLink}>");
        }

        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><body>");
        foreach (var item in message.Items)
        {
            text.Append(item.Title).Append("\n\n").Append(item.Body).Append("\n\nÖppna: ").Append(item.Link)
                .Append("\nAvsluta den här bevakningen: ").Append(item.UnsubscribeLink).Append("\n\n");
            html.Append("<h2>").Append(Encode(item.Title)).Append("</h2><p>").Append(Encode(item.Body)).Append("</p><p><a href=\"")
                .Append(Encode(item.Link)).Append("\">Öppna i Indicators</a></p><p><small><a href=\"").Append(Encode(item.UnsubscribeLink))
                .Append("\">Avsluta den här bevakningen</a></small></p>");
        }

        text.Append("Du får det här meddelandet för att du bevakar det i Indicators. Dina bevakningar: ").Append(settings.Link("/bevakningar"));
        html.Append("<p><small>Du får det här meddelandet för att du bevakar det i Indicators. <a href=\"")
            .Append(Encode(settings.Link("/bevakningar"))).Append("\">Dina bevakningar</a></small></p></body></html>");
        mime.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return mime;
    }

    static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
