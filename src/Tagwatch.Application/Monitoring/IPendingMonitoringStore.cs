using NodaTime;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Monitoring;

/// <summary>
/// The durable record of licence monitoring still to do. The ingest commit that stores a tag's fixes also records, in
/// the same transaction, "evaluate this tag from its earliest new fix" (<see cref="Ingest.IngestCommit.MonitoringEntries"/>
/// gives the entries' ids); the node that took the commit clears its entries once its monitor has evaluated them. An
/// entry left behind — its node died, or failed until it stopped — is evaluated by the node running the monitoring sweep,
/// so fixes acknowledged to a device are checked against its licence even when the node that stored them is gone.
/// </summary>
public interface IPendingMonitoringStore
{
    /// <summary>Up to <paramref name="max"/> entries queued before <paramref name="queuedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<PendingEvaluation>> QueuedBeforeAsync(Instant queuedBefore, int max, CancellationToken cancellationToken = default);

    /// <summary>Clears the entries with these ids: their tags were evaluated. Ids already cleared are ignored.</summary>
    Task CompleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);
}

/// <summary>One tag to evaluate from <paramref name="From"/>, queued when the commit's latest fix of it arrived.</summary>
public sealed record PendingEvaluation(long Id, TagId Tag, Instant From, Instant Queued);
