using FsCheck;
using FsCheck.Fluent;
using Tagwatch.Core.Geo;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Tests;

/// <summary>The local frame's error bound, which lets the engine skip exact distances, checked against the exact
/// ellipsoidal distance: if the bound were ever short, strict mode could miss or misreport a fix.</summary>
public sealed class SearchAreaTests
{
    private static double FrameDistance(SearchArea area, double latitude, double longitude) =>
        Math.Sqrt(area.ApproximateDistanceSquared(latitude, longitude));

    [Fact]
    public void Margin_CoversTheFramesError_AtEveryLatitudeBearingAndDistance()
    {
        foreach (double latitude in new[] { -80.0, -51.5, 0, 30, 45, 50, 51.5, 55, 58.6, 60.9, 70, 80 })
        {
            foreach (double radius in new[] { 0.5, 10, 100, 150, 1000, 5000, 50_000 })
            {
                var area = new SearchArea(latitude, -0.1, radius);
                var frame = new LocalFrame(latitude, -0.1);
                for (int bearing = 0; bearing < 360; bearing += 3)
                {
                    foreach (double fraction in new[] { 0.01, 0.5, 1.0, 1.05 })
                    {
                        double s = radius * fraction;
                        var (lat, lon) = frame.At(s * Math.Sin(bearing * Math.PI / 180), s * Math.Cos(bearing * Math.PI / 180));
                        double exact = Geodesic.DistanceMetres(latitude, -0.1, lat, lon);
                        Assert.True(Math.Abs(FrameDistance(area, lat, lon) - exact) <= area.Margin(exact),
                            $"lat {latitude}, radius {radius}, bearing {bearing}, distance {exact}: frame {FrameDistance(area, lat, lon)}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Margin_CoversTheFramesError_ForRandomPlacesAndOffsets()
    {
        var gen = from lat in Gen.Choose(-800_000, 800_000)
                  from lon in Gen.Choose(-1_800_000, 1_800_000)
                  from radius in Gen.Choose(1, 50_000)
                  from north in Gen.Choose(-1000, 1000)
                  from east in Gen.Choose(-1000, 1000)
                  select (Lat: lat / 1e4, Lon: lon / 1e4, Radius: (double)radius, North: north / 1000.0, East: east / 1000.0);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            // A point placed with plain degree arithmetic (not the frame's own), somewhere within the radius's box.
            double lat = c.Lat + (c.North * c.Radius / 111_000);
            double lon = c.Lon + (c.East * c.Radius / (111_000 * Math.Cos(c.Lat * Math.PI / 180)));
            double exact = Geodesic.DistanceMetres(c.Lat, c.Lon, lat, lon);
            var area = new SearchArea(c.Lat, c.Lon, c.Radius);
            return exact > c.Radius * 1.05 || Math.Abs(lat) > 89 || Math.Abs(FrameDistance(area, lat, lon) - exact) <= area.Margin(exact);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(5000));
    }

    [Fact]
    public void Screen_InLondonAtAHundredMetres_IsMillimetresWide()
    {
        var area = new SearchArea(51.4613, -0.1156, 100);

        Assert.InRange(area.Margin(100), 0.001, 0.006);
        Assert.InRange(Math.Sqrt(area.ScreenSquared), 100.001, 100.006);
    }
}
