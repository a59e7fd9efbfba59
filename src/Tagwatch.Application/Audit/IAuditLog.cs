namespace Tagwatch.Application.Audit;

/// <summary>The append-only, hash-chained audit log.</summary>
public interface IAuditLog
{
    /// <summary>Appends a record, linking it to the last one, durably before returning.</summary>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Records matching <paramref name="query"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Checks every record's hash and link, that sequences have no gaps, and that the tail was not cut off.</summary>
    /// <param name="expectedHead">A head (sequence and hash) recorded earlier outside the system, which must still be in the chain.</param>
    Task<AuditVerification> VerifyAsync((long Sequence, string Hash)? expectedHead = null, CancellationToken cancellationToken = default);
}
