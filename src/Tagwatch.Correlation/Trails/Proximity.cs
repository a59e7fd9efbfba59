namespace Tagwatch.Correlation.Trails;

/// <summary>How a trail came within a radius of a point during a time range: the core scan of strict mode and of
/// ad hoc "who was near" searches.</summary>
/// <param name="Count">Fixes within the radius (ellipsoidal distance ≤ radius).</param>
/// <param name="MinDistanceMetres">Distance of the closest such fix.</param>
/// <param name="ClosestTimeUnixMs">Time of the closest such fix (the earliest, on ties).</param>
/// <param name="FirstTimeUnixMs">Time of the first fix within the radius.</param>
/// <param name="LastTimeUnixMs">Time of the last fix within the radius.</param>
public readonly record struct Proximity(int Count, double MinDistanceMetres, long ClosestTimeUnixMs, long FirstTimeUnixMs, long LastTimeUnixMs)
{
    /// <summary>Scans the fixes of <paramref name="trail"/> with time in [fromMs, toMs] (inclusive) for those within
    /// <paramref name="radiusMetres"/> of the point. Equal to checking every fix with exact distances.</summary>
    public static Proximity Scan(TagTrail trail, double latitude, double longitude, double radiusMetres, long fromMs, long toMs)
    {
        var test = new ProximityTest(latitude, longitude, radiusMetres);
        var area = test.Area;
        Span<(int Start, int End)> ranges = stackalloc (int, int)[64];
        int rangeCount = trail.Buckets.Near(fromMs, toMs, area.MinLatitude, area.MaxLatitude, area.MinLongitude, area.MaxLongitude, ranges);
        return Scan(trail, ranges[..rangeCount], test, fromMs, toMs);
    }

    /// <summary>Scans given fix ranges of a trail (candidates found by its time buckets).</summary>
    private static Proximity Scan(TagTrail trail, ReadOnlySpan<(int Start, int End)> ranges, in ProximityTest test, long fromMs, long toMs)
    {
        var times = trail.Times;
        var lats = trail.Latitudes;
        var lons = trail.Longitudes;
        var found = ProximityAccumulator.Empty;
        foreach (var (start, end) in ranges)
        {
            for (int i = start; i < end; i++)
            {
                if (times[i] >= fromMs && times[i] <= toMs)
                {
                    test.Offer(ref found, lats[i], lons[i], times[i]);
                }
            }
        }

        return found.ToProximity();
    }
}
