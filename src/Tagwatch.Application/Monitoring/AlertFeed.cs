using System.Threading.Channels;

namespace Tagwatch.Application.Monitoring;

/// <summary>The live stream of alert changes within one process: the feed itself with one server, and each node's
/// delivery to its own subscribers with several.</summary>
/// <remarks>
/// Each subscriber has its own bounded queue; one that falls behind loses its oldest changes (and can re-read the
/// alert list) rather than slowing monitoring or anyone else. Thread-safe.
/// </remarks>
public sealed class AlertFeed : IAlertFeed
{
    private readonly Lock _gate = new();
    private readonly List<Channel<AlertChange>> _subscribers = [];

    /// <summary>Queue length per subscriber.</summary>
    public int Capacity { get; init; } = 1_000;

    /// <summary>Current subscribers.</summary>
    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Publishes a change to every subscriber.</summary>
    public void Publish(Alert alert, string action)
    {
        var change = new AlertChange(alert, action);
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(change);
            }
        }
    }

    /// <summary>Changes published from now until <paramref name="cancellationToken"/> ends the subscription.</summary>
    public async IAsyncEnumerable<AlertChange> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<AlertChange>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var change))
                {
                    yield return change;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}

/// <summary>One change to an alert: <c>raised</c>, <c>ended</c>, <c>amended</c> or <c>withdrawn</c>.</summary>
public sealed record AlertChange(Alert Alert, string Action);
