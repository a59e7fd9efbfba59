namespace Tagwatch.Application.Reports;

/// <summary>
/// Suppression of small counts in a breakdown, so a small pilot's report cannot single anyone out: counts of
/// 1 to <see cref="SmallestCell"/> − 1 are withheld (primary suppression), and then enough further cells that the
/// withheld ones cannot be worked back from the breakdown's total (secondary suppression).
/// </summary>
/// <remarks>
/// Whoever reads a breakdown is taken to know its total, and that a withheld cell is at least 1 (zeros are shown:
/// zero singles nobody out). With k cells withheld and R = total − the shown cells, each withheld cell could be
/// anything from 1 to R − (k − 1). The withheld set is protected when k ≥ 2 and that upper bound is at least
/// <see cref="SmallestCell"/>: no withheld cell can be recovered, nor even shown to be small. Cells are added smallest
/// first; a breakdown that cannot be protected that way (its whole total is small) is withheld whole.
/// </remarks>
public static class SmallCells
{
    /// <summary>Counts below this (and above zero) are withheld.</summary>
    public const int SmallestCell = 3;

    /// <summary>The breakdown as it may be shown: withheld cells are null; null as a whole when it must be withheld whole.</summary>
    public static IReadOnlyDictionary<string, int?>? Suppress(IReadOnlyDictionary<string, int> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var withheld = cells.Where(c => c.Value is > 0 and < SmallestCell).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (withheld.Count > 0)
        {
            var next = new Queue<string>(cells.Where(c => c.Value >= SmallestCell).OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key));
            while (!IsProtected(cells, withheld) && next.Count > 0)
            {
                withheld.Add(next.Dequeue());
            }

            if (!IsProtected(cells, withheld))
            {
                return null;
            }
        }

        return cells.ToDictionary(c => c.Key, c => withheld.Contains(c.Key) ? null : (int?)c.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// A headline count that is part of a published total (significant matches of all matches): shown only when the
    /// breakdown {part, rest} would show it.
    /// </summary>
    public static int? Part(int part, int total) =>
        Suppress(new Dictionary<string, int>(StringComparer.Ordinal) { ["part"] = part, ["rest"] = total - part }) is { } shown ? shown["part"] : null;

    private static bool IsProtected(IReadOnlyDictionary<string, int> cells, HashSet<string> withheld)
    {
        int k = withheld.Count;
        int residual = withheld.Sum(key => cells[key]);
        return k >= 2 && residual - (k - 1) >= SmallestCell;
    }
}
