using Tagwatch.Core.Identity;

namespace Tagwatch.Correlation.Grid;

/// <summary>Collects the fixes of one UTC day, tag by tag, and files them into a <see cref="DayGrid"/>.</summary>
/// <remarks>Ordering is linear: fixes are put in time order, then (stably) in cell order, by counting passes over
/// the day's milliseconds and the cells the day's fixes occupy — no comparison sort.</remarks>
public sealed class DayGridBuilder(int day)
{
    private const int TimeDigitBits = 14; // two passes cover the 27 bits of a day's milliseconds
    private const int MaxCountedCells = 1 << 22;

    private readonly List<TagId> _tags = [];
    private readonly HashSet<TagId> _seen = [];
    private int[] _times = new int[1024];
    private int[] _latitudesE7 = new int[1024], _longitudesE7 = new int[1024];
    private ushort[] _ordinals = new ushort[1024];
    private int _count;

    /// <summary>UTC day number.</summary>
    public int Day => day;

    /// <summary>Fixes added so far.</summary>
    public int Count => _count;

    /// <summary>Adds one tag's fixes of this day (in any order).</summary>
    /// <exception cref="ArgumentException">The tag was added before, the columns differ in length, a time falls
    /// outside the day, or the day already has the most tags a grid holds.</exception>
    public void Add(TagId tag, ReadOnlySpan<long> timesUnixMs, ReadOnlySpan<int> latitudesE7, ReadOnlySpan<int> longitudesE7)
    {
        if (timesUnixMs.Length != latitudesE7.Length || timesUnixMs.Length != longitudesE7.Length)
        {
            throw new ArgumentException($"Fixes of {tag}: {timesUnixMs.Length} times but {latitudesE7.Length} latitudes and {longitudesE7.Length} longitudes.");
        }

        if (timesUnixMs.IsEmpty)
        {
            return;
        }

        if (!_seen.Add(tag))
        {
            throw new ArgumentException($"Fixes of {tag} were already added to the grid of day {day}.", nameof(tag));
        }

        if (_tags.Count > ushort.MaxValue)
        {
            throw new ArgumentException($"The grid of day {day} already holds {_tags.Count} tags, the most it can.", nameof(tag));
        }

        ushort ordinal = (ushort)_tags.Count;
        _tags.Add(tag);
        Reserve(_count + timesUnixMs.Length);
        long start = day * GridCells.DayMs;
        for (int i = 0; i < timesUnixMs.Length; i++)
        {
            long offset = timesUnixMs[i] - start;
            if (offset < 0 || offset >= GridCells.DayMs)
            {
                throw new ArgumentException($"Fix of {tag} at {timesUnixMs[i]} ms does not fall on day {day}.", nameof(timesUnixMs));
            }

            _times[_count] = (int)offset;
            _latitudesE7[_count] = latitudesE7[i];
            _longitudesE7[_count] = longitudesE7[i];
            _ordinals[_count++] = ordinal;
        }
    }

    /// <summary>Files the fixes added so far.</summary>
    public DayGrid Build()
    {
        int n = _count;
        var rows = new int[n];
        var columns = new int[n];
        int minRow = int.MaxValue, maxRow = int.MinValue, minColumn = int.MaxValue, maxColumn = int.MinValue;
        for (int i = 0; i < n; i++)
        {
            rows[i] = GridCells.Row(_latitudesE7[i]);
            columns[i] = GridCells.Column(_longitudesE7[i]);
            (minRow, maxRow) = (Math.Min(minRow, rows[i]), Math.Max(maxRow, rows[i]));
            (minColumn, maxColumn) = (Math.Min(minColumn, columns[i]), Math.Max(maxColumn, columns[i]));
        }

        int[] order = OrderByCellThenTime(rows, columns, minRow, maxRow, minColumn, maxColumn);
        var times = new int[n];
        var latitudeOffsets = new ushort[n];
        var longitudeOffsets = new ushort[n];
        var ordinals = new ushort[n];
        var cellKeys = new List<long>();
        var cellStarts = new List<int>();
        long previousKey = long.MinValue;
        for (int j = 0; j < n; j++)
        {
            int i = order[j];
            long key = GridCells.Key(rows[i], columns[i]);
            if (key != previousKey)
            {
                cellKeys.Add(key);
                cellStarts.Add(j);
                previousKey = key;
            }

            times[j] = _times[i];
            latitudeOffsets[j] = (ushort)(_latitudesE7[i] - ((long)rows[i] * GridCells.LatitudeE7));
            longitudeOffsets[j] = (ushort)(_longitudesE7[i] - ((long)columns[i] * GridCells.LongitudeE7));
            ordinals[j] = _ordinals[i];
        }

        cellStarts.Add(n);
        return new DayGrid(day, [.. _tags], [.. cellKeys], [.. cellStarts], times, latitudeOffsets, longitudeOffsets, ordinals);
    }

    /// <summary>Fix indexes in (cell, time) order: least significant first — time's low digit, its high digit, then
    /// the cell — each a stable counting pass. Falls back to a comparison sort when the fixes spread over more cells
    /// than a counting pass should allocate for (a day's fixes across a continent).</summary>
    private int[] OrderByCellThenTime(int[] rows, int[] columns, int minRow, int maxRow, int minColumn, int maxColumn)
    {
        int n = _count;
        long width = (long)maxColumn - minColumn + 1, cells = n == 0 ? 0 : ((long)maxRow - minRow + 1) * width;
        if (cells > MaxCountedCells)
        {
            var keys = new (long Cell, int Time)[n];
            var order = new int[n];
            for (int i = 0; i < n; i++)
            {
                keys[i] = (GridCells.Key(rows[i], columns[i]), _times[i]);
                order[i] = i;
            }

            Array.Sort(keys, order);
            return order;
        }

        const int digitMask = (1 << TimeDigitBits) - 1;
        var lowDigits = new int[n];
        var highDigits = new int[n];
        var cellNumbers = new int[n];
        for (int i = 0; i < n; i++)
        {
            lowDigits[i] = _times[i] & digitMask;
            highDigits[i] = _times[i] >> TimeDigitBits;
            cellNumbers[i] = (int)(((long)(rows[i] - minRow) * width) + (columns[i] - minColumn));
        }

        int[] byLow = CountingOrder(lowDigits, 1 << TimeDigitBits, null);
        int[] byTime = CountingOrder(highDigits, (int)(GridCells.DayMs >> TimeDigitBits) + 1, byLow);
        return CountingOrder(cellNumbers, (int)cells, byTime);
    }

    /// <summary>A stable counting sort: the order of <paramref name="within"/> (or 0…n−1) by <paramref name="values"/> (0 ≤ value &lt; range).</summary>
    private static int[] CountingOrder(int[] values, int range, int[]? within)
    {
        var counts = new int[range + 1];
        foreach (int v in values)
        {
            counts[v + 1]++;
        }

        for (int i = 1; i <= range; i++)
        {
            counts[i] += counts[i - 1];
        }

        var order = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            int item = within is null ? i : within[i];
            order[counts[values[item]]++] = item;
        }

        return order;
    }

    private void Reserve(int needed)
    {
        if (needed <= _times.Length)
        {
            return;
        }

        int size = Math.Max(needed, _times.Length * 2);
        Array.Resize(ref _times, size);
        Array.Resize(ref _latitudesE7, size);
        Array.Resize(ref _longitudesE7, size);
        Array.Resize(ref _ordinals, size);
    }
}
