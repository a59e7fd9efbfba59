using System.Globalization;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Tests.Geo;

public sealed class NationalGridTests
{
    [Fact]
    public void ProjectOsgb36_OrdnanceSurveyAnnexCExample_MatchesToTheMillimetre()
    {
        // OS "A guide to coordinate systems in Great Britain", Annex C (Caister water tower).
        var grid = NationalGrid.ProjectOsgb36(52.657570306, 1.717921583);

        Assert.Equal(651409.903, grid.Easting, 0.001);
        Assert.Equal(313177.270, grid.Northing, 0.001);
    }

    [Fact]
    public void UnprojectOsgb36_OrdnanceSurveyAnnexCExample_MatchesTo1e8Degrees()
    {
        var (lat, lon) = NationalGrid.UnprojectOsgb36(new GridPoint(651409.903, 313177.270));

        Assert.Equal(52 + 39 / 60.0 + 27.2531 / 3600, lat, 1e-8);
        Assert.Equal(1 + 43 / 60.0 + 4.5177 / 3600, lon, 1e-8);
    }

    [Fact]
    public void ToWgs84_CaisterHelmertExample_IsWithinTheStatedDatumShiftAccuracy()
    {
        var wgs84 = NationalGrid.ToWgs84(new GridPoint(651409.903, 313177.270));
        var expected = new GeoPoint(52 + 39 / 60.0 + 28.723 / 3600, 1 + 42 / 60.0 + 57.787 / 3600);

        // The published figure is itself a Helmert result, so agreement is far tighter than the 5 m bound.
        Assert.True(Geodesic.DistanceMetres(wgs84, expected) < 0.1, $"off by {Geodesic.DistanceMetres(wgs84, expected):0.000} m");
    }

    [Fact]
    public void ToGrid_OstnEtrs89Example_IsWithinFiveMetresOfTheOstnAnswer()
    {
        // ETRS89 (≈ WGS84 at metre level) to OSGB36 grid via OSTN02: 651409.792, 313177.448. Helmert must be within 5 m.
        var grid = NationalGrid.ToGrid(new GeoPoint(52.658007833, 1.716073973));

        double error = Math.Sqrt(Math.Pow(grid.Easting - 651409.792, 2) + Math.Pow(grid.Northing - 313177.448, 2));
        Assert.True(error < NationalGrid.DatumShiftAccuracyMetres, $"Helmert differs from OSTN by {error:0.00} m");
    }

    [Fact]
    public void ProjectOsgb36_EveryTransverseMercatorRowOfThePublishedExamples_MatchesWithinTolerance()
    {
        var rows = File.ReadAllLines(TestData.Path("grid", "published-worked-examples.csv")).Skip(1)
            .Select(ParseCsv)
            .Where(r => r[4] == "OSGB36 National Grid" && r[1] == "OSGB36 geodetic")
            .ToList();

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var grid = NationalGrid.ProjectOsgb36(double.Parse(row[2], CultureInfo.InvariantCulture), double.Parse(row[3], CultureInfo.InvariantCulture));
            Assert.Equal(double.Parse(row[5], CultureInfo.InvariantCulture), grid.Easting, 0.001);
            Assert.Equal(double.Parse(row[6], CultureInfo.InvariantCulture), grid.Northing, 0.001);
        }
    }

    [Fact]
    public void ProjectOsgb36_London51N5_0E_FormatsAsThePublishedSixFigureReference()
    {
        var grid = NationalGrid.ProjectOsgb36(51.5, 0);

        Assert.Equal("TQ 388 798", GridReference.Format(grid, 6));
    }

    [Fact]
    public void ToGrid_ThenToWgs84_ReturnsTheSamePointWithinTwoCentimetres()
    {
        var points = new[] { new GeoPoint(51.4613, -0.1156), new GeoPoint(51.3762, -0.0982), new GeoPoint(57.0, -5.3), new GeoPoint(50.1, -5.5) };
        foreach (var point in points)
        {
            var back = NationalGrid.ToWgs84(NationalGrid.ToGrid(point));
            // The inverse Helmert shift is the forward one with negated parameters: consistent to about a centimetre.
            Assert.True(Geodesic.DistanceMetres(point, back) < 0.02, $"{point}: {Geodesic.DistanceMetres(point, back):0.000000} m");
        }
    }

    [Fact]
    public void ToGrid_PointFarOutsideGreatBritain_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NationalGrid.ToGrid(new GeoPoint(40.0, 20.0)));
    }

    private static string[] ParseCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
