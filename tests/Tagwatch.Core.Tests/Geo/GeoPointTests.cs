using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Tests.Geo;

public sealed class GeoPointTests
{
    [Theory]
    [InlineData(91, 0, "latitude")]
    [InlineData(-90.0001, 0, "latitude")]
    [InlineData(double.NaN, 0, "latitude")]
    [InlineData(0, 180.5, "longitude")]
    [InlineData(0, double.PositiveInfinity, "longitude")]
    public void TryCreate_ImpossibleCoordinates_NamesTheField(double lat, double lon, string field)
    {
        Assert.False(GeoPoint.TryCreate(lat, lon, out _, out var error));
        Assert.StartsWith(field, error, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(lat, lon));
    }
}
