using Tagwatch.Application.Notifications;

namespace Tagwatch.Application.Tests.Notifications;

/// <summary>Keeps every message it is given; fails every send while <see cref="Failing"/> is set.</summary>
internal sealed class FakeNotificationSender : INotificationSender
{
    private readonly List<NotificationMessage> _sent = [];

    public bool Failing { get; set; }

    public IReadOnlyList<NotificationMessage> Sent => _sent;

    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new IOException("connection refused by the mail server");
        }

        _sent.Add(message);
        return Task.CompletedTask;
    }
}
