using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Grid;

/// <summary>Every tag's fixes of one UTC day, filed by cell (<see cref="GridCells"/>) and in time order within each cell.</summary>
/// <remarks>
/// The shape a "who was here then" question wants: a crime's search box covers a few cells, each cell's fixes of the
/// window are one contiguous run found by bisection, and nothing else is read. Columns are plain runs of fixed-width
/// numbers (10 bytes a fix), so the fix store can keep a grid on disk and map it back into memory without decoding
/// or copying. Immutable; safe for concurrent queries. A grid over mapped memory owns the mapping: dispose it (or the
/// <see cref="FixGrid"/> holding it) when no query runs any more.
/// </remarks>
public sealed class DayGrid : IDisposable
{
    private readonly TagId[] _tags;
    private readonly ReadOnlyMemory<long> _cellKeys;
    private readonly ReadOnlyMemory<int> _cellStarts;
    private readonly ReadOnlyMemory<int> _times;
    private readonly ReadOnlyMemory<ushort> _latitudeOffsets, _longitudeOffsets, _tagOrdinals;
    private readonly IDisposable? _owner;

    /// <summary>A grid from its columns (as <see cref="DayGridBuilder"/> makes them, or as read back from disk); the
    /// arrays are taken over, not copied.</summary>
    /// <param name="day">UTC day number.</param>
    /// <param name="tags">The tags, by ordinal.</param>
    /// <param name="cellKeys">The occupied cells' keys, ascending.</param>
    /// <param name="cellStarts">Where each cell's fixes start; one more entry than cells, the last being the fix count.</param>
    /// <param name="times">Milliseconds since the day's start, ascending within each cell.</param>
    /// <param name="latitudeOffsets">Latitude above the cell's southern edge, 1e-7°.</param>
    /// <param name="longitudeOffsets">Longitude east of the cell's western edge, 1e-7°.</param>
    /// <param name="tagOrdinals">Each fix's tag, as an index into <paramref name="tags"/>.</param>
    /// <exception cref="ArgumentException">The columns break one of the rules above.</exception>
    public DayGrid(int day, TagId[] tags, long[] cellKeys, int[] cellStarts, int[] times, ushort[] latitudeOffsets, ushort[] longitudeOffsets, ushort[] tagOrdinals)
        : this(day, tags, cellKeys, cellStarts, times, latitudeOffsets, longitudeOffsets, tagOrdinals, owner: null, checkEveryFix: true)
    {
    }

    /// <summary>A grid over memory that <paramref name="owner"/> keeps valid until disposed (a mapped file). When
    /// <paramref name="checkEveryFix"/> is false the columns are known to come unchanged from a checked grid — a file
    /// whose checksum matches what was written — so only their shape is checked, not every fix (which would cost more
    /// than reading them).</summary>
    internal DayGrid(int day, TagId[] tags, ReadOnlyMemory<long> cellKeys, ReadOnlyMemory<int> cellStarts, ReadOnlyMemory<int> times,
        ReadOnlyMemory<ushort> latitudeOffsets, ReadOnlyMemory<ushort> longitudeOffsets, ReadOnlyMemory<ushort> tagOrdinals, IDisposable? owner, bool checkEveryFix)
    {
        (Day, _tags, _cellKeys, _cellStarts, _times, _owner) = (day, tags, cellKeys, cellStarts, times, owner);
        (_latitudeOffsets, _longitudeOffsets, _tagOrdinals) = (latitudeOffsets, longitudeOffsets, tagOrdinals);
        ValidateShape();
        if (checkEveryFix)
        {
            ValidateFixes();
        }
    }

    /// <summary>UTC day number (days since the Unix epoch).</summary>
    public int Day { get; }

    /// <summary>Start of the day, Unix milliseconds.</summary>
    public long StartUnixMs => Day * GridCells.DayMs;

    /// <summary>The tags with fixes this day, by ordinal.</summary>
    public IReadOnlyList<TagId> Tags => _tags;

    /// <summary>Number of fixes.</summary>
    public int Count => _times.Length;

    /// <summary>The occupied cells' keys, ascending.</summary>
    public ReadOnlySpan<long> CellKeys => _cellKeys.Span;

    /// <summary>Where each cell's fixes start (one entry more than cells).</summary>
    public ReadOnlySpan<int> CellStarts => _cellStarts.Span;

    /// <summary>Milliseconds since the day's start, by fix.</summary>
    public ReadOnlySpan<int> Times => _times.Span;

    /// <summary>Latitude offsets within the cell, 1e-7°, by fix.</summary>
    public ReadOnlySpan<ushort> LatitudeOffsets => _latitudeOffsets.Span;

    /// <summary>Longitude offsets within the cell, 1e-7°, by fix.</summary>
    public ReadOnlySpan<ushort> LongitudeOffsets => _longitudeOffsets.Span;

    /// <summary>Tag ordinals, by fix.</summary>
    public ReadOnlySpan<ushort> TagOrdinals => _tagOrdinals.Span;

    /// <summary>Releases the memory the grid lies in, when it owns any (a mapped file).</summary>
    public void Dispose() => _owner?.Dispose();

    /// <summary>Offers every fix in rows <paramref name="row0"/>…<paramref name="row1"/>, columns
    /// <paramref name="column0"/>…<paramref name="column1"/>, with day time in [fromMs, toMs], to the test; each found
    /// fix accumulates under <c>tagMap[ordinal]</c>.</summary>
    internal void Scan(int row0, int row1, int column0, int column1, long fromMs, long toMs, in ProximityTest test, ReadOnlySpan<int> tagMap, TagAccumulators found)
    {
        long start = StartUnixMs;
        int from = (int)Math.Max(fromMs - start, 0), to = (int)Math.Min(toMs - start, GridCells.DayMs - 1);
        if (from > to)
        {
            return;
        }

        var area = test.Area;
        var (northPerDegree, eastPerDegree) = area.MetresPerDegree;
        double northPerUnit = northPerDegree / Fix.CoordinateScale, eastPerUnit = eastPerDegree / Fix.CoordinateScale;
        double screenSquared = area.ScreenSquared;
        var cellKeys = _cellKeys.Span;
        var cellStarts = _cellStarts.Span;
        var times = _times.Span;
        var latitudeOffsets = _latitudeOffsets.Span;
        var longitudeOffsets = _longitudeOffsets.Span;
        var tagOrdinals = _tagOrdinals.Span;
        for (int row = row0; row <= row1; row++)
        {
            long last = GridCells.Key(row, column1);
            int k = LowerBound(cellKeys, GridCells.Key(row, column0));
            for (; k < cellKeys.Length && cellKeys[k] <= last; k++)
            {
                var (_, column) = GridCells.Of(cellKeys[k]);
                long baseLatitude = (long)row * GridCells.LatitudeE7, baseLongitude = (long)column * GridCells.LongitudeE7;
                // A first screen in the cell's own offsets (multiplications only); it keeps a wide margin over the
                // test's own screen, so it never drops a fix the test would take.
                var (cellNorth, cellEast) = area.Offset(baseLatitude / Fix.CoordinateScale, baseLongitude / Fix.CoordinateScale);
                int end = cellStarts[k + 1];
                for (int i = cellStarts[k] + LowerBound(times[cellStarts[k]..end], from); i < end && times[i] <= to; i++)
                {
                    double north = cellNorth + (latitudeOffsets[i] * northPerUnit), east = cellEast + (longitudeOffsets[i] * eastPerUnit);
                    if ((north * north) + (east * east) > screenSquared * 1.0001 + 1)
                    {
                        continue;
                    }

                    double latitude = (baseLatitude + latitudeOffsets[i]) / Fix.CoordinateScale;
                    double longitude = (baseLongitude + longitudeOffsets[i]) / Fix.CoordinateScale;
                    test.Offer(ref found.For(tagMap[tagOrdinals[i]]), latitude, longitude, start + times[i]);
                }
            }
        }
    }

    /// <summary>The index of the first element not below <paramref name="value"/> (the length when none).</summary>
    private static int LowerBound<T>(ReadOnlySpan<T> sorted, T value)
        where T : IComparable<T>
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            (low, high) = sorted[middle].CompareTo(value) < 0 ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    private void ValidateShape()
    {
        int n = _times.Length;
        if (_latitudeOffsets.Length != n || _longitudeOffsets.Length != n || _tagOrdinals.Length != n)
        {
            throw new ArgumentException($"Day grid {Day}: columns of {n}, {_latitudeOffsets.Length}, {_longitudeOffsets.Length} and {_tagOrdinals.Length} fixes differ.");
        }

        var cellStarts = _cellStarts.Span;
        if (cellStarts.Length != _cellKeys.Length + 1 || cellStarts[0] != 0 || cellStarts[^1] != n)
        {
            throw new ArgumentException($"Day grid {Day}: cell starts do not span the {n} fixes of {_cellKeys.Length} cells.");
        }

        if (_tags.Length > ushort.MaxValue + 1)
        {
            throw new ArgumentException($"Day grid {Day}: {_tags.Length} tags; at most {ushort.MaxValue + 1} fit.");
        }
    }

    private void ValidateFixes()
    {
        var cellKeys = _cellKeys.Span;
        var cellStarts = _cellStarts.Span;
        var times = _times.Span;
        var latitudeOffsets = _latitudeOffsets.Span;
        var longitudeOffsets = _longitudeOffsets.Span;
        var tagOrdinals = _tagOrdinals.Span;
        for (int k = 0; k < cellKeys.Length; k++)
        {
            if ((k > 0 && cellKeys[k] <= cellKeys[k - 1]) || cellStarts[k + 1] < cellStarts[k])
            {
                throw new ArgumentException($"Day grid {Day}: cell {k} is out of order.");
            }

            for (int i = cellStarts[k]; i < cellStarts[k + 1]; i++)
            {
                if (times[i] < 0 || times[i] >= GridCells.DayMs || (i > cellStarts[k] && times[i] < times[i - 1]))
                {
                    throw new ArgumentException($"Day grid {Day}: fix {i} has time {times[i]} ms, outside the day or out of order in its cell.");
                }

                if (latitudeOffsets[i] >= GridCells.LatitudeE7 || longitudeOffsets[i] >= GridCells.LongitudeE7 || tagOrdinals[i] >= _tags.Length)
                {
                    throw new ArgumentException($"Day grid {Day}: fix {i} lies outside its cell or names tag ordinal {tagOrdinals[i]} of {_tags.Length}.");
                }
            }
        }
    }
}
