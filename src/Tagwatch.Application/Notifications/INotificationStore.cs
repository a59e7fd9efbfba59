namespace Tagwatch.Application.Notifications;

/// <summary>The record of notifications: what was sent (or failed) to whom, for which alert and stage.</summary>
public interface INotificationStore
{
    /// <summary>Every notification of the given alerts.</summary>
    Task<IReadOnlyList<Notification>> ForAlertsAsync(IReadOnlyCollection<long> alertIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a notification before it is sent; returns it stored. The same alert, stage and recipient are recorded
    /// once: a second call returns the first record.
    /// </summary>
    Task<Notification> RecordAsync(Notification notification, CancellationToken cancellationToken = default);

    /// <summary>Stores the outcome of an attempt (status, attempts, last attempt, error).</summary>
    Task UpdateAsync(Notification notification, CancellationToken cancellationToken = default);

    /// <summary>The most recent notifications, newest first.</summary>
    Task<IReadOnlyList<Notification>> ListAsync(int limit, CancellationToken cancellationToken = default);
}
