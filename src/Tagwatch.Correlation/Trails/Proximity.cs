using Tagwatch.Core.Geo;

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
        var search = new SearchArea(latitude, longitude, radiusMetres);
        Span<(int Start, int End)> ranges = stackalloc (int, int)[64];
        int rangeCount = trail.Buckets.Near(fromMs, toMs, search.MinLatitude, search.MaxLatitude, search.MinLongitude, search.MaxLongitude, ranges);
        return Scan(trail, ranges[..rangeCount], search, latitude, longitude, radiusMetres, fromMs, toMs);
    }

    /// <summary>Scans given fix ranges of a trail (candidates found by an index).</summary>
    internal static Proximity Scan(TagTrail trail, ReadOnlySpan<(int Start, int End)> ranges, in SearchArea search, double latitude, double longitude, double radiusMetres, long fromMs, long toMs)
    {
        int rangeCount = ranges.Length;
        var times = trail.Times;
        var lats = trail.Latitudes;
        var lons = trail.Longitudes;
        // Exact distances are paid for only where the local frame cannot decide: near the radius, or when a point
        // might beat the closest so far. The frame's error is under 2 %, so these bounds never change an answer.
        double inner = Math.Max(0, radiusMetres * 0.98 - 1);
        double innerSquared = inner * inner;
        int count = 0;
        double best = double.MaxValue;
        long bestTime = 0, first = 0, last = 0;
        for (int r = 0; r < rangeCount; r++)
        {
            for (int i = ranges[r].Start; i < ranges[r].End; i++)
            {
                if (times[i] < fromMs || times[i] > toMs)
                {
                    continue;
                }

                double approximateSquared = search.ApproximateDistanceSquared(lats[i], lons[i]);
                if (approximateSquared > search.ScreenSquared)
                {
                    continue;
                }

                double exact = double.NaN;
                if (approximateSquared > innerSquared)
                {
                    exact = Geodesic.DistanceMetres(latitude, longitude, lats[i], lons[i]);
                    if (exact > radiusMetres)
                    {
                        continue;
                    }
                }

                first = count == 0 ? times[i] : first;
                last = times[i];
                count++;
                double bound = best * 1.02 + 1;
                if (approximateSquared < bound * bound)
                {
                    exact = double.IsNaN(exact) ? Geodesic.DistanceMetres(latitude, longitude, lats[i], lons[i]) : exact;
                    if (exact < best)
                    {
                        best = exact;
                        bestTime = times[i];
                    }
                }
            }
        }

        return new Proximity(count, best, bestTime, first, last);
    }
}
