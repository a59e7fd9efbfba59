using BenchmarkDotNet.Attributes;
using Tagwatch.Core.Geo;

namespace Tagwatch.Benchmarks;

/// <summary>
/// WGS84 ⇄ National Grid conversions on one thread, 1,000 points a call across Great Britain: OSTN15 both ways, and
/// the Helmert shift through ProjNET that was used before, for comparison. Conversions a second = 1e9 / mean ns.
/// </summary>
[MemoryDiagnoser]
public class NationalGridBenchmarks
{
    private const int Points = 1000;
    private readonly GeoPoint[] _wgs84 = new GeoPoint[Points];
    private readonly GridPoint[] _grid = new GridPoint[Points];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(15);
        for (int i = 0; i < Points; i++)
        {
            // Half in the pilot's London, half anywhere from Cornwall to Caithness.
            _wgs84[i] = i % 2 == 0
                ? new GeoPoint(51.35 + random.NextDouble() * 0.2, -0.25 + random.NextDouble() * 0.3)
                : new GeoPoint(50.2 + random.NextDouble() * 8.0, -5.0 + random.NextDouble() * 6.5);
            _grid[i] = NationalGrid.ToGrid(_wgs84[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public double Ostn15ToGrid()
    {
        double sum = 0;
        foreach (var p in _wgs84)
        {
            sum += NationalGrid.ToGrid(p).Easting;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public double Ostn15ToWgs84()
    {
        double sum = 0;
        foreach (var g in _grid)
        {
            sum += NationalGrid.ToWgs84(g).Latitude;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points, Baseline = true)]
    public double HelmertToGrid()
    {
        double sum = 0;
        foreach (var p in _wgs84)
        {
            sum += HelmertShift.ToGrid(p.Latitude, p.Longitude).Easting;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public double HelmertToWgs84()
    {
        double sum = 0;
        foreach (var g in _grid)
        {
            sum += HelmertShift.ToWgs84(g.Easting, g.Northing).Latitude;
        }

        return sum;
    }
}
