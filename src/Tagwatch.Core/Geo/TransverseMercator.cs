namespace Tagwatch.Core.Geo;

/// <summary>
/// The National Grid's Transverse Mercator projection on a given ellipsoid, by the series in Ordnance Survey's
/// 'A guide to coordinate systems in Great Britain' (Annex C): the formulae OS's own software uses.
/// </summary>
/// <remarks>
/// The grid's parameters are fixed (true origin 49°N 2°W, scale 0.9996012717, false origin −400 km E, +100 km N);
/// the ellipsoid varies: Airy 1830 for OSGB36 itself, GRS80 for the ETRS89 "pseudo grid" that OSTN15 shifts.
/// These are the series OS's software uses, so results agree with OS's; projecting and unprojecting close to within a
/// millimetre from 130 to 680 km easting, and drift apart to several millimetres towards the grid's west and east
/// edges (OS's own test point TP31, St Kilda, shows 5 mm). Immutable and thread-safe.
/// </remarks>
internal sealed class TransverseMercator
{
    /// <summary>Airy 1830, the OSGB36 ellipsoid.</summary>
    public static readonly TransverseMercator Airy1830 = new(6_377_563.396, 6_356_256.909);

    /// <summary>GRS80, the ETRS89 ellipsoid.</summary>
    public static readonly TransverseMercator Grs80 = new(6_378_137.000, 6_356_752.3141);

    private const double ScaleFactor = 0.9996012717;
    private const double OriginLatitude = 49 * Math.PI / 180;
    private const double OriginLongitude = -2 * Math.PI / 180;
    private const double FalseEasting = 400_000;
    private const double FalseNorthing = -100_000;

    // The meridional arc's iteration stops when it is within 0.01 mm of the northing.
    private const double ArcToleranceMetres = 0.00001;

    private readonly double _aF0;
    private readonly double _bF0;
    private readonly double _e2;
    private readonly double _m1, _m2, _m3, _m4;

    private TransverseMercator(double semiMajor, double semiMinor)
    {
        _aF0 = semiMajor * ScaleFactor;
        _bF0 = semiMinor * ScaleFactor;
        _e2 = (semiMajor * semiMajor - semiMinor * semiMinor) / (semiMajor * semiMajor);
        double n = (semiMajor - semiMinor) / (semiMajor + semiMinor), n2 = n * n, n3 = n2 * n;
        _m1 = 1 + n + 5.0 / 4 * n2 + 5.0 / 4 * n3;
        _m2 = 3 * n + 3 * n2 + 21.0 / 8 * n3;
        _m3 = 15.0 / 8 * n2 + 15.0 / 8 * n3;
        _m4 = 35.0 / 24 * n3;
    }

    /// <summary>Projects a geodetic latitude and longitude (degrees, on this ellipsoid) to easting and northing in metres.</summary>
    public (double Easting, double Northing) Project(double latitudeDegrees, double longitudeDegrees)
    {
        double phi = latitudeDegrees * (Math.PI / 180);
        var (sin, cos) = Math.SinCos(phi);
        double tan2 = sin * sin / (cos * cos);
        double s = 1 - _e2 * sin * sin;
        double nu = _aF0 / Math.Sqrt(s);
        double rho = _aF0 * (1 - _e2) / (s * Math.Sqrt(s));
        double eta2 = nu / rho - 1;
        double cos3 = cos * cos * cos, cos5 = cos3 * cos * cos;

        double i = MeridionalArc(phi) + FalseNorthing;
        double ii = nu / 2 * sin * cos;
        double iii = nu / 24 * sin * cos3 * (5 - tan2 + 9 * eta2);
        double iiiA = nu / 720 * sin * cos5 * (61 - 58 * tan2 + tan2 * tan2);
        double iv = nu * cos;
        double v = nu / 6 * cos3 * (nu / rho - tan2);
        double vi = nu / 120 * cos5 * (5 - 18 * tan2 + tan2 * tan2 + 14 * eta2 - 58 * tan2 * eta2);

        double dl = longitudeDegrees * (Math.PI / 180) - OriginLongitude, dl2 = dl * dl;
        double northing = i + dl2 * (ii + dl2 * (iii + dl2 * iiiA));
        double easting = FalseEasting + dl * (iv + dl2 * (v + dl2 * vi));
        return (easting, northing);
    }

    /// <summary>The inverse of <see cref="Project"/>: latitude and longitude in degrees on this ellipsoid.</summary>
    public (double Latitude, double Longitude) Unproject(double easting, double northing)
    {
        double dn = northing - FalseNorthing;
        double phi = dn / _aF0 + OriginLatitude;
        double m = MeridionalArc(phi);
        for (int k = 0; k < 20 && Math.Abs(dn - m) >= ArcToleranceMetres; k++)
        {
            phi += (dn - m) / _aF0;
            m = MeridionalArc(phi);
        }

        var (sin, cos) = Math.SinCos(phi);
        double tan = sin / cos, tan2 = tan * tan, tan4 = tan2 * tan2;
        double s = 1 - _e2 * sin * sin;
        double nu = _aF0 / Math.Sqrt(s);
        double rho = _aF0 * (1 - _e2) / (s * Math.Sqrt(s));
        double eta2 = nu / rho - 1;
        double sec = 1 / cos, nu3 = nu * nu * nu, nu5 = nu3 * nu * nu, nu7 = nu5 * nu * nu;

        double vii = tan / (2 * rho * nu);
        double viii = tan / (24 * rho * nu3) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2);
        double ix = tan / (720 * rho * nu5) * (61 + 90 * tan2 + 45 * tan4);
        double x = sec / nu;
        double xi = sec / (6 * nu3) * (nu / rho + 2 * tan2);
        double xii = sec / (120 * nu5) * (5 + 28 * tan2 + 24 * tan4);
        double xiiA = sec / (5040 * nu7) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan4 * tan2);

        double de = easting - FalseEasting, de2 = de * de;
        double latitude = phi - de2 * (vii - de2 * (viii - de2 * ix));
        double longitude = OriginLongitude + de * (x - de2 * (xi - de2 * (xii - de2 * xiiA)));
        return (latitude * (180 / Math.PI), longitude * (180 / Math.PI));
    }

    private double MeridionalArc(double phi)
    {
        double dp = phi - OriginLatitude, sp = phi + OriginLatitude;
        return _bF0 * (_m1 * dp - _m2 * Math.Sin(dp) * Math.Cos(sp) + _m3 * Math.Sin(2 * dp) * Math.Cos(2 * sp) - _m4 * Math.Sin(3 * dp) * Math.Cos(3 * sp));
    }
}
