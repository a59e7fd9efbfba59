using NodaTime;
using NodaTime.Text;

namespace Tagwatch.Application.Audit;

/// <summary>
/// Where verification of the chain starts: the genesis hash until the retention purge removes the oldest records,
/// then the last removed record. The base moves only by a purge, which records the move in the chain itself as an
/// <see cref="AuditActions.AuditPurge"/> record naming the new base; verification requires that record.
/// </summary>
/// <param name="Sequence">The last removed record's sequence (0 before any purge).</param>
/// <param name="Hash">Its hash (the genesis hash before any purge).</param>
/// <param name="At">When it was recorded (the epoch before any purge).</param>
/// <param name="RetentionDays">The audit retention period the move was made under; the database never lets it shorten.</param>
/// <param name="MovedBy">The sequence of the record of the move (0 before any purge).</param>
public sealed record AuditChainBase(long Sequence, string Hash, Instant At, int RetentionDays, long MovedBy)
{
    /// <summary>The subject type of a move record.</summary>
    public const string SubjectType = "audit_log";

    /// <summary>The base before any purge.</summary>
    public static AuditChainBase Genesis { get; } = new(0, AuditChain.Genesis, Instant.FromUnixTimeMilliseconds(0), 0, 0);

    /// <summary>The subject of the move record: the new base as <c>SEQ:HASH</c>.</summary>
    public string Subject => $"{Sequence}:{Hash}";

    /// <summary>The start of the move record's data: what verification compares with the stored base.</summary>
    public string Statement => $"base recorded {InstantPattern.General.Format(At)}; audit retention {RetentionDays} days";

    /// <summary>The record of a purge that removed <paramref name="removed"/> records recorded before <paramref name="cutoff"/> and moved the base here.</summary>
    public AuditEvent MoveRecord(string actor, string actorRole, long removed, Instant cutoff) =>
        new(actor, actorRole, AuditActions.AuditPurge, SubjectType, Subject,
            $"{Statement}; records up to {Sequence} removed ({removed} records, recorded before {InstantPattern.General.Format(cutoff)})");

    /// <summary>Whether <paramref name="entry"/> is the record of the move to this base.</summary>
    public bool IsRecordedBy(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Sequence == MovedBy && entry.Event.Action == AuditActions.AuditPurge && entry.Event.SubjectType == SubjectType
            && entry.Event.SubjectId == Subject && entry.Event.Data.StartsWith(Statement + ";", StringComparison.Ordinal);
    }
}
