using FsCheck;
using FsCheck.Fluent;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Tests.Geo;

public sealed class GeodesicTests
{
    [Fact]
    public void DistanceMetres_VincentyFlindersPeakToBuninyong_MatchesPublishedValue()
    {
        // Vincenty (1975) worked example: 54 972.271 m.
        double d = Geodesic.DistanceMetres(
            -(37 + 57 / 60.0 + 3.72030 / 3600), 144 + 25 / 60.0 + 29.52440 / 3600,
            -(37 + 39 / 60.0 + 10.15610 / 3600), 143 + 55 / 60.0 + 35.38390 / 3600);

        Assert.Equal(54972.271, d, 0.001);
    }

    [Fact]
    public void DistanceMetres_OneDegreeOfLatitudeAtTheEquator_Is110574Metres()
    {
        Assert.Equal(110574.389, Geodesic.DistanceMetres(0, 0, 1, 0), 0.01);
    }

    [Fact]
    public void DistanceMetres_SamePoint_IsZero()
    {
        Assert.Equal(0, Geodesic.DistanceMetres(51.5, -0.1, 51.5, -0.1));
    }

    [Fact]
    public void DistanceMetres_UpToOneKilometreAcrossBritain_AgreesWithLocalEllipsoidRadiiToOneCentimetre()
    {
        // Reference: the plane on the ellipsoid's local radii of curvature at the mid-latitude, whose error at
        // 1 km is well below a millimetre. A property over random places and offsets.
        var gen = from lat in Gen.Choose(49_900_000, 60_800_000)
                  from lon in Gen.Choose(-8_000_000, 1_800_000)
                  from north in Gen.Choose(-700_000, 700_000)
                  from east in Gen.Choose(-700_000, 700_000)
                  select (lat / 1e6, lon / 1e6, north / 1e3, east / 1e3);
        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var (lat, lon, northMetres, eastMetres) = sample;
            const double a = 6_378_137.0, e2 = 0.00669437999014;
            double phi = lat * Math.PI / 180;
            double meridional = a * (1 - e2) / Math.Pow(1 - e2 * Math.Sin(phi) * Math.Sin(phi), 1.5);
            double lat2 = lat + northMetres / meridional * 180 / Math.PI;
            double phiMid = (lat + lat2) / 2 * Math.PI / 180;
            double meridionalMid = a * (1 - e2) / Math.Pow(1 - e2 * Math.Sin(phiMid) * Math.Sin(phiMid), 1.5);
            double primeVertical = a / Math.Sqrt(1 - e2 * Math.Sin(phiMid) * Math.Sin(phiMid));
            double lon2 = lon + eastMetres / (primeVertical * Math.Cos(phiMid)) * 180 / Math.PI;
            double dn = (lat2 - lat) * Math.PI / 180 * meridionalMid;
            double de = (lon2 - lon) * Math.PI / 180 * primeVertical * Math.Cos(phiMid);
            double expected = Math.Sqrt(dn * dn + de * de);
            double actual = Geodesic.DistanceMetres(lat, lon, lat2, lon2);
            return Math.Abs(actual - expected) < 0.01;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DistanceMetres_IsSymmetric()
    {
        var gen = from a in Gen.Choose(-89_000, 89_000)
                  from b in Gen.Choose(-179_000, 179_000)
                  from c in Gen.Choose(-89_000, 89_000)
                  from d in Gen.Choose(-179_000, 179_000)
                  select (a / 1e3, b / 1e3, c / 1e3, d / 1e3);
        Prop.ForAll(gen.ToArbitrary(), p =>
            Math.Abs(Geodesic.DistanceMetres(p.Item1, p.Item2, p.Item3, p.Item4) - Geodesic.DistanceMetres(p.Item3, p.Item4, p.Item1, p.Item2)) < 1e-6)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ApproximateDistanceMetres_WithinTwentyKilometresInLondon_IsWithinHalfAPercent()
    {
        var gen = from lat in Gen.Choose(51_280_000, 51_690_000)
                  from lon in Gen.Choose(-510_000, 330_000)
                  from dLat in Gen.Choose(-100_000, 100_000)
                  from dLon in Gen.Choose(-150_000, 150_000)
                  select (lat / 1e6, lon / 1e6, (lat + dLat) / 1e6, (lon + dLon) / 1e6);
        Prop.ForAll(gen.ToArbitrary(), p =>
        {
            double exact = Geodesic.DistanceMetres(p.Item1, p.Item2, p.Item3, p.Item4);
            double approximate = Geodesic.ApproximateDistanceMetres(p.Item1, p.Item2, p.Item3, p.Item4);
            return Math.Abs(approximate - exact) <= 0.005 * exact + 0.01;
        }).QuickCheckThrowOnFailure();
    }
}
