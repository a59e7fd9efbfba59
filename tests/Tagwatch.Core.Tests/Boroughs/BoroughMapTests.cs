using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Tests.Boroughs;

public sealed class BoroughMapTests
{
    [Fact]
    public void London_HasThe33LocalAuthorities()
    {
        Assert.Equal(33, BoroughMap.London.All.Count);
        Assert.All(BoroughMap.London.All, b => Assert.StartsWith("E09", b.Code, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(51.4613, -0.1156, "Lambeth")] // Brixton
    [InlineData(51.4415, -0.0117, "Lewisham")] // Catford
    [InlineData(51.4740, -0.0700, "Southwark")] // Peckham
    [InlineData(51.3762, -0.0982, "Croydon")] // Croydon town centre
    [InlineData(51.5007, -0.1246, "Westminster")] // Palace of Westminster
    public void Locate_KnownPlaces_ReturnsTheirBorough(double lat, double lon, string borough)
    {
        Assert.Equal(borough, BoroughMap.London.Locate(new GeoPoint(lat, lon))?.Name);
    }

    [Fact]
    public void Locate_OutsideLondon_ReturnsNull()
    {
        Assert.Null(BoroughMap.London.Locate(new GeoPoint(52.2053, 0.1218))); // Cambridge
    }

    [Theory]
    [InlineData("E09000022", "wards2013_E09000022_lambeth_wgs84.geojson")]
    [InlineData("E09000023", "wards2013_E09000023_lewisham_wgs84.geojson")]
    [InlineData("E09000028", "wards2013_E09000028_southwark_wgs84.geojson")]
    [InlineData("E09000008", "wards2013_E09000008_croydon_wgs84.geojson")]
    public void Locate_EveryWardInteriorPoint_FallsInItsBorough(string code, string file)
    {
        // Ward outlines are an independent source: each ward's interior point must lie in its borough.
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        var wards = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(TestData.Path("boundaries", file)), options)!;

        Assert.True(wards.Count >= 18);
        foreach (var ward in wards)
        {
            var inside = ward.Geometry.InteriorPoint;
            Assert.Equal(code, BoroughMap.London.Locate(new GeoPoint(inside.Y, inside.X))?.Code);
        }
    }

    [Theory]
    [InlineData("lambeth", "E09000022")]
    [InlineData("E09000008", "E09000008")]
    [InlineData("e09000028", "E09000028")]
    public void Find_ByNameOrCode_IgnoresCase(string text, string code)
    {
        Assert.Equal(code, BoroughMap.London.Find(text)?.Code);
    }
}
