using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Grid;
using Tagwatch.Correlation.Strict;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Tests;

public sealed class FixGridTests
{
    private static readonly Instant Received = Instant.FromUtc(2019, 3, 1, 0, 0);

    /// <summary>Walks that start shortly before midnight UTC, on a cell's corner, west or east of Greenwich or south of
    /// the equator, with steps from a few centimetres to a few hundred metres: every edge a grid has.</summary>
    private static Gen<TagTrail> EdgeTrailGen(int index) =>
        from corner in Gen.Elements((51.46, -0.0064), (51.46, 0.0), (51.464, 0.0064), (-33.92, 18.4192), (0.0, -0.0064))
        from nudgeNorth in Gen.Choose(-3, 3)
        from nudgeEast in Gen.Choose(-3, 3)
        from startBeforeMidnight in Gen.Choose(0, 3600)
        from steps in Gen.ListOf(from north in Gen.Choose(-2000, 2000) from east in Gen.Choose(-2000, 2000) from seconds in Gen.Choose(0, 240) select (north, east, seconds))
        select Walk(index, corner.Item1 + (nudgeNorth * 1e-7), corner.Item2 + (nudgeEast * 1e-7), 1_551_398_400_000 - (startBeforeMidnight * 1000L), steps);

    private static TagTrail Walk(int index, double lat, double lon, long t, IEnumerable<(int North, int East, int Seconds)> steps)
    {
        var fixes = new List<Fix>();
        foreach (var (north, east, seconds) in steps)
        {
            lat += north * 1e-7;
            lon += east * 1e-7;
            t += seconds * 1000L;
            fixes.Add(Fix.Create(Instant.FromUnixTimeMilliseconds(t), Received, new GeoPoint(lat, lon), 8));
        }

        return new TagTrail(TagId.Parse($"T{index}"), fixes);
    }

    [Fact]
    public void StrictMatch_TrailsAcrossMidnightCellEdgesGreenwichAndEquator_EqualsBruteForceExactly()
    {
        var gen = from t0 in EdgeTrailGen(0)
                  from t1 in EdgeTrailGen(1)
                  from t2 in EdgeTrailGen(2)
                  let trails = new[] { t0, t1, t2 }
                  from picks in Gen.ListOf(from pick in Gen.Choose(0, 10_000) from north in Gen.Choose(-300, 300) from east in Gen.Choose(-300, 300) from span in Gen.Choose(0, 40) select (pick, north, east, span))
                  from radius in Gen.Choose(0, 400)
                  from pad in Gen.Choose(0, 300)
                  select (Trails: trails, Crimes: Place(trails, picks), Radius: (double)radius, PadMs: pad * 1000L);
        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var expected = StrictMatcherTests.BruteForce(sample.Crimes, sample.Trails, sample.Radius, sample.PadMs);
            var actual = StrictMatcher.Match(sample.Crimes, sample.Trails, new StrictParameters(sample.Radius, Duration.FromMilliseconds(sample.PadMs)));
            return expected.SequenceEqual(actual);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static List<CrimeSite> Place(IReadOnlyList<TagTrail> trails, IEnumerable<(int Pick, int North, int East, int Span)> picks)
    {
        var crimes = new List<CrimeSite>();
        var nonEmpty = trails.Where(t => t.Count > 0).ToList();
        foreach (var (pick, north, east, span) in picks.Where(_ => nonEmpty.Count > 0))
        {
            var trail = nonEmpty[pick % nonEmpty.Count];
            int i = pick % trail.Count, j = Math.Min(trail.Count - 1, i + span);
            crimes.Add(new CrimeSite($"C{crimes.Count:0000}", trail.Latitudes[i] + north * 1e-5, trail.Longitudes[i] + east * 1e-5, trail.Times[i], trail.Times[j]));
        }

        return crimes;
    }

    [Fact]
    public void Near_ReportsEachTagOnceInTagOrderWithFirstLastAndEarliestClosest()
    {
        // B is on the point, 1.1 m off, on it again, then 56 m off: ties on distance go to the earliest fix.
        var b = Walk(2, 51.46, -0.11, 1_551_398_400_000, [(0, 0, 0), (100, 0, 60), (-100, 0, 60), (5000, 0, 60)]);
        var a = Walk(1, 51.46, -0.11, 1_551_398_400_000, [(0, 5, 30)]);
        var grid = FixGrid.FromTrails([b, a]);

        var near = grid.Near(51.46, -0.11, 50, b.Times[0], b.Times[^1]);

        Assert.Equal([TagId.Parse("T1"), TagId.Parse("T2")], near.Select(n => grid.Tags[n.Tag]));
        var second = near[1].Proximity;
        Assert.Equal(3, second.Count);
        Assert.Equal(0, second.MinDistanceMetres);
        Assert.Equal(b.Times[0], second.ClosestTimeUnixMs);
        Assert.Equal((b.Times[0], b.Times[2]), (second.FirstTimeUnixMs, second.LastTimeUnixMs));
    }

    [Fact]
    public void CellKeys_SortLikeRowThenColumn_AndRoundTrip()
    {
        Prop.ForAll(Gen.Two(Gen.Two(Gen.Choose(-30_000, 30_000))).ToArbitrary(), pair =>
        {
            var ((r1, c1), (r2, c2)) = pair;
            long k1 = GridCells.Key(r1, c1), k2 = GridCells.Key(r2, c2);
            return GridCells.Of(k1) == (r1, c1) && Math.Sign(k1.CompareTo(k2)) == Math.Sign((r1, c1).CompareTo((r2, c2)));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Theory]
    [InlineData(-1, 40_000, -1)]
    [InlineData(-40_000, 40_000, -1)]
    [InlineData(-40_001, 40_000, -2)]
    [InlineData(39_999, 40_000, 0)]
    [InlineData(40_000, 40_000, 1)]
    public void FloorDiv_RoundsTowardsMinusInfinity(long value, long divisor, long expected) =>
        Assert.Equal(expected, GridCells.FloorDiv(value, divisor));

    [Fact]
    public void Builder_RefusesAFixOfAnotherDay_AndTheSameTagTwice()
    {
        var builder = new DayGridBuilder(17_956);
        long start = 17_956 * GridCells.DayMs;
        builder.Add(TagId.Parse("T1"), [start, start + GridCells.DayMs - 1], [514_600_000, 514_600_000], [-1_100_000, -1_100_000]);

        var otherDay = Assert.Throws<ArgumentException>(() => builder.Add(TagId.Parse("T2"), [start + GridCells.DayMs], [514_600_000], [-1_100_000]));
        Assert.Contains("does not fall on day 17956", otherDay.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => builder.Add(TagId.Parse("T1"), [start], [514_600_000], [-1_100_000]));
        Assert.Contains("already added", twice.Message, StringComparison.Ordinal);
        var lengths = Assert.Throws<ArgumentException>(() => builder.Add(TagId.Parse("T3"), [start], [], [-1_100_000]));
        Assert.Contains("1 times but 0 latitudes", lengths.Message, StringComparison.Ordinal);
        Assert.Equal(2, builder.Build().Count);
    }

    [Fact]
    public void DayGrid_InconsistentColumns_AreRefusedWithWhatIsWrong()
    {
        TagId[] tags = [TagId.Parse("T1")];
        Assert.Contains("out of order", Assert.Throws<ArgumentException>(() =>
            new DayGrid(1, tags, [5, 4], [0, 1, 2], [0, 0], [0, 0], [0, 0], [0, 0])).Message, StringComparison.Ordinal);
        Assert.Contains("outside the day or out of order", Assert.Throws<ArgumentException>(() =>
            new DayGrid(1, tags, [5], [0, 2], [10, 9], [0, 0], [0, 0], [0, 0])).Message, StringComparison.Ordinal);
        Assert.Contains("outside the day", Assert.Throws<ArgumentException>(() =>
            new DayGrid(1, tags, [5], [0, 1], [(int)GridCells.DayMs], [0], [0], [0])).Message, StringComparison.Ordinal);
        Assert.Contains("outside its cell", Assert.Throws<ArgumentException>(() =>
            new DayGrid(1, tags, [5], [0, 1], [0], [GridCells.LatitudeE7], [0], [0])).Message, StringComparison.Ordinal);
        Assert.Contains("tag ordinal 1 of 1", Assert.Throws<ArgumentException>(() =>
            new DayGrid(1, tags, [5], [0, 1], [0], [0], [0], [1])).Message, StringComparison.Ordinal);
        Assert.Contains("do not span", Assert.Throws<ArgumentException>(() =>
            new DayGrid(1, tags, [5], [0, 2], [0], [0], [0], [0])).Message, StringComparison.Ordinal);
        Assert.Contains("differ", Assert.Throws<ArgumentException>(() =>
            new DayGrid(1, tags, [5], [0, 1], [0], [0, 0], [0], [0])).Message, StringComparison.Ordinal);
    }
}
