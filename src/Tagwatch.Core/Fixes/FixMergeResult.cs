namespace Tagwatch.Core.Fixes;

/// <summary>A day's fixes after <see cref="FixMerge.Merge"/>.</summary>
/// <param name="Merged">The day's fixes in <see cref="FixOrder"/>, one per dedup key.</param>
/// <param name="Added">How many incoming fixes were new (not repeats of a stored or earlier incoming fix).</param>
/// <param name="AddedFlagged">How many of the new fixes carry quality flags.</param>
public sealed record FixMergeResult(Fix[] Merged, int Added, int AddedFlagged);
