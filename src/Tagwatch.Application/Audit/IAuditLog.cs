using NodaTime;

namespace Tagwatch.Application.Audit;

/// <summary>The append-only, hash-chained audit log.</summary>
public interface IAuditLog
{
    /// <summary>Appends a record, linking it to the last one, durably before returning.</summary>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Records matching <paramref name="query"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks every record's hash and link, that sequences have no gaps, that the tail was not cut off, and that the
    /// chain's base was moved only by a recorded retention purge, past records older than the retention period.
    /// </summary>
    /// <param name="expectedHead">A head (sequence and hash) recorded earlier outside the system, which must still be in the chain.</param>
    /// <param name="retention">The audit retention period in force: a base younger than it is reported.</param>
    Task<AuditVerification> VerifyAsync((long Sequence, string Hash)? expectedHead = null, Duration? retention = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the records older than <paramref name="cutoff"/> (or, with <paramref name="dryRun"/>, counts them): in
    /// one transaction, records the move as an <see cref="AuditActions.AuditPurge"/> record, moves the chain's base to
    /// the last record removed, and deletes up to it.
    /// </summary>
    /// <param name="retentionDays">The audit retention period the cut-off comes from; the database refuses a move
    /// under a shorter period than one already used, or past a record younger than the period.</param>
    /// <returns>How many records were (or would be) removed.</returns>
    Task<long> RemoveBeforeAsync(Instant cutoff, int retentionDays, string actor, string actorRole, bool dryRun = false, CancellationToken cancellationToken = default);
}
