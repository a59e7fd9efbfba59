namespace Tagwatch.Correlation.Trails;

/// <summary>A space-and-time index over many trails: which trails' time buckets have fixes in which ~2 km cell.</summary>
/// <remarks>
/// Built once over a set of trails (tens of milliseconds for 100 trails × 30 days); a query for a place and time
/// then looks up a handful of (cell, bucket) keys instead of visiting every trail, so one crime is checked against
/// the whole caseload in microseconds. Results are exactly those of scanning each trail (the same exact-distance
/// decision); the index only chooses what to scan. Immutable after construction; safe for concurrent queries.
/// </remarks>
public sealed class TrailIndex
{
    private const double CellDegreesLatitude = 0.02;   // ≈ 2.2 km
    private const double CellDegreesLongitude = 0.032; // ≈ 2.2 km at London's latitude
    private const int MaxCellsPerBucket = 64;

    // Entries sorted by key; _keys holds each distinct key once and _starts where its run of entries begins (the run
    // ends where the next key's starts). A key is (cell number, bucket) numbered densely over the data's extent —
    // cell row-major over the cells the trails touch, bucket from the first — so one cell's buckets are one
    // contiguous, time-ordered interval of keys, and the keys can be put in order by two counting passes.
    private readonly (int Trail, int Bucket)[] _entries;
    private readonly long[] _keys;
    private readonly int[] _starts;
    private readonly int _minY, _minX, _width, _height;
    private readonly long _minBucket, _bucketSpan;
    private readonly List<(int Trail, int Bucket)> _wide = []; // buckets whose box spans too many cells to file

    [ThreadStatic]
    private static List<(int Trail, int Bucket)>? _candidates; // per-thread scratch, so queries allocate (almost) nothing

    /// <summary>Indexes the trails.</summary>
    public TrailIndex(IReadOnlyList<TagTrail> trails)
    {
        Trails = trails;
        int expected = 0;
        foreach (var trail in trails)
        {
            expected += trail.Buckets.Count;
        }

        var cells = new List<(int Y, int X)>(expected * 2);
        var globals = new List<long>(expected * 2);
        var entries = new List<(int, int)>(expected * 2);
        int minY = int.MaxValue, maxY = int.MinValue, minX = int.MaxValue, maxX = int.MinValue;
        long minBucket = long.MaxValue, maxBucket = long.MinValue;
        for (int t = 0; t < trails.Count; t++)
        {
            var buckets = trails[t].Buckets;
            for (int b = 0; b < buckets.Count; b++)
            {
                var (start, end) = buckets.Range(b);
                if (start == end)
                {
                    continue;
                }

                var (minLat, maxLat, minLon, maxLon) = buckets.Box(b);
                int y0 = CellY(minLat), y1 = CellY(maxLat), x0 = CellX(minLon), x1 = CellX(maxLon);
                if ((long)(y1 - y0 + 1) * (x1 - x0 + 1) > MaxCellsPerBucket)
                {
                    _wide.Add((t, b));
                    continue;
                }

                long global = buckets.FirstBucket + b;
                (minY, maxY, minX, maxX) = (Math.Min(minY, y0), Math.Max(maxY, y1), Math.Min(minX, x0), Math.Max(maxX, x1));
                (minBucket, maxBucket) = (Math.Min(minBucket, global), Math.Max(maxBucket, global));
                for (int y = y0; y <= y1; y++)
                {
                    for (int x = x0; x <= x1; x++)
                    {
                        cells.Add((y, x));
                        globals.Add(global);
                        entries.Add((t, b));
                    }
                }
            }
        }

        if (entries.Count == 0)
        {
            (_entries, _keys, _starts) = ([], [], [0]);
            return;
        }

        (_minY, _minX, _width, _height) = (minY, minX, maxX - minX + 1, maxY - minY + 1);
        (_minBucket, _bucketSpan) = (minBucket, maxBucket - minBucket + 1);
        var cellNumbers = new int[entries.Count];
        var relativeBuckets = new int[entries.Count];
        bool countable = (long)_width * _height <= 1 << 22 && _bucketSpan <= 1 << 22;
        var keys = new long[entries.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            cellNumbers[i] = countable ? ((cells[i].Y - minY) * _width) + (cells[i].X - minX) : 0;
            relativeBuckets[i] = countable ? (int)(globals[i] - minBucket) : 0;
            keys[i] = Key(cells[i].Y, cells[i].X, globals[i]);
        }

        var entryArray = entries.ToArray();
        if (countable)
        {
            // Least significant first: by bucket, then (stably) by cell — linear, where a comparison sort of a
            // few hundred thousand keys took most of the build.
            int[] byBucket = CountingOrder(relativeBuckets, (int)_bucketSpan, null);
            int[] order = CountingOrder(cellNumbers, _width * _height, byBucket);
            _entries = new (int, int)[entryArray.Length];
            var sortedKeys = new long[keys.Length];
            for (int i = 0; i < order.Length; i++)
            {
                _entries[i] = entryArray[order[i]];
                sortedKeys[i] = keys[order[i]];
            }

            keys = sortedKeys;
        }
        else
        {
            Array.Sort(keys, entryArray);
            _entries = entryArray;
        }

        int distinct = 0;
        var starts = new int[keys.Length + 1];
        for (int i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                keys[distinct] = keys[i];
                starts[distinct++] = i;
            }
        }

        starts[distinct] = _entries.Length;
        _keys = keys[..distinct];
        _starts = starts[..(distinct + 1)];
    }

    /// <summary>The indexed trails, in the order given.</summary>
    public IReadOnlyList<TagTrail> Trails { get; }

    /// <summary>For every trail with at least one fix within the radius in [fromMs, toMs], its proximity; each trail at
    /// most once, in trail order.</summary>
    public List<(int Trail, Proximity Proximity)> Near(double latitude, double longitude, double radiusMetres, long fromMs, long toMs)
    {
        var search = new SearchArea(latitude, longitude, radiusMetres);
        long firstBucket = TimeBuckets.BucketOf(fromMs), lastBucket = TimeBuckets.BucketOf(toMs);
        int y0 = CellY(search.MinLatitude), y1 = CellY(search.MaxLatitude), x0 = CellX(search.MinLongitude), x1 = CellX(search.MaxLongitude);
        var candidates = _candidates ??= new List<(int Trail, int Bucket)>(256);
        candidates.Clear();
        if ((long)(y1 - y0 + 1) * (x1 - x0 + 1) * (lastBucket - firstBucket + 1) > 100_000)
        {
            // A huge question: cheaper to let every trail answer from its own buckets.
            return ScanAll(search, latitude, longitude, radiusMetres, fromMs, toMs);
        }

        // A cell's keys for consecutive buckets are adjacent in the sorted keys: one bisection per cell finds the first
        // bucket of the window, and the rest of the window follows in order.
        long fromBucket = Math.Max(firstBucket, _minBucket), toBucket = Math.Min(lastBucket, _minBucket + _bucketSpan - 1);
        for (int y = Math.Max(y0, _minY); y <= Math.Min(y1, _minY + _height - 1) && fromBucket <= toBucket; y++)
        {
            for (int x = Math.Max(x0, _minX); x <= Math.Min(x1, _minX + _width - 1); x++)
            {
                long last = Key(y, x, toBucket);
                int k = Array.BinarySearch(_keys, Key(y, x, fromBucket));
                for (k = k < 0 ? ~k : k; k < _keys.Length && _keys[k] <= last; k++)
                {
                    candidates.AddRange(_entries.AsSpan(_starts[k], _starts[k + 1] - _starts[k]));
                }
            }
        }

        foreach (var (t, b) in _wide)
        {
            long global = Trails[t].Buckets.FirstBucket + b;
            if (global >= firstBucket && global <= lastBucket)
            {
                candidates.Add((t, b));
            }
        }

        var results = new List<(int, Proximity)>();
        if (candidates.Count == 0)
        {
            return results;
        }

        candidates.Sort();
        Span<(int Start, int End)> ranges = stackalloc (int, int)[64];
        for (int i = 0; i < candidates.Count;)
        {
            int trail = candidates[i].Trail, n = 0, previousBucket = -1;
            var buckets = Trails[trail].Buckets;
            for (; i < candidates.Count && candidates[i].Trail == trail; i++)
            {
                int b = candidates[i].Bucket;
                if (b == previousBucket)
                {
                    continue; // filed under several cells
                }

                previousBucket = b;
                var (minLat, maxLat, minLon, maxLon) = buckets.Box(b);
                if (maxLat < search.MinLatitude || minLat > search.MaxLatitude || maxLon < search.MinLongitude || minLon > search.MaxLongitude)
                {
                    continue;
                }

                var range = buckets.Range(b);
                if (n > 0 && ranges[n - 1].End == range.Start)
                {
                    ranges[n - 1].End = range.End;
                }
                else if (n < ranges.Length)
                {
                    ranges[n++] = range;
                }
                else
                {
                    ranges[n - 1].End = range.End; // out of room: widen (a superset, still exact after the scan)
                }
            }

            if (n > 0)
            {
                var proximity = Proximity.Scan(Trails[trail], ranges[..n], search, latitude, longitude, radiusMetres, fromMs, toMs);
                if (proximity.Count > 0)
                {
                    results.Add((trail, proximity));
                }
            }
        }

        return results;
    }

    private List<(int, Proximity)> ScanAll(in SearchArea search, double latitude, double longitude, double radiusMetres, long fromMs, long toMs)
    {
        var results = new List<(int, Proximity)>();
        for (int t = 0; t < Trails.Count; t++)
        {
            var proximity = Proximity.Scan(Trails[t], latitude, longitude, radiusMetres, fromMs, toMs);
            if (proximity.Count > 0)
            {
                results.Add((t, proximity));
            }
        }

        return results;
    }

    /// <summary>The key of a cell and bucket inside the indexed extent: cell number × bucket span + bucket offset.</summary>
    private long Key(int y, int x, long bucket) => ((((long)(y - _minY) * _width) + (x - _minX)) * _bucketSpan) + (bucket - _minBucket);

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

    private static int CellY(double latitude) => (int)Math.Floor(latitude / CellDegreesLatitude);

    private static int CellX(double longitude) => (int)Math.Floor(longitude / CellDegreesLongitude);
}
