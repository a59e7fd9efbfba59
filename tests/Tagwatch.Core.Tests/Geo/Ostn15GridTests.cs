using System.Security.Cryptography;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Tests.Geo;

public sealed class Ostn15GridTests
{
    [Fact]
    public void TryGetShifts_PublishedCheckValueAtTp09Vauxhall_MatchesToATenthOfAMillimetre()
    {
        // The check value the grid's distribution publishes: OS test point TP09's ETRS89 pseudo grid position.
        Assert.True(Ostn15Grid.Instance.TryGetShifts(530526.41231, 178467.04377, out double east, out double north));

        Assert.Equal(98.56169, east, 0.00001);
        Assert.Equal(-78.57977, north, 0.00001);
    }

    [Fact]
    public void TryGetShifts_AtEveryOsTestPoint_GivesOsInterpolatedShifts()
    {
        var shifts = Ostn15TestFiles.Shifts();
        foreach (var p in Ostn15TestFiles.EtrsToOsgb())
        {
            // OS's shifts are rounded to 0.01 mm; the pseudo grid position is the output minus them.
            var (se, sn) = shifts[p.Point];
            Assert.True(Ostn15Grid.Instance.TryGetShifts(p.Easting - se, p.Northing - sn, out double east, out double north), p.Point);
            Assert.True(Math.Abs(east - se) < 0.00002 && Math.Abs(north - sn) < 0.00002, $"{p.Point}: {east:0.00000} {north:0.00000}, OS {se} {sn}");
        }
    }

    [Fact]
    public void Instance_DecodedNodes_AreByteForByteTheOrdnanceSurveyFiles()
    {
        // SHA-256 of ostn15_east_shift_mm_base_82140.u16le and ostn15_north_shift_mm_base_-84180.u16le (Geo/Ostn15/README.md).
        var grid = Ostn15Grid.Instance;
        int count = Ostn15Grid.Columns * Ostn15Grid.Rows;
        byte[] east = new byte[2 * count], north = new byte[2 * count];
        for (int i = 0; i < count; i++)
        {
            BitConverter.TryWriteBytes(east.AsSpan(2 * i), grid.EastValue(i));
            BitConverter.TryWriteBytes(north.AsSpan(2 * i), grid.NorthValue(i));
        }

        Assert.Equal("2f19f318b3c72569983a43e9e19a83011d39edad68f506d7ac268370ef448b96", Convert.ToHexStringLower(SHA256.HashData(east)));
        Assert.Equal("dc1d2c94a15cca4493013072a8c8fbc2b6a054e11337671b9f972782a7450e7f", Convert.ToHexStringLower(SHA256.HashData(north)));
    }

    [Theory]
    [InlineData(-0.001, 500_000)]
    [InlineData(700_000, 500_000)]
    [InlineData(300_000, 1_250_000)]
    [InlineData(300_000, -1)]
    [InlineData(double.NaN, 500_000)]
    public void TryGetShifts_OutsideTheGrid_IsFalse(double easting, double northing)
    {
        Assert.False(Ostn15Grid.Instance.TryGetShifts(easting, northing, out _, out _));
    }

    [Fact]
    public void TryGetShifts_AtTheLastCellBelowTheEdges_IsTrue()
    {
        Assert.True(Ostn15Grid.Instance.TryGetShifts(699_999.999, 1_249_999.999, out _, out _));
        Assert.True(Ostn15Grid.Instance.TryGetShifts(0, 0, out _, out _));
    }
}
