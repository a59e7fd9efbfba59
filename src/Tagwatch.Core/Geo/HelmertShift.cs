using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Tagwatch.Core.Geo;

/// <summary>
/// WGS84 ⇄ National Grid through the Ordnance Survey 7-parameter Helmert datum shift (EPSG:1314's parameters),
/// the fallback outside OSTN15's grid: good to about 5 m across Great Britain.
/// </summary>
/// <remarks>ProjNET transforms are not thread-safe, so each thread builds and keeps its own.</remarks>
internal static class HelmertShift
{
    private const string Osgb36GeographicWkt =
        "GEOGCS[\"OSGB 1936\",DATUM[\"OSGB_1936\",SPHEROID[\"Airy 1830\",6377563.396,299.3249646,AUTHORITY[\"EPSG\",\"7001\"]]," +
        "TOWGS84[446.448,-125.157,542.06,0.15,0.247,0.842,-20.489],AUTHORITY[\"EPSG\",\"6277\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4277\"]]";

    private const string BritishNationalGridWkt =
        "PROJCS[\"OSGB 1936 / British National Grid\"," + Osgb36GeographicWkt + "," +
        "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",49],PARAMETER[\"central_meridian\",-2]," +
        "PARAMETER[\"scale_factor\",0.9996012717],PARAMETER[\"false_easting\",400000],PARAMETER[\"false_northing\",-100000]," +
        "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AUTHORITY[\"EPSG\",\"27700\"]]";

    [ThreadStatic]
    private static Transforms? _transforms;

    private static Transforms Current => _transforms ??= new Transforms();

    /// <summary>WGS84 latitude and longitude to National Grid easting and northing (unchecked).</summary>
    public static (double Easting, double Northing) ToGrid(double latitude, double longitude)
    {
        double x = longitude, y = latitude;
        Current.Wgs84ToGrid.Transform(ref x, ref y);
        return (x, y);
    }

    /// <summary>National Grid easting and northing to WGS84 latitude and longitude.</summary>
    public static (double Latitude, double Longitude) ToWgs84(double easting, double northing)
    {
        double x = easting, y = northing;
        Current.GridToWgs84.Transform(ref x, ref y);
        return (y, x);
    }

    private sealed class Transforms
    {
        public Transforms()
        {
            var systems = new CoordinateSystemFactory();
            var transformations = new CoordinateTransformationFactory();
            var grid = (ProjectedCoordinateSystem)systems.CreateFromWkt(BritishNationalGridWkt);
            var wgs84 = GeographicCoordinateSystem.WGS84;
            Wgs84ToGrid = transformations.CreateFromCoordinateSystems(wgs84, grid).MathTransform;
            GridToWgs84 = transformations.CreateFromCoordinateSystems(grid, wgs84).MathTransform;
        }

        public MathTransform Wgs84ToGrid { get; }

        public MathTransform GridToWgs84 { get; }
    }
}
