using FsCheck;
using FsCheck.Fluent;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Tests.Conditions;

public sealed class ZoneAreaTests
{
    private static readonly GeoPoint Centre = new(51.4613, -0.1156);

    [Fact]
    public void EnteredAndBuffer_ReadsBackWhatGrowWrote_ForCirclesAndPolygons() =>
        Prop.ForAll(
            Gen.Choose(10, 5_000).Zip(Gen.Choose(0, 2_000)).Zip(Gen.Elements(true, false)).ToArbitrary(),
            t =>
            {
                var ((radius, bufferDecimetres), circle) = t;
                double buffer = bufferDecimetres / 10.0;
                var area = circle
                    ? ZoneArea.Circle(Centre, radius)
                    : ZoneArea.TryParse($"POLYGON((-0.12 51.46, -0.11 51.46, -0.11 {51.46 + (radius / 1e6):0.######}, -0.12 51.46))", out var polygon, out _) ? polygon! : throw new InvalidOperationException();

                var (entered, readBuffer) = ZoneArea.EnteredAndBuffer(area.Grow(buffer).Description);

                Assert.Equal(area.Description, entered);
                Assert.Equal(Math.Round(buffer, 1), readBuffer);
                Assert.Equal(area.Description, ZoneArea.FromDescription(entered).Description);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void CircleOf_ReadsBackTheCentreAndRadiusACircleWrote() =>
        Prop.ForAll(
            Gen.Choose(-2_000_000, 2_000_000).Zip(Gen.Choose(-2_000_000, 2_000_000)).Zip(Gen.Choose(1, 1_000_000)).ToArbitrary(),
            t =>
            {
                var ((north, east), decimetres) = t;
                var centre = new GeoPoint(51.5 + (north / 1e7), -0.1 + (east / 1e7));
                double radius = decimetres / 10.0;

                var (readCentre, readRadius) = ZoneArea.CircleOf(ZoneArea.Circle(centre, radius).Description)!.Value;

                Assert.Equal(centre.Latitude, readCentre.Latitude, 7);
                Assert.Equal(centre.Longitude, readCentre.Longitude, 7);
                Assert.Equal(radius, readRadius, 1);
            }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("POLYGON((-0.12 51.46, -0.11 51.46, -0.11 51.47, -0.12 51.46))")]
    [InlineData("circle 51.46 -0.11")]
    [InlineData("circle 51.46 -0.11 abc")]
    [InlineData("circle 95 -0.11 100")]
    [InlineData("circle 51.46 -0.11 100 + 50 m")]
    public void CircleOf_AnythingButACirclesOwnDescription_IsNull(string description) =>
        Assert.Null(ZoneArea.CircleOf(description));

    [Fact]
    public void Circle_SignedDistance_AgreesWithTheEllipsoidalDistance() =>
        Prop.ForAll(
            Gen.Choose(0, 3_000).Zip(Gen.Choose(0, 359)).Zip(Gen.Choose(10, 1_000)).ToArbitrary(),
            t =>
            {
                var ((metres, bearing), radius) = t;
                var point = Offset(Centre, metres, bearing);
                double expected = Geodesic.DistanceMetres(Centre, point) - radius;
                double actual = ZoneArea.Circle(Centre, radius).SignedDistanceMetres(point);
                // The National Grid's scale factor near London differs from 1 by under 0.1 %.
                return Math.Abs(actual - expected) <= 0.5 + (0.001 * metres);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Polygon_SignedDistance_IsNegativeInsideAndPositiveOutside()
    {
        // A square of about 140 m × 140 m (0.002° longitude, 0.00126° latitude) around the centre.
        Assert.True(ZoneArea.TryParse("POLYGON((-0.1166 51.46067, -0.1146 51.46067, -0.1146 51.46193, -0.1166 51.46193, -0.1166 51.46067))", out var area, out string? error), error);

        double inside = area!.SignedDistanceMetres(Centre);
        double outside = area.SignedDistanceMetres(Offset(Centre, 200, 0));

        Assert.InRange(inside, -71, -69);
        Assert.InRange(outside, 128, 132);
    }

    [Fact]
    public void TryParse_GeoJsonPolygon_IsAccepted()
    {
        Assert.True(ZoneArea.TryParse("""{"type":"Polygon","coordinates":[[[-0.1166,51.46067],[-0.1146,51.46067],[-0.1146,51.46193],[-0.1166,51.46067]]]}""", out var area, out string? error), error);
        Assert.True(area!.SignedDistanceMetres(Offset(Centre, 500, 90)) > 0);
    }

    [Theory]
    [InlineData("POINT(-0.1 51.5)", "POLYGON or MULTIPOLYGON")]
    [InlineData("POLYGON((0 0, 1 1", "not WKT or GeoJSON")]
    [InlineData("POLYGON((-0.1 51.5, -0.1 91, 0 51.5, -0.1 51.5))", "vertex -0.1 91")]
    [InlineData("POLYGON((-0.1 51.5, -0.09 51.51, -0.1 51.51, -0.09 51.5, -0.1 51.5))", "not valid")]
    public void TryParse_BadArea_NamesTheProblem(string text, string expected)
    {
        Assert.False(ZoneArea.TryParse(text, out _, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grow_WidensTheZoneByTheBuffer()
    {
        var point = Offset(Centre, 130, 45);

        Assert.True(ZoneArea.Circle(Centre, 100).SignedDistanceMetres(point) > 0);
        Assert.True(ZoneArea.Circle(Centre, 100).Grow(50).SignedDistanceMetres(point) < 0);
    }

    internal static GeoPoint Offset(GeoPoint from, double metres, double bearingDegrees)
    {
        double rad = bearingDegrees * Math.PI / 180;
        double north = metres * Math.Cos(rad), east = metres * Math.Sin(rad);
        return new GeoPoint(from.Latitude + (north / 111_250), from.Longitude + (east / (111_320 * Math.Cos(from.Latitude * Math.PI / 180))));
    }
}
