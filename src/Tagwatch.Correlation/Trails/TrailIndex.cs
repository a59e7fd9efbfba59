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
    // ends where the next key's starts). Keys pack (cell y, cell x, time bucket). A binary search over the distinct
    // keys costs a few hundred nanoseconds per lookup and, unlike a hash table, nothing to build.
    private readonly (int Trail, int Bucket)[] _entries;
    private readonly long[] _keys;
    private readonly int[] _starts;
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

        var keys = new List<long>(expected * 2);
        var entries = new List<(int, int)>(expected * 2);
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
                for (int y = y0; y <= y1; y++)
                {
                    for (int x = x0; x <= x1; x++)
                    {
                        keys.Add(Key(y, x, global));
                        entries.Add((t, b));
                    }
                }
            }
        }

        var keyArray = keys.ToArray();
        _entries = entries.ToArray();
        Array.Sort(keyArray, _entries);
        int distinct = 0;
        var starts = new int[keyArray.Length + 1];
        for (int i = 0; i < keyArray.Length; i++)
        {
            if (i == 0 || keyArray[i] != keyArray[i - 1])
            {
                keyArray[distinct] = keyArray[i];
                starts[distinct++] = i;
            }
        }

        starts[distinct] = keyArray.Length == 0 ? 0 : _entries.Length;
        _keys = keyArray[..distinct];
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

        for (long bucket = firstBucket; bucket <= lastBucket; bucket++)
        {
            for (int y = y0; y <= y1; y++)
            {
                for (int x = x0; x <= x1; x++)
                {
                    int found = Array.BinarySearch(_keys, Key(y, x, bucket));
                    if (found >= 0)
                    {
                        candidates.AddRange(_entries.AsSpan(_starts[found], _starts[found + 1] - _starts[found]));
                    }
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

    // Packing can only make two keys share a run (never lose one): every candidate is checked exactly afterwards.
    private static long Key(int y, int x, long bucket) => ((long)(y & 0xFFFFF) << 44) | ((long)(x & 0xFFFFF) << 24) | (bucket & 0xFFFFFF);

    private static int CellY(double latitude) => (int)Math.Floor(latitude / CellDegreesLatitude);

    private static int CellX(double longitude) => (int)Math.Floor(longitude / CellDegreesLongitude);
}
