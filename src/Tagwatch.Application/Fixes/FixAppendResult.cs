namespace Tagwatch.Application.Fixes;

/// <summary>What an append did.</summary>
/// <param name="Stored">Fixes newly stored.</param>
/// <param name="Duplicates">Fixes already held (same tag, fix time and position), not stored again.</param>
/// <param name="StoredFlagged">Of the stored fixes, those carrying at least one quality flag.</param>
public sealed record FixAppendResult(long Stored, long Duplicates, long StoredFlagged);
