using NodaTime;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Tests;

/// <summary>An enrolment the scheme's rules accept (a robbery, sentence served, GPS licence condition, released to
/// Lambeth), for tests whose point lies elsewhere than enrolment itself.</summary>
internal static class EligibleEnrolment
{
    public static EnrolmentRequest Of(LocalDate licenceStart, LocalDate licenceEnd, string givenName = "Sam", RiskTier riskTier = RiskTier.High) => new()
    {
        Person = new PersonalDetails(givenName, "Example", new LocalDate(1995, 1, 1)),
        IndexOffences = [IndexOffence.Robbery],
        CustodialSentenceServed = true,
        GpsLicenceCondition = true,
        LicenceStart = licenceStart,
        LicenceEnd = licenceEnd,
        ReleaseAddress = new GeoPoint(51.4500, -0.1000),
        RiskTier = riskTier,
    };
}
