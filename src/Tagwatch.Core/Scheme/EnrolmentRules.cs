using NodaTime;
using Tagwatch.Core.Boroughs;

namespace Tagwatch.Core.Scheme;

/// <summary>The scheme's enrolment rules as a pure function of the request, the scheme and its current caseload.</summary>
public static class EnrolmentRules
{
    /// <summary>Age at release from which a person counts as an adult.</summary>
    public const int AdultAgeYears = 18;

    /// <summary>Checks every rule and returns the decision.</summary>
    /// <param name="scheme">The scheme's current settings.</param>
    /// <param name="request">The enrolment being made.</param>
    /// <param name="monitoredNow">How many people are monitored on the day this monitoring would start.</param>
    /// <param name="boroughs">Borough boundaries used to place the release address.</param>
    public static EnrolmentDecision Evaluate(SchemeSettings scheme, EnrolmentRequest request, int monitoredNow, BoroughMap boroughs)
    {
        var refusals = new List<(EnrolmentRule, string)>();

        int age = Period.Between(request.Person.DateOfBirth, request.LicenceStart, PeriodUnits.Years).Years;
        if (age < AdultAgeYears)
        {
            refusals.Add((EnrolmentRule.Adult, $"aged {age} on release ({request.LicenceStart:yyyy-MM-dd}); the scheme is for adults ({AdultAgeYears}+)"));
        }

        if (!request.CustodialSentenceServed)
        {
            refusals.Add((EnrolmentRule.CustodialSentence, "no custodial sentence served; the scheme is for people leaving custody"));
        }

        if (!request.IndexOffences.Any(scheme.EligibleOffences.Contains))
        {
            string had = request.IndexOffences.Count == 0 ? "none" : string.Join(", ", request.IndexOffences);
            refusals.Add((EnrolmentRule.EligibleOffence, $"index offences ({had}) include none the scheme covers ({string.Join(", ", scheme.EligibleOffences)})"));
        }

        if (!request.GpsLicenceCondition)
        {
            refusals.Add((EnrolmentRule.GpsCondition, "the licence has no GPS monitoring condition"));
        }

        var borough = boroughs.Locate(request.ReleaseAddress);
        if (borough is null || !scheme.BoroughCodes.Contains(borough.Code, StringComparer.OrdinalIgnoreCase))
        {
            string where = borough is null ? "outside London" : $"in {borough.Name}";
            string allowed = string.Join(", ", scheme.BoroughCodes.Select(c => boroughs.Find(c)?.Name ?? c));
            refusals.Add((EnrolmentRule.SchemeBorough, $"release address is {where}; the scheme covers {allowed}"));
        }

        if (request.LicenceEnd < request.LicenceStart)
        {
            refusals.Add((EnrolmentRule.LicenceDates, $"licence ends ({request.LicenceEnd:yyyy-MM-dd}) before it starts ({request.LicenceStart:yyyy-MM-dd})"));
        }
        else if (request.LicenceStart < scheme.StartDate || request.LicenceStart > scheme.EndDate)
        {
            refusals.Add((EnrolmentRule.LicenceDates, $"release on {request.LicenceStart:yyyy-MM-dd} is outside the scheme ({scheme.StartDate:yyyy-MM-dd} to {scheme.EndDate:yyyy-MM-dd})"));
        }

        if (monitoredNow >= scheme.Capacity)
        {
            refusals.Add((EnrolmentRule.Capacity, $"the scheme is full: {monitoredNow} of {scheme.Capacity} places are taken; raise the capacity to enrol more"));
        }

        var cap = request.LicenceStart.PlusMonths(scheme.MaxMonitoringMonths).PlusDays(-1);
        return new EnrolmentDecision
        {
            Refusals = refusals,
            HomeBorough = borough,
            MonitoringStart = request.LicenceStart,
            MonitoringEnd = request.LicenceEnd < cap ? request.LicenceEnd : cap,
        };
    }
}
