namespace Tagwatch.Correlation.Trails;

/// <summary>A trail cut into fixed time buckets, each with the range of its fixes and their bounding box.</summary>
/// <remarks>
/// A person covers little ground in one bucket, so a search for a place and time looks at a few buckets' boxes and
/// scans the fixes of only those that come near: a crime is checked against a 30-day trail in microseconds.
/// </remarks>
internal sealed class TimeBuckets
{
    /// <summary>Bucket length: 30 minutes.</summary>
    public const long BucketMs = 30 * 60 * 1000;

    private readonly long _firstBucket;
    private readonly int[] _start;      // first fix of each bucket; _start[b + 1] is one past its last
    private readonly double[] _minLat, _maxLat, _minLon, _maxLon;

    public TimeBuckets(long[] times, double[] lats, double[] lons)
    {
        if (times.Length == 0)
        {
            _start = [0];
            _minLat = _maxLat = _minLon = _maxLon = [];
            return;
        }

        _firstBucket = BucketOf(times[0]);
        int count = checked((int)(BucketOf(times[^1]) - _firstBucket + 1));
        _start = new int[count + 1];
        _minLat = new double[count];
        _maxLat = new double[count];
        _minLon = new double[count];
        _maxLon = new double[count];
        Array.Fill(_minLat, double.MaxValue);
        Array.Fill(_maxLat, double.MinValue);
        Array.Fill(_minLon, double.MaxValue);
        Array.Fill(_maxLon, double.MinValue);
        int fix = 0;
        for (int b = 0; b < count; b++)
        {
            _start[b] = fix;
            long end = (_firstBucket + b + 1) * BucketMs;
            for (; fix < times.Length && times[fix] < end; fix++)
            {
                _minLat[b] = Math.Min(_minLat[b], lats[fix]);
                _maxLat[b] = Math.Max(_maxLat[b], lats[fix]);
                _minLon[b] = Math.Min(_minLon[b], lons[fix]);
                _maxLon[b] = Math.Max(_maxLon[b], lons[fix]);
            }
        }

        _start[count] = fix;
    }

    /// <summary>True when some fix in [fromMs, toMs]'s buckets, or some straight leg starting in them, may lie in the box.</summary>
    public bool AnyNearIncludingLegs(long fromMs, long toMs, double minLat, double maxLat, double minLon, double maxLon)
    {
        var (first, last) = BucketRange(fromMs, toMs);
        for (int b = first; b <= last; b++)
        {
            if (ReachMeets(b, minLat, maxLat, minLon, maxLon))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The fix ranges of the buckets overlapping [fromMs, toMs] where a fix, or a straight leg starting at
    /// one, may lie in the box, merged where adjacent. Fixes outside them, and legs starting outside them, cannot.</summary>
    public int NearIncludingLegs(long fromMs, long toMs, double minLat, double maxLat, double minLon, double maxLon, Span<(int Start, int End)> ranges)
    {
        int n = 0;
        var (first, last) = BucketRange(fromMs, toMs);
        for (int b = first; b <= last; b++)
        {
            if (ReachMeets(b, minLat, maxLat, minLon, maxLon))
            {
                n = Append(ranges, n, b);
            }
        }

        return n;
    }

    /// <summary>The fix ranges of the buckets overlapping [fromMs, toMs] whose box meets the given box, merged where adjacent.</summary>
    public int Near(long fromMs, long toMs, double minLat, double maxLat, double minLon, double maxLon, Span<(int Start, int End)> ranges)
    {
        int n = 0;
        var (first, last) = BucketRange(fromMs, toMs);
        for (int b = first; b <= last; b++)
        {
            if (_start[b] != _start[b + 1] && _maxLat[b] >= minLat && _minLat[b] <= maxLat && _maxLon[b] >= minLon && _minLon[b] <= maxLon)
            {
                n = Append(ranges, n, b);
            }
        }

        return n;
    }

    public static long BucketOf(long unixMs) => Grid.GridCells.FloorDiv(unixMs, BucketMs);

    /// <summary>Indexes of the first and last bucket overlapping [fromMs, toMs]; first &gt; last when none does.</summary>
    private (int First, int Last) BucketRange(long fromMs, long toMs)
    {
        long first = Math.Max(BucketOf(fromMs), _firstBucket) - _firstBucket;
        long last = Math.Min(BucketOf(toMs), _firstBucket + _minLat.Length - 1) - _firstBucket;
        return last < first ? (0, -1) : ((int)first, (int)last);
    }

    /// <summary>True when bucket b has fixes and its box, joined with the next bucket's, meets the given box.</summary>
    /// <remarks>A leg between two fixes lies inside the box of its ends. Legs are shorter than a bucket, so a leg
    /// starting in bucket b ends in b or b + 1, and the union of those two boxes holds it.</remarks>
    private bool ReachMeets(int b, double minLat, double maxLat, double minLon, double maxLon)
    {
        if (_start[b] == _start[b + 1])
        {
            return false;
        }

        double bMinLat = _minLat[b], bMaxLat = _maxLat[b], bMinLon = _minLon[b], bMaxLon = _maxLon[b];
        if (b + 1 < _minLat.Length && _start[b + 1] != _start[b + 2])
        {
            bMinLat = Math.Min(bMinLat, _minLat[b + 1]);
            bMaxLat = Math.Max(bMaxLat, _maxLat[b + 1]);
            bMinLon = Math.Min(bMinLon, _minLon[b + 1]);
            bMaxLon = Math.Max(bMaxLon, _maxLon[b + 1]);
        }

        return bMaxLat >= minLat && bMinLat <= maxLat && bMaxLon >= minLon && bMinLon <= maxLon;
    }

    /// <summary>Adds bucket b's fixes to the ranges, joining the last range when adjacent; when out of room, widens the
    /// last range instead (still complete, a little more to scan).</summary>
    private int Append(Span<(int Start, int End)> ranges, int n, int b)
    {
        if (n > 0 && ranges[n - 1].End == _start[b])
        {
            ranges[n - 1].End = _start[b + 1];
            return n;
        }

        if (n < ranges.Length)
        {
            ranges[n] = (_start[b], _start[b + 1]);
            return n + 1;
        }

        ranges[n - 1].End = _start[b + 1];
        return n;
    }
}
