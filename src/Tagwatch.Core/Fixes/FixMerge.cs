namespace Tagwatch.Core.Fixes;

/// <summary>
/// The one rule for adding fixes to a tag's stored day: merged in <see cref="FixOrder"/> (time, then position), and a
/// fix whose dedup key (tag, fix time, position) is already there is dropped, so the earlier copy is kept.
/// </summary>
/// <remarks>
/// Every fix store applies it, so a second store cannot deduplicate differently. Pure and allocation-light (one
/// array): it runs on the bulk import's hot path. Both inputs must be one tag's fixes already in
/// <see cref="FixOrder"/>; the stored fixes are assumed free of repeats (they were merged by this rule).
/// </remarks>
public static class FixMerge
{
    /// <summary>Merges sorted <paramref name="incoming"/> fixes into a day's sorted <paramref name="stored"/> fixes.</summary>
    /// <param name="stored">What the store holds for the tag and day, in <see cref="FixOrder"/>.</param>
    /// <param name="incoming">The new fixes for the same tag and day, in <see cref="FixOrder"/>.</param>
    /// <returns>The merged day in order; how many incoming fixes were new; how many of those carry quality flags.</returns>
    /// <exception cref="ArgumentException">An input is not in <see cref="FixOrder"/>.</exception>
    public static FixMergeResult Merge(ReadOnlySpan<Fix> stored, ReadOnlySpan<Fix> incoming)
    {
        if (!FixOrder.IsSorted(incoming))
        {
            throw new ArgumentException("The incoming fixes must be in FixOrder.", nameof(incoming));
        }

        var merged = new Fix[stored.Length + incoming.Length];
        int i = 0, j = 0, n = 0, added = 0, addedFlagged = 0;
        while (i < stored.Length || j < incoming.Length)
        {
            // On a tie the stored fix goes first, so the copy already kept wins and the incoming repeat is dropped.
            bool takeStored = j >= incoming.Length || (i < stored.Length && FixOrder.Instance.Compare(stored[i], incoming[j]) <= 0);
            var next = takeStored ? stored[i++] : incoming[j++];
            if (n > 0 && merged[n - 1].IsSameReportAs(next))
            {
                continue;
            }

            merged[n++] = next;
            if (!takeStored)
            {
                added++;
                addedFlagged += next.Flags == FixFlags.None ? 0 : 1;
            }
        }

        return new FixMergeResult(n == merged.Length ? merged : merged[..n], added, addedFlagged);
    }
}
