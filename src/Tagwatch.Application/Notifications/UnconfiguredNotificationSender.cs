namespace Tagwatch.Application.Notifications;

/// <summary>The sender where no mail server is composed (the console, tests of other areas): every send fails, and is recorded so.</summary>
public sealed class UnconfiguredNotificationSender : INotificationSender
{
    /// <inheritdoc />
    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No e-mail sender is configured in this process.");
}
