namespace Tagwatch.Core.Geo;

/// <summary>Conversions between WGS84 positions and the Ordnance Survey National Grid (OSGB36, EPSG:27700).</summary>
/// <remarks>
/// <para>
/// The datum transformation is Ordnance Survey's OSTN15, the national standard that OS, PROJ and GIS software use in
/// Great Britain, computed as OS's 'Transformations and OSGM15 user guide' sets out: ETRS89 latitude and longitude are
/// projected with the National Grid's Transverse Mercator on GRS80 (the "pseudo grid"), and the OSTN15 shifts,
/// interpolated bilinearly from its 1 km grid, are added; the inverse iterates until the position changes by less than
/// 0.1 mm. Results agree with OS's published test outputs to the millimetre.
/// </para>
/// <para>
/// WGS84 is taken to be ETRS89, as OS does for work at the metre level: ETRS89 is fixed to the European plate, which
/// moves about 2.5 cm a year against WGS84, so the two differ by under a metre (about 0.9 m in 2026). OSTN15 itself
/// reproduces the National Grid to about 0.1 m; a converted position is therefore stated to
/// <see cref="Ostn15AccuracyMetres"/>.
/// </para>
/// <para>
/// Outside OSTN15's grid (pseudo-grid eastings 0–700 km, northings 0–1,250 km: OS provides shifts at every node of
/// that rectangle, offshore included) the OS 7-parameter Helmert shift is used instead, good to about 5 m, and the
/// result says so (<see cref="GridConversion.IsHelmertFallback"/>). Positions outside the National Grid's own extent
/// (<see cref="GridPoint"/>) cannot be converted. Thread-safe.
/// </para>
/// </remarks>
public static class NationalGrid
{
    /// <summary>Accuracy in metres of a WGS84 ⇄ National Grid conversion by OSTN15 (WGS84 taken as ETRS89).</summary>
    public const double Ostn15AccuracyMetres = 1.0;

    /// <summary>Accuracy in metres of a conversion by the Helmert fallback, as OS states it.</summary>
    public const double HelmertAccuracyMetres = 5.0;

    /// <summary>What a result from the Helmert fallback says about itself, wherever one is shown.</summary>
    public const string HelmertFallbackNote = "Helmert fallback: outside the OSTN15 grid, good to about 5 m";

    // OS's stopping rule for the inverse: the estimate moved less than 0.1 mm. OS's test points take two or three steps.
    private const double InverseToleranceMetres = 0.0001;
    private const int InverseMaxSteps = 20;

    /// <summary>The stated accuracy of a conversion by <paramref name="transformation"/>, in metres.</summary>
    public static double AccuracyMetres(DatumTransformation transformation) =>
        transformation == DatumTransformation.Ostn15 ? Ostn15AccuracyMetres : HelmertAccuracyMetres;

    /// <summary>Converts a WGS84 position to the National Grid, saying which transformation was used.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position falls outside the National Grid.</exception>
    public static GridConversion ConvertToGrid(GeoPoint wgs84)
    {
        var (e, n) = TransverseMercator.Grs80.Project(wgs84.Latitude, wgs84.Longitude);
        if (Ostn15Grid.Instance.TryGetShifts(e, n, out double se, out double sn))
        {
            return new GridConversion(new GridPoint(e + se, n + sn), DatumTransformation.Ostn15);
        }

        var (easting, northing) = HelmertShift.ToGrid(wgs84.Latitude, wgs84.Longitude);
        return new GridConversion(new GridPoint(easting, northing), DatumTransformation.HelmertFallback);
    }

    /// <summary>Converts National Grid eastings and northings to a WGS84 position, saying which transformation was used.</summary>
    public static Wgs84Conversion ConvertToWgs84(GridPoint grid)
    {
        var shifts = Ostn15Grid.Instance;
        double easting = grid.Easting, northing = grid.Northing;
        if (shifts.TryGetShifts(easting, northing, out double se, out double sn))
        {
            double e = easting - se, n = northing - sn;
            for (int step = 0; step < InverseMaxSteps; step++)
            {
                if (!shifts.TryGetShifts(e, n, out se, out sn))
                {
                    break;
                }

                double nextE = easting - se, nextN = northing - sn;
                bool settled = Math.Abs(nextE - e) < InverseToleranceMetres && Math.Abs(nextN - n) < InverseToleranceMetres;
                e = nextE;
                n = nextN;
                if (settled)
                {
                    var (lat, lon) = TransverseMercator.Grs80.Unproject(e, n);
                    return new Wgs84Conversion(new GeoPoint(lat, lon), DatumTransformation.Ostn15);
                }
            }
        }

        var (latitude, longitude) = HelmertShift.ToWgs84(easting, northing);
        return new Wgs84Conversion(new GeoPoint(latitude, longitude), DatumTransformation.HelmertFallback);
    }

    /// <summary>Converts a WGS84 position to National Grid eastings and northings (see <see cref="ConvertToGrid"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position falls outside the National Grid.</exception>
    public static GridPoint ToGrid(GeoPoint wgs84) => ConvertToGrid(wgs84).Grid;

    /// <summary>Converts National Grid eastings and northings to a WGS84 position (see <see cref="ConvertToWgs84"/>).</summary>
    public static GeoPoint ToWgs84(GridPoint grid) => ConvertToWgs84(grid).Position;

    /// <summary>Projects an OSGB36 geodetic position (Airy 1830, no datum shift) onto the grid.</summary>
    /// <remarks>For positions read off pre-2015 OS maps and for checking the projection itself.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The position falls outside the National Grid.</exception>
    public static GridPoint ProjectOsgb36(double osgbLatitude, double osgbLongitude)
    {
        var (easting, northing) = TransverseMercator.Airy1830.Project(osgbLatitude, osgbLongitude);
        return new GridPoint(easting, northing);
    }

    /// <summary>Inverse of <see cref="ProjectOsgb36"/>: grid to OSGB36 geodetic latitude and longitude.</summary>
    public static (double Latitude, double Longitude) UnprojectOsgb36(GridPoint grid) =>
        TransverseMercator.Airy1830.Unproject(grid.Easting, grid.Northing);
}
