namespace Tagwatch.Application.Monitoring;

/// <summary>
/// The live stream of alert changes that the alert stream and the monitoring centre subscribe to. With one process it
/// is in memory (<see cref="AlertFeed"/>); with several server nodes on one database a change published on one node
/// reaches the subscribers of every node.
/// </summary>
/// <remarks>Thread-safe. Publishing never waits on subscribers: one that falls behind loses its oldest changes (and can
/// re-read the alert list) rather than slowing monitoring or anyone else.</remarks>
public interface IAlertFeed
{
    /// <summary>Publishes a change to every subscriber; called after the change is stored.</summary>
    void Publish(Alert alert, string action);

    /// <summary>Changes published from now until <paramref name="cancellationToken"/> ends the subscription.</summary>
    IAsyncEnumerable<AlertChange> SubscribeAsync(CancellationToken cancellationToken = default);
}
