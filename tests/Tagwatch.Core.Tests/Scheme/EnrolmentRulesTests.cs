using NodaTime;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Core.Tests.Scheme;

public sealed class EnrolmentRulesTests
{
    private static readonly SchemeSettings Pilot = SchemeSettings.LondonPilot;

    private static EnrolmentRequest Eligible() => new()
    {
        Person = new PersonalDetails("Sam", "Example", new LocalDate(1998, 5, 1)),
        IndexOffences = [IndexOffence.Robbery],
        CustodialSentenceServed = true,
        GpsLicenceCondition = true,
        LicenceStart = new LocalDate(2019, 3, 1),
        LicenceEnd = new LocalDate(2020, 9, 1),
        ReleaseAddress = new GeoPoint(51.4613, -0.1156), // Brixton, Lambeth
        RiskTier = RiskTier.High,
    };

    [Fact]
    public void Evaluate_EligiblePerson_IsAcceptedWithMonitoringCappedAtOneYear()
    {
        var decision = EnrolmentRules.Evaluate(Pilot, Eligible(), 10, BoroughMap.London);

        Assert.True(decision.IsAccepted);
        Assert.Equal("Lambeth", decision.HomeBorough?.Name);
        Assert.Equal(new LocalDate(2019, 3, 1), decision.MonitoringStart);
        Assert.Equal(new LocalDate(2020, 2, 29), decision.MonitoringEnd);
    }

    [Fact]
    public void Evaluate_ShortLicence_MonitorsToTheLicenceEnd()
    {
        var decision = EnrolmentRules.Evaluate(Pilot, Eligible() with { LicenceEnd = new LocalDate(2019, 6, 30) }, 0, BoroughMap.London);

        Assert.Equal(new LocalDate(2019, 6, 30), decision.MonitoringEnd);
    }

    [Fact]
    public void Evaluate_SeventeenYearOld_IsRefusedAsNotAdult()
    {
        var request = Eligible() with { Person = new PersonalDetails("Sam", "Example", new LocalDate(2001, 3, 2)) };

        var decision = EnrolmentRules.Evaluate(Pilot, request, 0, BoroughMap.London);

        Assert.Equal([EnrolmentRule.Adult], decision.Refusals.Select(r => r.Rule));
    }

    [Fact]
    public void Evaluate_EighteenthBirthdayOnRelease_IsAdult()
    {
        var request = Eligible() with { Person = new PersonalDetails("Sam", "Example", new LocalDate(2001, 3, 1)) };

        Assert.True(EnrolmentRules.Evaluate(Pilot, request, 0, BoroughMap.London).IsAccepted);
    }

    [Fact]
    public void Evaluate_AtCapacity_IsRefusedNamingThePlaces()
    {
        var decision = EnrolmentRules.Evaluate(Pilot, Eligible(), 100, BoroughMap.London);

        var refusal = Assert.Single(decision.Refusals);
        Assert.Equal(EnrolmentRule.Capacity, refusal.Rule);
        Assert.Contains("100 of 100", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CapacityRaised_AcceptsThe101st()
    {
        Assert.True(EnrolmentRules.Evaluate(Pilot with { Capacity = 120 }, Eligible(), 100, BoroughMap.London).IsAccepted);
    }

    [Fact]
    public void Evaluate_AddressInWestminster_IsRefusedNamingTheBorough()
    {
        var decision = EnrolmentRules.Evaluate(Pilot, Eligible() with { ReleaseAddress = new GeoPoint(51.5007, -0.1246) }, 0, BoroughMap.London);

        var refusal = Assert.Single(decision.Refusals);
        Assert.Equal(EnrolmentRule.SchemeBorough, refusal.Rule);
        Assert.Contains("Westminster", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EverythingWrong_ListsEveryRule()
    {
        var request = Eligible() with
        {
            Person = new PersonalDetails("A", "B", new LocalDate(2005, 1, 1)),
            IndexOffences = [IndexOffence.DrugSupply],
            CustodialSentenceServed = false,
            GpsLicenceCondition = false,
            ReleaseAddress = new GeoPoint(52.2053, 0.1218),
            LicenceEnd = new LocalDate(2019, 1, 1),
        };

        var decision = EnrolmentRules.Evaluate(Pilot, request, 100, BoroughMap.London);

        Assert.Equal(
            Enum.GetValues<EnrolmentRule>(),
            decision.Refusals.Select(r => r.Rule).Order().ToArray());
    }

    [Fact]
    public void Evaluate_ReleaseBeforeTheSchemeStarts_IsRefused()
    {
        var decision = EnrolmentRules.Evaluate(Pilot, Eligible() with { LicenceStart = new LocalDate(2019, 1, 1) }, 0, BoroughMap.London);

        Assert.Equal(EnrolmentRule.LicenceDates, Assert.Single(decision.Refusals).Rule);
    }
}
