using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Grid;

/// <summary>Day grids over a span of days, answering "which tags had fixes within R metres of a point between two
/// times" for all tags at once.</summary>
/// <remarks>Tags are numbered across all days in <see cref="TagId"/> order, so results come out in tag order.
/// Immutable; safe for concurrent queries (each thread keeps its own scratch). Disposing it disposes its day grids
/// (releasing mapped files): do so when no query runs any more.</remarks>
public sealed class FixGrid : IDisposable
{
    private readonly DayGrid[] _days;      // ascending by day
    private readonly int[][] _tagMaps;     // per day: the day's tag ordinal → the grid's tag number
    private readonly TagId[] _tags;

    [ThreadStatic]
    private static TagAccumulators? _scratch;

    /// <summary>Combines day grids (one per day).</summary>
    /// <exception cref="ArgumentException">Two grids are for the same day.</exception>
    public FixGrid(IEnumerable<DayGrid> days)
    {
        _days = [.. days.OrderBy(d => d.Day)];
        for (int i = 1; i < _days.Length; i++)
        {
            if (_days[i].Day == _days[i - 1].Day)
            {
                throw new ArgumentException($"Two grids for day {_days[i].Day}.", nameof(days));
            }
        }

        _tags = [.. _days.SelectMany(d => d.Tags).Distinct().OrderBy(t => t.Value, StringComparer.Ordinal)];
        var number = new Dictionary<TagId, int>(_tags.Length);
        for (int i = 0; i < _tags.Length; i++)
        {
            number[_tags[i]] = i;
        }

        _tagMaps = [.. _days.Select(d => d.Tags.Select(t => number[t]).ToArray())];
    }

    /// <summary>The day grids, by day.</summary>
    public IReadOnlyList<DayGrid> Days => _days;

    /// <summary>Every tag with fixes in the grid, in <see cref="TagId"/> order: results name tags by index here.</summary>
    public IReadOnlyList<TagId> Tags => _tags;

    /// <summary>Number of fixes.</summary>
    public long Count => _days.Sum(d => (long)d.Count);

    /// <summary>Disposes the day grids.</summary>
    public void Dispose()
    {
        foreach (var day in _days)
        {
            day.Dispose();
        }
    }

    /// <summary>Builds the grid of trails held in memory (positions as their fixes hold them, in 1e-7°).</summary>
    public static FixGrid FromTrails(IEnumerable<TagTrail> trails)
    {
        var builders = new SortedDictionary<long, DayGridBuilder>();
        foreach (var trail in trails)
        {
            var latitudes = Array.ConvertAll(trail.Fixes, f => f.LatitudeE7);
            var longitudes = Array.ConvertAll(trail.Fixes, f => f.LongitudeE7);
            for (int start = 0; start < trail.Count;)
            {
                long day = GridCells.DayOf(trail.Times[start]);
                int end = start;
                while (end < trail.Count && GridCells.DayOf(trail.Times[end]) == day)
                {
                    end++;
                }

                if (!builders.TryGetValue(day, out var builder))
                {
                    builders[day] = builder = new DayGridBuilder(checked((int)day));
                }

                builder.Add(trail.Tag, trail.Times.AsSpan(start, end - start), latitudes.AsSpan(start, end - start), longitudes.AsSpan(start, end - start));
                start = end;
            }
        }

        return new FixGrid(builders.Values.Select(b => b.Build()));
    }

    /// <summary>For every tag with at least one fix within <paramref name="radiusMetres"/> (ellipsoidal) of the point
    /// with time in [fromMs, toMs] (inclusive), its proximity; in tag order (indexes into <see cref="Tags"/>).</summary>
    public List<(int Tag, Proximity Proximity)> Near(double latitude, double longitude, double radiusMetres, long fromMs, long toMs)
    {
        var results = new List<(int Tag, Proximity Proximity)>();
        if (_days.Length == 0 || fromMs > toMs)
        {
            return results;
        }

        var test = new ProximityTest(latitude, longitude, radiusMetres);
        var area = test.Area;
        int row0 = GridCells.Row((long)Math.Floor(area.MinLatitude * Fix.CoordinateScale));
        int row1 = GridCells.Row((long)Math.Ceiling(area.MaxLatitude * Fix.CoordinateScale));
        int column0 = GridCells.Column((long)Math.Floor(area.MinLongitude * Fix.CoordinateScale));
        int column1 = GridCells.Column((long)Math.Ceiling(area.MaxLongitude * Fix.CoordinateScale));
        var found = _scratch is { } scratch && scratch.TagCount == _tags.Length ? scratch : _scratch = new TagAccumulators(_tags.Length);
        long lastDay = GridCells.DayOf(toMs);
        try
        {
            for (int d = FirstDayAtOrAfter(GridCells.DayOf(fromMs)); d < _days.Length && _days[d].Day <= lastDay; d++)
            {
                _days[d].Scan(row0, row1, column0, column1, fromMs, toMs, test, _tagMaps[d], found);
            }
        }
        catch
        {
            _scratch = null; // half-filled: start clean next time
            throw;
        }

        found.Drain(results);
        return results;
    }

    private int FirstDayAtOrAfter(long day)
    {
        int low = 0, high = _days.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            (low, high) = _days[middle].Day < day ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}
