namespace Tagwatch.Correlation.Trails;

/// <summary>A conservative screen around a point: everything within the radius passes; most of what lies outside fails.</summary>
/// <remarks>
/// Positions are compared in a local metric frame at the centre. Its error grows with the distance and with the
/// latitude (the longitude scale is the centre's, not the point's): relative to the ellipsoidal distance it stays
/// under <see cref="RelativeError"/> — about 3.6e-5 at 100 m in London, 2 % at 50 km — plus 1 mm for rounding; a
/// test sweeps latitudes, bearings and distances and finds the true error at most a sixth of that. The screen keeps
/// that margin, so passing it says nothing final: the caller decides with exact ellipsoidal distances, and uses
/// <see cref="Margin"/> to know when the frame alone is enough. The degree box bounds the screen (longitude scale
/// taken at the box's far latitude).
/// </remarks>
internal readonly struct SearchArea
{
    /// <summary>Absolute allowance for rounding in the frame and in the exact distance, metres.</summary>
    public const double AbsoluteErrorMetres = 0.001;

    private readonly double _latitude, _longitude, _kNorth, _kEast, _screenSquared, _relativeError;

    public SearchArea(double latitude, double longitude, double radiusMetres)
    {
        var frame = new LocalFrame(latitude, longitude);
        // Every screened point lies well within 1.1 × radius + 10 m, where the bound is taken.
        _relativeError = RelativeError(latitude, (radiusMetres * 1.1) + 10);
        double screen = radiusMetres + Margin(radiusMetres);
        _latitude = latitude;
        _longitude = longitude;
        _kNorth = frame.MetresPerDegreeNorth;
        _kEast = frame.MetresPerDegreeEast;
        _screenSquared = screen * screen;
        double dLat = screen / _kNorth * 1.01;
        double farLatitude = Math.Min(89.9, Math.Abs(latitude) + dLat);
        double dLon = screen / new LocalFrame(farLatitude, longitude).MetresPerDegreeEast * 1.01;
        MinLatitude = latitude - dLat;
        MaxLatitude = latitude + dLat;
        MinLongitude = longitude - dLon;
        MaxLongitude = longitude + dLon;
    }

    /// <summary>A bound on the frame's error relative to the ellipsoidal distance, for points up to
    /// <paramref name="distanceMetres"/> from a centre at <paramref name="latitude"/>: first order in the distance
    /// (the longitude scale changing with latitude), second order for the rest, about six times the worst seen.</summary>
    public static double RelativeError(double latitude, double distanceMetres)
    {
        double t = Math.Abs(Math.Tan(Math.Min(Math.Abs(latitude), 89.9) * Math.PI / 180));
        double x = distanceMetres / 6_300_000; // in Earth radii, a little over
        return ((1 + t) * x) + (10 * (1 + (t * t)) * x * x);
    }

    /// <summary>How far the frame's distance may be from the ellipsoidal one at about <paramref name="distanceMetres"/>.</summary>
    public double Margin(double distanceMetres) => (distanceMetres * _relativeError) + AbsoluteErrorMetres;

    public double MinLatitude { get; }

    public double MaxLatitude { get; }

    public double MinLongitude { get; }

    public double MaxLongitude { get; }

    /// <summary>The square of the screen radius (radius plus its margin).</summary>
    public double ScreenSquared => _screenSquared;

    /// <summary>Metres north per degree of latitude and east per degree of longitude in the local frame.</summary>
    public (double North, double East) MetresPerDegree => (_kNorth, _kEast);

    /// <summary>North and east metres of a position from the centre, in the local frame.</summary>
    public (double North, double East) Offset(double latitude, double longitude) => ((latitude - _latitude) * _kNorth, (longitude - _longitude) * _kEast);

    /// <summary>Squared distance in the local frame (within <see cref="Margin"/> of the ellipsoidal distance, before squaring).</summary>
    public double ApproximateDistanceSquared(double latitude, double longitude)
    {
        double north = (latitude - _latitude) * _kNorth;
        double east = (longitude - _longitude) * _kEast;
        return north * north + east * east;
    }
}
