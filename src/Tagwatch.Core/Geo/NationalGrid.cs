using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Tagwatch.Core.Geo;

/// <summary>Conversions between WGS84 positions and the Ordnance Survey National Grid (OSGB36, EPSG:27700).</summary>
/// <remarks>
/// The projection is the Ordnance Survey Transverse Mercator on the Airy 1830 ellipsoid (millimetre-exact against
/// the OS worked example). The datum shift between WGS84 and OSGB36 is the Ordnance Survey 7-parameter Helmert
/// transformation, which the OS quotes as good to about 5 m across Great Britain (typically 2–3 m in London);
/// the centimetre-level OSTN15 grid is not used because its data file is not distributed with the product.
/// A crime's National Grid position is therefore kept as received, and WGS84 is derived with that stated accuracy.
/// Instances are immutable; ProjNET transforms are not thread-safe, so each call builds on a per-thread copy.
/// </remarks>
public static class NationalGrid
{
    /// <summary>The stated accuracy of the WGS84 ⇄ OSGB36 datum shift used, in metres.</summary>
    public const double DatumShiftAccuracyMetres = 5.0;

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

    /// <summary>Converts a WGS84 position to National Grid eastings and northings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position falls outside the National Grid.</exception>
    public static GridPoint ToGrid(GeoPoint wgs84)
    {
        double x = wgs84.Longitude, y = wgs84.Latitude;
        Current.Wgs84ToGrid.Transform(ref x, ref y);
        return new GridPoint(x, y);
    }

    /// <summary>Converts National Grid eastings and northings to a WGS84 position.</summary>
    public static GeoPoint ToWgs84(GridPoint grid)
    {
        double x = grid.Easting, y = grid.Northing;
        Current.GridToWgs84.Transform(ref x, ref y);
        return new GeoPoint(y, x);
    }

    /// <summary>Projects an OSGB36 geodetic position (Airy 1830, no datum shift) onto the grid.</summary>
    /// <remarks>For positions read off pre-2015 OS maps and for checking the projection itself.</remarks>
    public static GridPoint ProjectOsgb36(double osgbLatitude, double osgbLongitude)
    {
        double x = osgbLongitude, y = osgbLatitude;
        Current.Osgb36ToGrid.Transform(ref x, ref y);
        return new GridPoint(x, y);
    }

    /// <summary>Inverse of <see cref="ProjectOsgb36"/>: grid to OSGB36 geodetic latitude and longitude.</summary>
    public static (double Latitude, double Longitude) UnprojectOsgb36(GridPoint grid)
    {
        double x = grid.Easting, y = grid.Northing;
        Current.GridToOsgb36.Transform(ref x, ref y);
        return (y, x);
    }

    private sealed class Transforms
    {
        public Transforms()
        {
            var systems = new CoordinateSystemFactory();
            var transformations = new CoordinateTransformationFactory();
            var grid = (ProjectedCoordinateSystem)systems.CreateFromWkt(BritishNationalGridWkt);
            var osgb36 = (GeographicCoordinateSystem)systems.CreateFromWkt(Osgb36GeographicWkt);
            var wgs84 = GeographicCoordinateSystem.WGS84;
            Wgs84ToGrid = transformations.CreateFromCoordinateSystems(wgs84, grid).MathTransform;
            GridToWgs84 = transformations.CreateFromCoordinateSystems(grid, wgs84).MathTransform;
            Osgb36ToGrid = transformations.CreateFromCoordinateSystems(osgb36, grid).MathTransform;
            GridToOsgb36 = transformations.CreateFromCoordinateSystems(grid, osgb36).MathTransform;
        }

        public MathTransform Wgs84ToGrid { get; }

        public MathTransform GridToWgs84 { get; }

        public MathTransform Osgb36ToGrid { get; }

        public MathTransform GridToOsgb36 { get; }
    }
}
