namespace Tagwatch.Storage.Postgres.Copy;

/// <summary>What a copy moved and what it checked.</summary>
/// <param name="Tables">Rows per table, as counted in the source and then in the destination.</param>
/// <param name="Fixes">Fixes in the source's fix store and in the destination's.</param>
/// <param name="AuditEntries">Audit records copied; the destination's chain was verified intact up to the source's head.</param>
/// <param name="AuditHead">The head (sequence and hash) both chains end at.</param>
/// <param name="Keys">Data-protection keys copied (sessions and second-factor seeds stay readable).</param>
public sealed record DatabaseCopyReport(
    IReadOnlyList<DatabaseCopyReport.TableCount> Tables,
    (long Source, long Destination) Fixes,
    long AuditEntries,
    (long Sequence, string Hash) AuditHead,
    int Keys)
{
    /// <summary>One table's rows in the source and the destination.</summary>
    public sealed record TableCount(string Table, long Source, long Destination);
}
