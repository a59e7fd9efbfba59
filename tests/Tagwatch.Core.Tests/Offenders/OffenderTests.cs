using NodaTime;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Core.Tests.Offenders;

public sealed class OffenderTests
{
    private static readonly Offender Enrolled = new()
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

    [Theory]
    [InlineData(2019, 2, 28, OffenderStatus.Enrolled)]
    [InlineData(2019, 3, 1, OffenderStatus.Active)]
    [InlineData(2020, 2, 29, OffenderStatus.Active)]
    [InlineData(2020, 3, 1, OffenderStatus.Ended)]
    public void StatusOn_MovesWithTheCalendar(int year, int month, int day, OffenderStatus expected)
    {
        Assert.Equal(expected, Enrolled.StatusOn(new LocalDate(year, month, day)));
        Assert.Equal(expected == OffenderStatus.Active, Enrolled.IsMonitoredOn(new LocalDate(year, month, day)));
    }

    [Fact]
    public void StatusOn_EndedEarly_StaysEnded()
    {
        Assert.Equal(OffenderStatus.Ended, (Enrolled with { Status = OffenderStatus.Ended }).StatusOn(new LocalDate(2019, 6, 1)));
    }
}
