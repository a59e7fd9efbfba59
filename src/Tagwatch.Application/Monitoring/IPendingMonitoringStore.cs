using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Monitoring;

/// <summary>
/// The durable record of licence monitoring still to do. The ingest commit that stores a tag's fixes or device events
/// also records, in the same transaction, "evaluate this tag from its earliest new fix" and "raise this event"
/// (<see cref="IngestCommit.MonitoringEntries"/> gives the entries' ids); the node that took the commit clears its
/// entries once its monitor has done them. An entry left behind — its node died, or failed until it stopped — is done by
/// the node running the monitoring sweep, so what was acknowledged to a device is checked against its licence even when
/// the node that stored it is gone.
/// </summary>
public interface IPendingMonitoringStore
{
    /// <summary>Failed attempts after which an entry is no longer offered: kept in the store for inspection, so one
    /// entry the monitor cannot do never holds up the others.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>Up to <paramref name="max"/> entries queued before <paramref name="queuedBefore"/> that have failed fewer
    /// than <see cref="MaxFailedAttempts"/> times, oldest first.</summary>
    Task<IReadOnlyList<PendingEvaluation>> QueuedBeforeAsync(Instant queuedBefore, int max, CancellationToken cancellationToken = default);

    /// <summary>Clears the entries with these ids: they were done. Ids already cleared are ignored.</summary>
    Task CompleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed attempt on the entries with these ids.</summary>
    Task FailAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);
}

/// <summary>One entry: the tag's fixes to evaluate from <paramref name="From"/>, or its device event
/// <paramref name="Event"/> (null for both when the event was purged since), queued when it arrived, with the attempts
/// that failed on it so far.</summary>
public sealed record PendingEvaluation(long Id, TagId Tag, Instant? From, DeviceEventRecord? Event, Instant Queued, int FailedAttempts = 0);
