using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation;
using Tagwatch.Correlation.Strict;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Tests;

public sealed class StrictMatcherTests
{
    private static readonly Instant Received = Instant.FromUtc(2019, 3, 1, 0, 0);

    /// <summary>A random walk of fixes somewhere in Great Britain, a minute or so apart.</summary>
    internal static Gen<TagTrail> TrailGen(int index) =>
        from lat in Gen.Choose(50_000_000, 58_000_000)
        from lon in Gen.Choose(-5_000_000, 1_500_000)
        from steps in Gen.ListOf(from north in Gen.Choose(-300, 300) from east in Gen.Choose(-300, 300) from seconds in Gen.Choose(1, 240) select (north, east, seconds))
        select Walk(index, lat / 1e6, lon / 1e6, steps);

    private static TagTrail Walk(int index, double lat, double lon, IEnumerable<(int North, int East, int Seconds)> steps)
    {
        var fixes = new List<Fix>();
        long t = 1_550_448_000_000;
        foreach (var (north, east, seconds) in steps)
        {
            lat += north * 1e-5;
            lon += east * 1e-5;
            t += seconds * 1000L;
            fixes.Add(Fix.Create(Instant.FromUnixTimeMilliseconds(t), Received, new GeoPoint(lat, lon), 8));
        }

        return new TagTrail(TagId.Parse($"T{index}"), fixes);
    }

    /// <summary>Crimes placed near fixes of the trails, with windows starting or ending exactly on fix times,
    /// and a radius that is sometimes exactly a fix's distance (on the boundary).</summary>
    private static Gen<(List<CrimeSite> Crimes, double Radius)> CrimesGen(IReadOnlyList<TagTrail> trails) =>
        from radius in Gen.Choose(0, 3000)
        from picks in Gen.ListOf(from pick in Gen.Choose(0, 10_000) from north in Gen.Choose(-2000, 2000) from east in Gen.Choose(-2000, 2000) from span in Gen.Choose(0, 120) select (pick, north, east, span))
        from onBoundary in Gen.Elements(true, false)
        select Place(trails, radius, picks, onBoundary);

    private static (List<CrimeSite>, double) Place(IReadOnlyList<TagTrail> trails, double radius, IEnumerable<(int Pick, int North, int East, int Span)> picks, bool onBoundary)
    {
        var crimes = new List<CrimeSite>();
        var nonEmpty = trails.Where(t => t.Count > 0).ToList();
        int n = 0;
        foreach (var (pick, north, east, span) in picks)
        {
            if (nonEmpty.Count == 0)
            {
                break;
            }

            var trail = nonEmpty[pick % nonEmpty.Count];
            int i = pick % trail.Count, j = Math.Min(trail.Count - 1, i + span % 5);
            double lat = trail.Latitudes[i] + north * 1e-5, lon = trail.Longitudes[i] + east * 1e-5;
            crimes.Add(new CrimeSite($"C{n++:0000}", lat, lon, trail.Times[i], trail.Times[j]));
            if (onBoundary && n == 1)
            {
                radius = Geodesic.DistanceMetres(lat, lon, trail.Latitudes[j], trail.Longitudes[j]);
            }
        }

        return (crimes, radius);
    }

    internal static List<StrictMatch> BruteForce(IReadOnlyList<CrimeSite> crimes, IReadOnlyList<TagTrail> trails, double radius, long padMs)
    {
        var results = new List<StrictMatch>();
        foreach (var crime in crimes)
        {
            foreach (var trail in trails)
            {
                int count = 0;
                double best = double.MaxValue;
                for (int i = 0; i < trail.Count; i++)
                {
                    if (trail.Times[i] < crime.FromUnixMs - padMs || trail.Times[i] > crime.ToUnixMs + padMs)
                    {
                        continue;
                    }

                    double d = Geodesic.DistanceMetres(crime.Latitude, crime.Longitude, trail.Latitudes[i], trail.Longitudes[i]);
                    if (d <= radius)
                    {
                        count++;
                        best = Math.Min(best, d);
                    }
                }

                if (count > 0)
                {
                    results.Add(new StrictMatch(crime.Reference, trail.Tag, count, best));
                }
            }
        }

        return results.OrderBy(m => m.CrimeReference, StringComparer.Ordinal).ThenBy(m => m.Tag.Value, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Match_RandomTrailsAndCrimesAcrossBritain_EqualsBruteForceExactly()
    {
        var gen = from t0 in TrailGen(0)
                  from t1 in TrailGen(1)
                  from t2 in TrailGen(2)
                  from t3 in TrailGen(3)
                  let trails = new[] { t0, t1, t2, t3 }
                  from placed in CrimesGen(trails)
                  from pad in Gen.Choose(0, 900)
                  select (Trails: trails, placed.Crimes, placed.Radius, PadMs: pad * 1000L);
        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var expected = BruteForce(sample.Crimes, sample.Trails, sample.Radius, sample.PadMs);
            var actual = StrictMatcher.Match(sample.Crimes, sample.Trails, new StrictParameters(sample.Radius, Duration.FromMilliseconds(sample.PadMs)));
            return expected.SequenceEqual(actual);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Match_FixExactlyOnTheRadius_Counts()
    {
        var trail = Walk(1, 51.46, -0.11, [(0, 0, 60), (10, 0, 60), (20, 0, 60)]);
        double radius = Geodesic.DistanceMetres(51.46, -0.11, trail.Latitudes[2], trail.Longitudes[2]);
        var crime = new CrimeSite("C1", 51.46, -0.11, trail.Times[0], trail.Times[2]);

        var match = Assert.Single(StrictMatcher.Match([crime], [trail], new StrictParameters(radius, Duration.Zero)));

        Assert.Equal(3, match.FixCount);
        Assert.DoesNotContain(StrictMatcher.Match([crime], [trail], new StrictParameters(radius - 1e-6, Duration.Zero)), m => m.FixCount == 3);
    }

    [Fact]
    public void Match_WindowEdgesAndPad_AreInclusive()
    {
        var trail = Walk(1, 51.46, -0.11, [(0, 0, 60), (0, 0, 60), (0, 0, 60), (0, 0, 60)]);
        var crime = new CrimeSite("C1", trail.Latitudes[0], trail.Longitudes[0], trail.Times[1], trail.Times[2]);

        Assert.Equal(2, Assert.Single(StrictMatcher.Match([crime], [trail], new StrictParameters(1, Duration.Zero))).FixCount);
        Assert.Equal(4, Assert.Single(StrictMatcher.Match([crime], [trail], new StrictParameters(1, Duration.FromMinutes(1)))).FixCount);
        Assert.Equal(2, Assert.Single(StrictMatcher.Match([crime], [trail], new StrictParameters(1, Duration.FromMilliseconds(59_999)))).FixCount);
    }

    [Fact]
    public void Parameters_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StrictMatcher.Match([], [], new StrictParameters(-1, Duration.Zero)));
        Assert.Throws<ArgumentOutOfRangeException>(() => StrictMatcher.Match([], [], new StrictParameters(double.NaN, Duration.Zero)));
        Assert.Throws<ArgumentOutOfRangeException>(() => StrictMatcher.Match([], [], new StrictParameters(10, Duration.FromMinutes(-1))));
    }
}
