using NodaTime;
using NodaTime.Text;

namespace Tagwatch.Application.Audit;

/// <summary>
/// What verification requires of a moved chain base: the record of the purge that moved it, naming it exactly, and a
/// base older than the audit retention period — both the period the purge recorded and the one in force now.
/// </summary>
public static class AuditChainBaseCheck
{
    /// <summary>Every problem with <paramref name="chainBase"/>, empty when it is the genesis or a recorded, due move.</summary>
    /// <param name="chainBase">The stored base.</param>
    /// <param name="move">The record the base names as its move, when it is in the chain.</param>
    /// <param name="now">The verifier's time.</param>
    /// <param name="retention">The audit retention period in force, when known.</param>
    public static IReadOnlyList<string> Problems(AuditChainBase chainBase, AuditEntry? move, Instant now, Duration? retention)
    {
        ArgumentNullException.ThrowIfNull(chainBase);
        if (chainBase.Sequence == 0 && chainBase.Hash == AuditChain.Genesis)
        {
            return [];
        }

        var problems = new List<string>();
        string at = InstantPattern.General.Format(chainBase.At);
        if (move is null || !chainBase.IsRecordedBy(move))
        {
            problems.Add($"the chain's base was moved to record {chainBase.Sequence} without a recorded retention purge (no {AuditActions.AuditPurge} record names {chainBase.Subject})");
        }
        else if (chainBase.At + Duration.FromDays(chainBase.RetentionDays) > move.At)
        {
            problems.Add($"the chain's base (record {chainBase.Sequence}, recorded {at}) was younger than its {chainBase.RetentionDays}-day audit retention when record {move.Sequence} moved it ({InstantPattern.General.Format(move.At)})");
        }

        var period = Duration.Max(Duration.FromDays(chainBase.RetentionDays), retention ?? Duration.Zero);
        if (chainBase.At > now - period)
        {
            problems.Add($"the chain's base (record {chainBase.Sequence}, recorded {at}) is younger than the audit retention period ({period.TotalDays:0} days): records were removed before their time");
        }

        return problems;
    }
}
