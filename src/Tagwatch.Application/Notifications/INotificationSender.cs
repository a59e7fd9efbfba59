namespace Tagwatch.Application.Notifications;

/// <summary>Delivers a notification message (by e-mail, over SMTP, in the server).</summary>
public interface INotificationSender
{
    /// <summary>Hands <paramref name="message"/> to the mail server.</summary>
    /// <exception cref="Exception">Any failure to deliver; the caller records it and tries again later.</exception>
    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}
