using NodaTime;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;

namespace Tagwatch.Core.Tests.Conditions;

public sealed class BreachDetectorTests
{
    private static readonly GeoPoint Centre = new(51.4613, -0.1156);
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 2, 12, 0); // a Monday, GMT

    [Fact]
    public void Exclusion_WalkIntoTheZone_StartsAtTheFirstViolatingFixAndEndsAfterClearingFixes()
    {
        var zone = Condition(ConditionKind.Exclusion, ZoneArea.Circle(Centre, 200));
        // Approach from 500 m, 100 m inside for 5 minutes, then leave.
        var fixes = Walk([500, 400, 300, 100, 100, 100, 100, 100, 300, 400, 500], accuracy: 10);

        var breach = Assert.Single(BreachDetector.Evaluate(zone, fixes, T0, T0 + Duration.FromHours(1)));

        Assert.Equal(T0 + Duration.FromMinutes(3), breach.Start);
        Assert.Equal(T0 + Duration.FromMinutes(8), breach.End);
        Assert.Equal("violating_fixes", breach.Reason);
        Assert.Equal("compliant_fixes", breach.EndReason);
        Assert.InRange(breach.WorstMetres, 99, 101);
        Assert.Equal(5, breach.Evidence.Count);
    }

    [Fact]
    public void Exclusion_DriftAtTheBoundary_RaisesNothing()
    {
        var zone = Condition(ConditionKind.Exclusion, ZoneArea.Circle(Centre, 200));
        // Standing on the boundary for an hour: positions wander ±15 m, each with a 20 m confidence circle.
        var random = new Random(7);
        var fixes = Walk([.. Enumerable.Range(0, 60).Select(_ => 200 + ((random.NextDouble() * 30) - 15))], accuracy: 20);

        Assert.Empty(BreachDetector.Evaluate(zone, fixes, T0, T0 + Duration.FromHours(2)));
    }

    [Fact]
    public void Exclusion_OneStrayFixInside_IsNotABreach()
    {
        var zone = Condition(ConditionKind.Exclusion, ZoneArea.Circle(Centre, 200));

        Assert.Empty(BreachDetector.Evaluate(zone, Walk([500, 450, 50, 450, 500], accuracy: 10), T0, T0 + Duration.FromHours(1)));
    }

    [Fact]
    public void Exclusion_LowAccuracyFixesInside_AreNotEvidence()
    {
        var zone = Condition(ConditionKind.Exclusion, ZoneArea.Circle(Centre, 200));

        Assert.Empty(BreachDetector.Evaluate(zone, Walk([100, 100, 100, 100], accuracy: 150), T0, T0 + Duration.FromHours(1)));
    }

    [Fact]
    public void Exclusion_FlaggedFixes_AreIgnored()
    {
        var zone = Condition(ConditionKind.Exclusion, ZoneArea.Circle(Centre, 200));
        var fixes = Walk([100, 100, 100], accuracy: 10).Select(f => f.WithFlags(FixFlags.Invalid)).ToList();

        Assert.Empty(BreachDetector.Evaluate(zone, fixes, T0, T0 + Duration.FromHours(1)));
    }

    [Fact]
    public void Exclusion_StillInsideAtThePresent_IsAnOpenBreach()
    {
        var zone = Condition(ConditionKind.Exclusion, ZoneArea.Circle(Centre, 200));

        var breach = Assert.Single(BreachDetector.Evaluate(zone, Walk([100, 100, 100], accuracy: 10), T0, T0 + Duration.FromMinutes(3)));

        Assert.Null(breach.End);
        Assert.Null(breach.EndReason);
    }

    [Fact]
    public void Inclusion_LeavingTheArea_IsABreach()
    {
        var zone = Condition(ConditionKind.Inclusion, ZoneArea.Circle(Centre, 1_000));

        var breach = Assert.Single(BreachDetector.Evaluate(zone, Walk([100, 500, 1500, 1600, 1700, 500, 400], accuracy: 10), T0, T0 + Duration.FromHours(1)));

        Assert.Equal(T0 + Duration.FromMinutes(2), breach.Start);
        Assert.Equal(T0 + Duration.FromMinutes(5), breach.End);
    }

    [Fact]
    public void ScheduledExclusion_OutsideItsHours_IsNotABreachAndABreachEndsWithItsWindow()
    {
        // Mondays 12:00-12:05 only.
        var zone = Condition(ConditionKind.Exclusion, ZoneArea.Circle(Centre, 200), "Mon 12:00-12:05");

        var breach = Assert.Single(BreachDetector.Evaluate(zone, Walk([.. Enumerable.Repeat(100.0, 20)], accuracy: 10), T0, T0 + Duration.FromHours(1)));

        Assert.Equal(T0, breach.Start);
        Assert.Equal(T0 + Duration.FromMinutes(5), breach.End);
        Assert.Equal("schedule_ended", breach.EndReason);
    }

    [Fact]
    public void Curfew_HomeBeforeTheStart_IsCompliant()
    {
        var curfew = Curfew();
        var fixes = Night(start: -10, minutes: 30, metresFromHome: _ => 10);

        Assert.Empty(BreachDetector.Evaluate(curfew, fixes, CurfewStart - Duration.FromHours(1), CurfewStart + Duration.FromHours(1)));
    }

    [Fact]
    public void Curfew_HomeWithinTheGracePeriod_IsCompliant()
    {
        var fixes = Night(start: -10, minutes: 40, metresFromHome: m => m < 8 ? 800 : 10);

        Assert.Empty(BreachDetector.Evaluate(Curfew(), fixes, CurfewStart - Duration.FromHours(1), CurfewStart + Duration.FromHours(1)));
    }

    [Fact]
    public void Curfew_HomeLate_IsABreachFromTheEndOfGraceUntilHome()
    {
        var fixes = Night(start: -10, minutes: 60, metresFromHome: m => m < 30 ? 800 : 10);

        var breach = Assert.Single(BreachDetector.Evaluate(Curfew(), fixes, CurfewStart - Duration.FromHours(1), CurfewStart + Duration.FromHours(2)));

        Assert.Equal(CurfewStart + Duration.FromMinutes(10), breach.Start);
        Assert.Equal(CurfewStart + Duration.FromMinutes(30), breach.End);
        Assert.Equal("not_home_at_curfew_start", breach.Reason);
    }

    [Fact]
    public void Curfew_NoFixesAtAll_IsNoBreachForABreachRestsOnFixes()
    {
        // A silent tag is raised by device health (no fix, no contact), not as a breach with nothing to show.
        Assert.Empty(BreachDetector.Evaluate(Curfew(), [], CurfewStart - Duration.FromHours(1), CurfewStart + Duration.FromHours(1)));
    }

    [Fact]
    public void Curfew_HomeSecondsBeforeAGraceZeroStart_IsCompliant()
    {
        var curfew = Curfew() with { Grace = Duration.Zero };
        var home = Fix.Create(CurfewStart - Duration.FromSeconds(6), CurfewStart, ZoneAreaTests.Offset(Centre, 5, 90), 10);

        Assert.Empty(BreachDetector.Evaluate(curfew, [home], CurfewStart - Duration.FromHours(1), CurfewStart + Duration.FromMinutes(2)));
    }

    [Fact]
    public void Curfew_AwayJustBeforeTheStart_IsABreachAtTheStartNamingTheAwayFixes()
    {
        var curfew = Curfew() with { Grace = Duration.Zero };
        // Home at -20 min, then away from -5 min: the run of away fixes up to the start is the evidence.
        List<Fix> fixes = [Fix.Create(CurfewStart - Duration.FromMinutes(20), CurfewStart, Centre, 10), .. Night(start: -5, minutes: 5, metresFromHome: _ => 800)];

        var breach = Assert.Single(BreachDetector.Evaluate(curfew, fixes, CurfewStart - Duration.FromHours(1), CurfewStart + Duration.FromMinutes(2)));

        Assert.Equal(("not_home_at_curfew_start", CurfewStart), (breach.Reason, breach.Start));
        Assert.Equal([.. Enumerable.Range(-5, 5).Select(m => CurfewStart + Duration.FromMinutes(m))], breach.Evidence.Select(e => e.Time));
        Assert.InRange(breach.WorstMetres, 740, 760);
    }

    [Fact]
    public void Curfew_AwayOnlyBeforeTheLookback_IsNoBreachAtTheStart()
    {
        var curfew = Curfew() with { Grace = Duration.Zero };
        var away = Fix.Create(CurfewStart - Duration.FromMinutes(16), CurfewStart, ZoneAreaTests.Offset(Centre, 800, 90), 10);

        Assert.Empty(BreachDetector.Evaluate(curfew, [away], CurfewStart - Duration.FromHours(1), CurfewStart + Duration.FromMinutes(2)));
    }

    [Fact]
    public void Curfew_AddedDuringItsHours_IsNotBreachedBeforeItApplied()
    {
        // Added at 04:13 while the night's curfew (from 21:00) runs; the wearer was out all evening and is home after.
        var added = CurfewStart + Duration.FromMinutes((7 * 60) + 13);
        var curfew = Curfew() with { AppliesFrom = added };
        List<Fix> fixes = [.. Night(start: -10, minutes: 7 * 60, metresFromHome: _ => 800), .. Night(start: (7 * 60) + 13, minutes: 5, metresFromHome: _ => 0)];

        Assert.Empty(BreachDetector.Evaluate(curfew, fixes, added - Duration.FromMinutes(30), added + Duration.FromMinutes(5)));
    }

    [Fact]
    public void Curfew_AddedDuringItsHours_IsBreachedByAwayFixesAfterItApplied()
    {
        var added = CurfewStart + Duration.FromMinutes((7 * 60) + 13);
        var curfew = Curfew() with { AppliesFrom = added };
        var fixes = Night(start: (7 * 60) + 10, minutes: 10, metresFromHome: _ => 800);

        var breach = Assert.Single(BreachDetector.Evaluate(curfew, fixes, added - Duration.FromMinutes(30), added + Duration.FromMinutes(10)));

        Assert.Equal(("violating_fixes", added), (breach.Reason, breach.Start));
    }

    [Fact]
    public void Exclusion_FixesBeforeTheConditionApplied_AreNotEvidence()
    {
        var zone = Condition(ConditionKind.Exclusion, ZoneArea.Circle(Centre, 200)) with { AppliesFrom = T0 + Duration.FromMinutes(5) };

        Assert.Empty(BreachDetector.Evaluate(zone, Walk([100, 100, 100, 100, 100, 500, 500], accuracy: 10), T0, T0 + Duration.FromHours(1)));
    }

    [Fact]
    public void Curfew_StartCheckNotYetDue_RaisesNothing()
    {
        Assert.Empty(BreachDetector.Evaluate(Curfew(), [], CurfewStart - Duration.FromHours(1), CurfewStart + Duration.FromMinutes(5)));
    }

    [Fact]
    public void LateFixes_FillingAGap_ChangeTheAnswer()
    {
        var zone = Condition(ConditionKind.Exclusion, ZoneArea.Circle(Centre, 200));
        var onTime = Walk([500, 500, 500, 500, 500, 500], accuracy: 10);
        var late = Walk([500, 100, 100, 100, 500, 500], accuracy: 10);

        Assert.Empty(BreachDetector.Evaluate(zone, [onTime[0], onTime[5]], T0, T0 + Duration.FromHours(1)));
        Assert.Single(BreachDetector.Evaluate(zone, late, T0, T0 + Duration.FromHours(1)));
    }

    private static readonly Instant CurfewStart = Instant.FromUtc(2026, 11, 2, 21, 0); // 21:00 GMT = London

    private static LicenceCondition Curfew() =>
        new(2, OffenderId.New(), ConditionKind.Curfew, ZoneArea.Circle(Centre, 50), Schedule.Parse("daily 21:00-07:00"), Duration.FromMinutes(10), new DecisionRules(), "curfew");

    private static LicenceCondition Condition(ConditionKind kind, ZoneArea area, string schedule = "always") =>
        new(1, OffenderId.New(), kind, area, Schedule.Parse(schedule), Duration.Zero, new DecisionRules(), "zone");

    // One fix a minute from T0, each at the given distance north of the centre.
    private static List<Fix> Walk(IEnumerable<double> metresNorth, double accuracy) =>
        [.. metresNorth.Select((m, i) => Fix.Create(T0 + Duration.FromMinutes(i), T0 + Duration.FromMinutes(i), ZoneAreaTests.Offset(Centre, m, 0), accuracy))];

    private static List<Fix> Night(int start, int minutes, Func<int, double> metresFromHome) =>
        [.. Enumerable.Range(start, minutes).Select(m => Fix.Create(CurfewStart + Duration.FromMinutes(m), CurfewStart + Duration.FromMinutes(m), ZoneAreaTests.Offset(Centre, metresFromHome(m), 90), 10))];
}
