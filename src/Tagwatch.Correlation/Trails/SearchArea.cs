namespace Tagwatch.Correlation.Trails;

/// <summary>A conservative screen around a point: everything within the radius passes; most of what lies outside fails.</summary>
/// <remarks>
/// Positions are compared in a local metric frame at the centre, with a margin of 2 % + 1 m that covers the frame's
/// error for radii up to 50 km at British latitudes. Passing the screen says nothing final: the caller decides with
/// exact ellipsoidal distances. The degree box bounds the screen (longitude scale taken at the box's far latitude).
/// </remarks>
internal readonly struct SearchArea
{
    private readonly double _latitude, _longitude, _kNorth, _kEast, _screenSquared;

    public SearchArea(double latitude, double longitude, double radiusMetres)
    {
        var frame = new LocalFrame(latitude, longitude);
        double screen = radiusMetres * 1.02 + 1;
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

    public double MinLatitude { get; }

    public double MaxLatitude { get; }

    public double MinLongitude { get; }

    public double MaxLongitude { get; }

    /// <summary>The square of the screen radius (radius × 1.02 + 1 m).</summary>
    public double ScreenSquared => _screenSquared;

    /// <summary>Metres north per degree of latitude and east per degree of longitude in the local frame.</summary>
    public (double North, double East) MetresPerDegree => (_kNorth, _kEast);

    /// <summary>North and east metres of a position from the centre, in the local frame.</summary>
    public (double North, double East) Offset(double latitude, double longitude) => ((latitude - _latitude) * _kNorth, (longitude - _longitude) * _kEast);

    public bool MayContain(double latitude, double longitude) => ApproximateDistanceSquared(latitude, longitude) <= _screenSquared;

    /// <summary>Squared distance in the local frame (within 2 % of the ellipsoidal distance, squared).</summary>
    public double ApproximateDistanceSquared(double latitude, double longitude)
    {
        double north = (latitude - _latitude) * _kNorth;
        double east = (longitude - _longitude) * _kEast;
        return north * north + east * east;
    }
}
