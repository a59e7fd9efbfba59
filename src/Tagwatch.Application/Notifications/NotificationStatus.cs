namespace Tagwatch.Application.Notifications;

/// <summary>Where a notification is in being sent.</summary>
public enum NotificationStatus
{
    /// <summary>Recorded; the SMTP server has not taken it yet (the send is under way, or the server stopped during it).</summary>
    Pending,

    /// <summary>The SMTP server took it.</summary>
    Sent,

    /// <summary>The last attempt failed; it is tried again at the next check while the alert stays unacknowledged.</summary>
    Failed,
}
