using Tagwatch.Core.Geo;

namespace Tagwatch.Correlation.Trails;

/// <summary>The one decision of strict mode and of "who was near" searches: is a fix within the radius, and is it the
/// closest so far. Exact ellipsoidal distances decide; a local frame only spares computing them where it cannot matter.</summary>
/// <remarks>The frame's error is bounded (<see cref="SearchArea.Margin"/>: millimetres at a hundred metres), so points
/// clearly inside skip the exact distance unless they might beat the closest so far, and points outside the screen are
/// rejected outright: the answer always equals checking every fix with exact distances. Ties on distance go to the
/// earliest fix, so the order in which fixes are offered does not change the answer.</remarks>
internal readonly struct ProximityTest
{
    private readonly double _latitude, _longitude, _radius, _innerSquared;

    public ProximityTest(double latitude, double longitude, double radiusMetres)
    {
        Area = new SearchArea(latitude, longitude, radiusMetres);
        (_latitude, _longitude, _radius) = (latitude, longitude, radiusMetres);
        // Within radius − margin by the frame is within the radius exactly.
        double inner = Math.Max(0, radiusMetres - Area.Margin(radiusMetres));
        _innerSquared = inner * inner;
    }

    /// <summary>The screen and its bounding box in degrees.</summary>
    public SearchArea Area { get; }

    /// <summary>Adds the fix to <paramref name="found"/> when it lies within the radius.</summary>
    public void Offer(ref ProximityAccumulator found, double latitude, double longitude, long timeUnixMs)
    {
        double approximateSquared = Area.ApproximateDistanceSquared(latitude, longitude);
        if (approximateSquared > Area.ScreenSquared)
        {
            return;
        }

        double exact = double.NaN;
        if (approximateSquared > _innerSquared)
        {
            exact = Geodesic.DistanceMetres(_latitude, _longitude, latitude, longitude);
            if (exact > _radius)
            {
                return;
            }
        }

        found.Count++;
        found.First = Math.Min(found.First, timeUnixMs);
        found.Last = Math.Max(found.Last, timeUnixMs);
        // Only a point within the closest distance so far plus the margin, by the frame, can be as close or closer.
        double bound = found.Best == double.MaxValue ? double.MaxValue : found.Best + Area.Margin(found.Best);
        if (approximateSquared <= bound * bound)
        {
            exact = double.IsNaN(exact) ? Geodesic.DistanceMetres(_latitude, _longitude, latitude, longitude) : exact;
            if (exact < found.Best || (exact == found.Best && timeUnixMs < found.BestTime))
            {
                found.Best = exact;
                found.BestTime = timeUnixMs;
            }
        }
    }
}
