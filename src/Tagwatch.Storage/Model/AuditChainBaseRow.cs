namespace Tagwatch.Storage.Model;

/// <summary>
/// Where the chain starts: sequence 0 and the genesis hash until the retention purge removes old records, then the
/// last removed record's sequence and hash, so the first remaining record still links to something known.
/// </summary>
public sealed class AuditChainBaseRow
{
    public int Id { get; set; }

    public long Sequence { get; set; }

    public required string Hash { get; set; }

    /// <summary>Set only inside the retention purge's transaction: the triggers let deletes through while it is.</summary>
    public bool Purging { get; set; }
}
