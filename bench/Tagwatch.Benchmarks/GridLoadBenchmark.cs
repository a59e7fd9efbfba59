using System.Diagnostics;
using System.Globalization;
using Tagwatch.Core.Geo;

namespace Tagwatch.Benchmarks;

/// <summary>
/// The first National Grid conversion in a fresh process (it decodes the embedded OSTN15 grid) and the memory that
/// takes; then plain conversions a second on one thread over a sweep of Great Britain, as a quick check beside the
/// BenchmarkDotNet kernels.
/// </summary>
internal static class GridLoadBenchmark
{
    public static int Run()
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var first = Stopwatch.StartNew();
        var london = NationalGrid.ConvertToGrid(new GeoPoint(51.4613, -0.1156));
        first.Stop();
        long grid = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first conversion (grid decoded): {first.Elapsed.TotalMilliseconds:0.0} ms, {grid / 1e6:0.0} MB held; {london.Grid} by {london.Transformation}"));

        var points = new List<GeoPoint>();
        for (double lat = 50.1; lat < 58.6; lat += 0.01)
        {
            for (double lon = -5.5; lon < 1.7; lon += 0.1)
            {
                points.Add(new GeoPoint(lat, lon));
            }
        }

        var grids = points.Select(NationalGrid.ToGrid).ToArray();
        for (int round = 0; round < 3; round++)
        {
            var forward = Stopwatch.StartNew();
            double sum = 0;
            foreach (var p in points)
            {
                sum += NationalGrid.ToGrid(p).Easting;
            }

            forward.Stop();
            var inverse = Stopwatch.StartNew();
            foreach (var g in grids)
            {
                sum += NationalGrid.ToWgs84(g).Latitude;
            }

            inverse.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: {points.Count:N0} points; to grid {points.Count / forward.Elapsed.TotalSeconds / 1e6:0.00} M/s, to WGS84 {grids.Length / inverse.Elapsed.TotalSeconds / 1e6:0.00} M/s (checksum {sum:0})"));
        }

        return 0;
    }
}
