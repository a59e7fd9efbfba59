namespace Tagwatch.Correlation.Trails;

/// <summary>East/north metres around a reference latitude, from the WGS84 ellipsoid's radii of curvature there.</summary>
/// <remarks>
/// Within a few kilometres of the reference the error is a small fraction of a percent (the longitude scale is the
/// reference's, not the midpoint's): the engine uses it to find candidates and closest approaches, with a safety
/// margin, and always reports exact ellipsoidal distances.
/// </remarks>
internal readonly struct LocalFrame
{
    private const double SemiMajorAxis = 6_378_137.0;
    private const double EccentricitySquared = 0.00669437999014;
    private const double DegreesToRadians = Math.PI / 180;

    public LocalFrame(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
        double phi = latitude * DegreesToRadians, sin = Math.Sin(phi);
        double w = 1 - EccentricitySquared * sin * sin;
        double meridional = SemiMajorAxis * (1 - EccentricitySquared) / (w * Math.Sqrt(w));
        double primeVertical = SemiMajorAxis / Math.Sqrt(w);
        MetresPerDegreeNorth = meridional * DegreesToRadians;
        MetresPerDegreeEast = primeVertical * Math.Cos(phi) * DegreesToRadians;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    public double MetresPerDegreeNorth { get; }

    public double MetresPerDegreeEast { get; }

    /// <summary>East and north offsets in metres of a position from the frame's origin.</summary>
    public (double East, double North) Offset(double latitude, double longitude) =>
        ((longitude - Longitude) * MetresPerDegreeEast, (latitude - Latitude) * MetresPerDegreeNorth);

    /// <summary>The position at an east/north offset from the origin.</summary>
    public (double Latitude, double Longitude) At(double east, double north) =>
        (Latitude + north / MetresPerDegreeNorth, Longitude + east / MetresPerDegreeEast);
}
