using NodaTime;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Scheme;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Server.Api.Offenders;

/// <summary>A person on the caseload, pseudonymously: reference, state today, risk tier, home borough (ONS code) and licence.</summary>
public sealed record OffenderSummaryResponse(string Reference, OffenderStatus Status, RiskTier RiskTier, string HomeBorough, LocalDate LicenceStart, LocalDate LicenceEnd)
{
    internal static OffenderSummaryResponse From(OffenderEntry e) =>
        new(e.Offender.Reference.ToString(), e.Status, e.Offender.RiskTier, e.Offender.HomeBoroughCode, e.Offender.LicenceStart, e.Offender.LicenceEnd);
}

/// <summary>A point as latitude and longitude (WGS84 degrees).</summary>
public sealed record PointResponse(double Latitude, double Longitude);

/// <summary>An entry of the risk-tier history: the tier, the day it applies from, and why.</summary>
public sealed record RiskTierChangeResponse(RiskTier Tier, LocalDate From, string Reason)
{
    internal static RiskTierChangeResponse Of(RiskTierChange c) => new(c.Tier, c.EffectiveFrom, c.Reason);
}

/// <summary>A person's whole record: identity (null when not stored), offences, risk, home, licence, monitoring, state today and risk history.</summary>
public sealed record OffenderResponse(
    string Reference, string? GivenName, string? FamilyName, LocalDate? DateOfBirth, IReadOnlyList<IndexOffence> IndexOffences,
    RiskTier RiskTier, string HomeBorough, PointResponse Home, LocalDate LicenceStart, LocalDate LicenceEnd,
    LocalDate MonitoringStart, LocalDate MonitoringEnd, OffenderStatus Status, string? EndReason, IReadOnlyList<RiskTierChangeResponse> RiskHistory)
{
    internal static OffenderResponse From(OffenderRecord r)
    {
        var o = r.Offender;
        return new(o.Reference.ToString(), r.Person?.GivenName, r.Person?.FamilyName, r.Person?.DateOfBirth, o.IndexOffences,
            o.RiskTier, o.HomeBoroughCode, new PointResponse(o.HomeAddress.Latitude, o.HomeAddress.Longitude), o.LicenceStart, o.LicenceEnd,
            o.MonitoringStart, o.MonitoringEnd, r.Status, o.EndReason, r.RiskHistory.Select(RiskTierChangeResponse.Of).ToList());
    }
}

/// <summary>An accepted enrolment: the new reference, home borough, monitoring period, and what to check (likely duplicates).</summary>
public sealed record EnrolmentResponse(
    string Reference, string HomeBorough, LocalDate MonitoringStart, LocalDate MonitoringEnd, IReadOnlyList<string> Warnings, IReadOnlyList<string> LikelyDuplicates);

/// <summary>A rule of the scheme an enrolment failed, and why.</summary>
public sealed record EnrolmentRefusalResponse(EnrolmentRule Rule, string Reason);

/// <summary>Ended monitoring: the person, the last day monitored and why.</summary>
public sealed record MonitoringEndedResponse(string Reference, OffenderStatus Status, LocalDate MonitoringEnd, string? EndReason);

/// <summary>A recorded risk-tier change of a person.</summary>
public sealed record RiskTierChangedResponse(string Reference, RiskTier Tier, LocalDate From, string Reason);

/// <summary>The scheme's settings (boroughs as ONS codes) and the people monitored today against its capacity.</summary>
public sealed record SchemeResponse(
    string Name, IReadOnlyList<string> Boroughs, int Capacity, int MonitoredToday, LocalDate Start, LocalDate End, int LengthMonths,
    int MaxMonitoringMonths, IReadOnlyList<IndexOffence> EligibleOffences, RiskTier CorrelationMinimumTier)
{
    internal static SchemeResponse From(SchemeView v)
    {
        var s = v.Settings;
        return new(s.Name, s.BoroughCodes, s.Capacity, v.MonitoredToday, s.StartDate, s.EndDate, s.LengthMonths, s.MaxMonitoringMonths, s.EligibleOffences, s.CorrelationMinimumTier);
    }
}
