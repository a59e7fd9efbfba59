namespace Tagwatch.Application.Fixes;

/// <summary>Size of the fix store.</summary>
/// <param name="Tags">Tags with at least one fix.</param>
/// <param name="Fixes">Fixes stored.</param>
/// <param name="Chunks">Chunks holding them.</param>
/// <param name="PayloadBytes">Bytes of encoded chunk data.</param>
public sealed record FixStoreStatistics(int Tags, long Fixes, long Chunks, long PayloadBytes)
{
    /// <summary>Encoded bytes per fix (0 when empty).</summary>
    public double BytesPerFix => Fixes == 0 ? 0 : (double)PayloadBytes / Fixes;
}
