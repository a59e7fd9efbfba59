namespace Tagwatch.Application.Retention;

/// <summary>Deletion of data past its retention, in small transactions, sparing people under legal hold; and the holds themselves.</summary>
public interface IRetentionStore
{
    /// <summary>Deletes (or with <paramref name="dryRun"/> counts) everything due under <paramref name="cutoffs"/>, kind by kind, in small batches
    /// — except audit records, which the audit log removes itself (<see cref="Audit.IAuditLog.RemoveBeforeAsync"/>).</summary>
    Task<RetentionCounts> PurgeAsync(RetentionCutoffs cutoffs, bool dryRun, CancellationToken cancellationToken = default);

    /// <summary>Places a hold; placing one on a person already held changes nothing.</summary>
    /// <exception cref="KeyNotFoundException">No enrolled person has the reference.</exception>
    Task<LegalHold> PlaceHoldAsync(string offenderReference, string reason, string by, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>Lifts a standing hold; false when there is none.</summary>
    Task<bool> LiftHoldAsync(string offenderReference, string by, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>Holds, standing first, then lifted.</summary>
    Task<IReadOnlyList<LegalHold>> HoldsAsync(CancellationToken cancellationToken = default);
}
