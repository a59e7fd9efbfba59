using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Tests.Geo;

public sealed class GridReferenceTests
{
    [Theory]
    [InlineData("TQ 30 80", 530500, 180500, 1000)]
    [InlineData("tq3080", 530500, 180500, 1000)]
    [InlineData("TQ 388 798", 538850, 179850, 100)]
    [InlineData("TQ 38874 77344", 538874.5, 177344.5, 1)]
    [InlineData("SV", 50000, 50000, 100000)]
    [InlineData("NN 166 712", 216650, 771250, 100)]
    public void TryParse_ValidReference_ReturnsCentreOfTheSquare(string text, double easting, double northing, double size)
    {
        Assert.True(GridReference.TryParse(text, out var centre, out var square, out var error), error);
        Assert.Equal(easting, centre.Easting, 1e-6);
        Assert.Equal(northing, centre.Northing, 1e-6);
        Assert.Equal(size, square);
    }

    [Theory]
    [InlineData("T", "two letters")]
    [InlineData("TI 10 10", "do not exist")]
    [InlineData("TQ 123 45", "even number")]
    [InlineData("TQ 12a4", "even number")]
    [InlineData("12 34", "two letters")]
    public void TryParse_Invalid_ReturnsNamedReason(string text, string reason)
    {
        Assert.False(GridReference.TryParse(text, out _, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ThenParse_RoundTripsAtEveryPrecision()
    {
        var point = new GridPoint(530123.4, 180987.6);
        foreach (int digits in new[] { 2, 4, 6, 8, 10 })
        {
            string text = GridReference.Format(point, digits);
            Assert.True(GridReference.TryParse(text, out var centre, out var size, out _));
            Assert.True(Math.Abs(centre.Easting - point.Easting) <= size / 2);
            Assert.True(Math.Abs(centre.Northing - point.Northing) <= size / 2);
        }
    }
}
