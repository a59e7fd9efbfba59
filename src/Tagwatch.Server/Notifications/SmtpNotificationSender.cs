using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Tagwatch.Application.Notifications;

namespace Tagwatch.Server.Notifications;

/// <summary>Sends notifications over SMTP with MailKit: one connection per message, protected as <see cref="NotificationOptions.Security"/> says.</summary>
/// <remarks>Notices are few (an alert left unacknowledged), so a connection per message keeps no idle session to go stale.</remarks>
internal sealed class SmtpNotificationSender(NotificationOptions options) : INotificationSender
{
    /// <summary>How long one SMTP exchange may take before it counts as failed (and is retried at the next check).</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(options.SmtpHost, options.SmtpPort, Socket(options.Security), cancellationToken);
        if (!string.IsNullOrEmpty(options.Username))
        {
            await client.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "unknown SMTP security"),
    };
}
