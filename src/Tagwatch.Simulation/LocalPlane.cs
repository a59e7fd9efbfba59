using Tagwatch.Core.Geo;

namespace Tagwatch.Simulation;

/// <summary>A flat east/north metre grid around a London origin, for generating synthetic movement.</summary>
/// <remarks>Equirectangular: good to a fraction of a percent across a city, which is plenty for synthetic data.
/// Never used for evidence; real distances come from <see cref="Geodesic"/>.</remarks>
internal readonly struct LocalPlane(double originLatitude, double originLongitude)
{
    private const double MetresPerDegreeLatitude = 111_200;
    private readonly double _metresPerDegreeLongitude = 111_320 * Math.Cos(originLatitude * Math.PI / 180);

    public (double East, double North) ToMetres(GeoPoint point) =>
        ((point.Longitude - originLongitude) * _metresPerDegreeLongitude, (point.Latitude - originLatitude) * MetresPerDegreeLatitude);

    public GeoPoint ToPoint(double east, double north) =>
        new(originLatitude + north / MetresPerDegreeLatitude, originLongitude + east / _metresPerDegreeLongitude);
}
