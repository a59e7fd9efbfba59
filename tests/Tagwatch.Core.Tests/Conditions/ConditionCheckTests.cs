using NodaTime;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Core.Tests.Conditions;

public sealed class ConditionCheckTests
{
    private static readonly Offender Person = new()
    {
        Id = OffenderId.New(),
        Reference = OffenderReference.Parse("TW-00001"),
        IndexOffences = [IndexOffence.Robbery],
        RiskTier = RiskTier.High,
        HomeBoroughCode = "E09000022",
        HomeAddress = new GeoPoint(51.46, -0.11),
        LicenceStart = new LocalDate(2019, 3, 1),
        LicenceEnd = new LocalDate(2020, 3, 1),
        MonitoringStart = new LocalDate(2019, 3, 1),
        MonitoringEnd = new LocalDate(2020, 2, 29),
        Status = OffenderStatus.Enrolled,
    };

    private static readonly LicenceCondition Zone = new(
        0, Person.Id, ConditionKind.Exclusion, ZoneArea.Circle(new GeoPoint(51.47, -0.10), 200), Schedule.Always, Duration.Zero, new DecisionRules(), "victim's street");

    private static readonly LicenceCondition Curfew = Zone with { Kind = ConditionKind.Curfew, Schedule = Schedule.Parse("daily 21:00-07:00"), Grace = Duration.FromMinutes(10), Label = "home" };

    [Fact]
    public void Of_AZoneAndACurfewWithinTheRules_HaveNoProblem()
    {
        Assert.Null(ConditionCheck.Of(Zone, 50, Person));
        Assert.Null(ConditionCheck.Of(Curfew with { AppliesFrom = Instant.FromUtc(2019, 3, 1, 0, 0) }, 0, Person));
    }

    [Fact]
    public void Of_ACurfewWithoutHours_NamesTheSchedule()
    {
        Assert.Equal("schedule", ConditionCheck.Of(Curfew with { Schedule = Schedule.Always })?.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(721)]
    public void Of_AGraceOutsideNoughtToTwelveHours_NamesTheGraceMinutes(int minutes)
    {
        Assert.Equal("grace_minutes", ConditionCheck.Of(Curfew with { Grace = Duration.FromMinutes(minutes) })?.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a label that is far too long for anyone to read on a list of conditions, more than a hundred characters")]
    public void Of_AMissingOrLongLabel_NamesTheLabel(string label)
    {
        Assert.Equal("label", ConditionCheck.Of(Zone with { Label = label })?.Field);
    }

    [Fact]
    public void Of_DecisionRulesOutOfRange_NamesTheRules()
    {
        var problem = ConditionCheck.Of(Zone with { Rules = new DecisionRules { MinViolatingFixes = 0 } });

        Assert.Equal(new ConditionProblem("rules", "min violating fixes must be at least 1"), problem);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    [InlineData(double.NaN)]
    public void Of_ABufferOutOfRange_NamesTheBuffer(double buffer)
    {
        Assert.Equal("buffer_metres", ConditionCheck.Of(Zone, buffer, Person)?.Field);
    }

    [Fact]
    public void Of_AStartBeforeMonitoringBegan_NamesFromAndTheDate()
    {
        var problem = ConditionCheck.Of(Zone with { AppliesFrom = Instant.FromUtc(2019, 2, 28, 23, 59) }, 0, Person);

        Assert.Equal(new ConditionProblem("from", "a condition cannot start before the person's monitoring started (2019-03-01)"), problem);
    }

    [Fact]
    public void Problem_OfALicenceCondition_IsTheCheck_sMessage()
    {
        Assert.Equal(ConditionCheck.Of(Curfew with { Schedule = Schedule.Always })?.Message, (Curfew with { Schedule = Schedule.Always }).Problem());
    }
}
