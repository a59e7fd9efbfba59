using NodaTime;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Correlation.Scored;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Tests;

public sealed class ScoredMatcherTests
{
    private static readonly Instant T0 = Instant.FromUtc(2019, 2, 20, 12, 0);
    private static readonly ScoringParameters Defaults = new();
    private const double Lat = 51.4613, Lon = -0.1156;

    // Metres to degrees near the test point (good to a fraction of a percent over a few hundred metres).
    private static double North(double metres) => metres / 111_250;

    private static double East(double metres) => metres / 69_380;

    private static Fix At(int minute, double northMetres, double eastMetres, double accuracy = 5, FixSource source = FixSource.Gps, int second = 0) =>
        Fix.Create(T0.Plus(Duration.FromMinutes(minute) + Duration.FromSeconds(second)), T0, new GeoPoint(Lat + North(northMetres), Lon + East(eastMetres)), accuracy, source: source);

    private static TagTrail Trail(params Fix[] fixes) => new(TagId.Parse("T1"), fixes);

    private static CrimeSite Crime(int fromMinute, int toMinute, CrimeCategory category = CrimeCategory.Robbery, double precision = 0) =>
        new("C1", Lat, Lon, T0.Plus(Duration.FromMinutes(fromMinute)).ToUnixTimeMilliseconds(), T0.Plus(Duration.FromMinutes(toMinute)).ToUnixTimeMilliseconds(), precision, category);

    private static ScoredMatch? Evaluate(CrimeSite crime, TagTrail trail, OffenderContext? offender = null, ScoringParameters? parameters = null) =>
        ScoredMatcher.Evaluate(crime, trail, offender, HabitualPlaces.None, parameters ?? Defaults);

    [Fact]
    public void Evaluate_PassBetweenTwoFixesThatAreBothFarAway_IsCaughtAtItsClosestApproach()
    {
        // Walking west to east 20 m north of the crime: fixes 300 m either side, one minute apart.
        var trail = Trail(At(0, 20, -300), At(1, 20, 300));

        var match = Evaluate(Crime(0, 1), trail);

        Assert.NotNull(match);
        Assert.InRange(match.MinDistanceMetres, 19, 21);
        var closest = Assert.Single(match.Evidence, e => e.Interpolated);
        Assert.InRange(closest.TimeUnixMs - T0.ToUnixTimeMilliseconds(), 29_000, 31_000);
        Assert.True(match.DwellSeconds > 0);
    }

    [Fact]
    public void Evaluate_FastLegWhoseEndsAreFarAway_IsStillCaught()
    {
        // A train at 100 km/h: fixes 4 km either side of the crime, five minutes apart, across a half-hour boundary
        // (so no single time bucket holds both ends).
        var trail = Trail(At(27, 30, -4000), At(32, 30, 4000));

        var match = Evaluate(Crime(27, 32), trail);

        Assert.NotNull(match);
        Assert.InRange(match.MinDistanceMetres, 29, 31);
    }

    [Fact]
    public void Evaluate_LongWindow_KeepsVicinityEvidenceAndGapsOutsideTheHalfHoursOfThePass()
    {
        // Six hours: 5 km away for the first hour, 270 m east (vicinity, not a match) for the second, silent for half
        // an hour, 5 km away again, then a pass 20 m north across the 15:00 half-hour boundary. Only some half-hours
        // come near the site; what the others hold must still be reported as before.
        var fixes = new List<Fix>();
        fixes.AddRange(Enumerable.Range(0, 60).Select(m => At(m, 5000, 0)));
        fixes.AddRange(Enumerable.Range(60, 30).Select(m => At(m, 0, 270)));
        fixes.AddRange(Enumerable.Range(120, 59).Select(m => At(m, 5000, 0)));
        fixes.Add(At(179, 20, -300, second: 30));
        fixes.Add(At(180, 20, 300, second: 30));
        fixes.AddRange(Enumerable.Range(182, 178).Select(m => At(m, -5000, 0)));

        var match = Evaluate(Crime(0, 360), Trail([.. fixes]));

        Assert.NotNull(match);
        Assert.InRange(match.MinDistanceMetres, 19, 21);
        long t0 = T0.ToUnixTimeMilliseconds();
        var vicinity = match.Evidence.Where(e => !e.Interpolated && e.MarginMetres > 0).ToList();
        Assert.Equal(30, vicinity.Count);
        Assert.All(vicinity, e => Assert.InRange(e.DistanceMetres, 265, 275));
        Assert.Equal(Enumerable.Range(60, 30).Select(m => t0 + m * 60_000L), vicinity.Select(e => e.TimeUnixMs));
        var silence = Assert.Single(match.Gaps, g => g.FromUnixMs == t0 + 89 * 60_000L);
        Assert.Equal(t0 + 120 * 60_000L, silence.ToUnixMs);
    }

    [Fact]
    public void Evaluate_FixesTooFarApartToInterpolate_AreAGapNotAPass()
    {
        var trail = Trail(At(0, 20, -300), At(10, 20, 300));

        var match = Evaluate(Crime(0, 10), trail);

        Assert.Null(match);
    }

    [Fact]
    public void Evaluate_AccuracyCircleTouchingTheBuffer_Matches_AndTheMarginSaysByHowMuch()
    {
        var trail = Trail(At(0, 130, 0, accuracy: 40), At(10, 130, 0, accuracy: 40));

        var match = Evaluate(Crime(0, 5), trail);

        Assert.NotNull(match);
        Assert.InRange(match.MarginMetres, -11, -9); // 130 m away, reach 100 + 40
        Assert.Null(Evaluate(Crime(0, 5), Trail(At(0, 130, 0, accuracy: 20), At(10, 130, 0, accuracy: 20))));
    }

    [Fact]
    public void Evaluate_CrimeLocationPrecision_WidensTheTest()
    {
        var trail = Trail(At(0, 110, 0), At(20, 110, 0));

        Assert.Null(Evaluate(Crime(0, 5), trail));
        Assert.NotNull(Evaluate(Crime(0, 5, precision: 10), trail));
    }

    [Fact]
    public void Evaluate_CellTowerAndInaccurateFixes_AreNotEvidence()
    {
        var trail = Trail(At(0, 0, 0, accuracy: 500, source: FixSource.Lbs), At(1, 0, 0, accuracy: 150));

        Assert.Null(Evaluate(Crime(0, 1), trail));
    }

    [Fact]
    public void Evaluate_SilenceDuringTheWindow_IsReportedWithReachability()
    {
        // Seen 50 m away at minute 0 and minute 30, nothing between: the site was reachable in the gap.
        var trail = Trail(At(-20, 50, 0), At(-15, 50, 0), At(-10, 50, 0), At(20, 50, 0), At(25, 50, 0), At(30, 50, 0));

        var match = Evaluate(Crime(0, 10), trail);

        Assert.NotNull(match);
        var gap = Assert.Single(match.Gaps);
        Assert.Equal(T0.Plus(Duration.FromMinutes(-10)).ToUnixTimeMilliseconds(), gap.FromUnixMs);
        Assert.Equal(T0.Plus(Duration.FromMinutes(20)).ToUnixTimeMilliseconds(), gap.ToUnixMs);
        Assert.True(gap.SiteReachable);
        Assert.Equal(1800, match.GapSeconds);
    }

    [Fact]
    public void Evaluate_GapFarAway_IsUnreachable()
    {
        var trail = Trail(At(-6, 20_000, 0), At(0, 0, 0), At(1, 0, 0), At(7, 20_000, 0));

        var match = Evaluate(Crime(3, 4), trail, parameters: Defaults with { MaxInterpolationGap = Duration.FromMinutes(2) });

        Assert.NotNull(match);
        Assert.All(match.Gaps.Where(g => g.SiteReachable is not null), g => Assert.False(g.SiteReachable));
    }

    [Fact]
    public void Evaluate_StandingAtTheSiteThroughTheWindow_ScoresHighAndSignificant()
    {
        var trail = Trail(Enumerable.Range(0, 20).Select(m => At(m, 3, 2)).ToArray());

        var match = Evaluate(Crime(0, 19), trail);

        Assert.NotNull(match);
        Assert.True(match.Significant);
        Assert.True(match.Score > 0.9, $"score {match.Score}");
        Assert.Equal(1, match.Factors.Dwell);
        Assert.Equal(1, match.Factors.WindowOverlap, 3);
    }

    [Fact]
    public void Evaluate_UnrelatedCategoryAndHome_DiscountTheScoreAndSayWhy()
    {
        var trail = Trail(Enumerable.Range(0, 20).Select(m => At(m, 3, 2)).ToArray());
        var offender = new OffenderContext("TW-00001", [IndexOffence.AggravatedBurglary], new GeoPoint(Lat + North(50), Lon));

        var related = Evaluate(Crime(5, 15, CrimeCategory.BurglaryDwelling), trail)!;
        var unrelatedAtHome = Evaluate(Crime(5, 15, CrimeCategory.TheftFromMotorVehicle), trail, offender)!;

        Assert.Equal("home", unrelatedAtHome.HabitualPlace);
        Assert.Equal(Defaults.UnrelatedCategoryFactor, unrelatedAtHome.Factors.CategoryRelevance);
        Assert.Equal(Defaults.HabitualDiscount, unrelatedAtHome.Factors.HabitualPlace);
        Assert.Equal(related.Score * Defaults.UnrelatedCategoryFactor * Defaults.HabitualDiscount, unrelatedAtHome.Score, 9);
    }

    [Fact]
    public void Evaluate_SameInputTwice_GivesIdenticalResults()
    {
        var trail = Trail(Enumerable.Range(0, 60).Select(m => At(m, m * 7 - 200, m * 3)).ToArray());

        var a = Evaluate(Crime(10, 40), trail)!;
        var b = Evaluate(Crime(10, 40), trail)!;

        Assert.Equal(a with { Evidence = [], Gaps = [] }, b with { Evidence = [], Gaps = [] });
        Assert.Equal(a.Evidence, b.Evidence);
    }

    [Fact]
    public void Evaluate_OnlyInThePad_ScoresLowerThanInTheWindow()
    {
        var trail = Trail(Enumerable.Range(0, 3).Select(m => At(m, 3, 2)).ToArray());

        var inPad = Evaluate(Crime(8, 20), trail)!;
        var inWindow = Evaluate(Crime(0, 2), trail)!;

        Assert.True(inPad.Factors.WindowOverlap < inWindow.Factors.WindowOverlap);
        Assert.True(inPad.Score < inWindow.Score);
    }

    [Fact]
    public void Parameters_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (Defaults with { BufferMetres = -1 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (Defaults with { SignificanceThreshold = 2 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (Defaults with { MaxInterpolationGap = Duration.FromMinutes(31) }).Validate());
    }
}
