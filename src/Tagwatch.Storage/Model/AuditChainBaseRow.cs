namespace Tagwatch.Storage.Model;

/// <summary>
/// Where the chain starts: sequence 0 and the genesis hash until the retention purge removes old records, then the
/// last removed record's sequence, hash and time, so the first remaining record still links to something known.
/// Triggers let it move only forward, to a record older than <see cref="RetentionDays"/> named by the purge record
/// just appended (<see cref="MovedBy"/>); audit records may be deleted only once the base has passed them.
/// </summary>
public sealed class AuditChainBaseRow
{
    public int Id { get; set; }

    public long Sequence { get; set; }

    public required string Hash { get; set; }

    /// <summary>When the base record was recorded (0 before any purge).</summary>
    public long AtUnixMs { get; set; }

    /// <summary>The audit retention period the base was moved under; the database never lets it shorten.</summary>
    public int RetentionDays { get; set; }

    /// <summary>The sequence of the <c>audit.purge</c> record of the move (0 before any purge).</summary>
    public long MovedBy { get; set; }
}
