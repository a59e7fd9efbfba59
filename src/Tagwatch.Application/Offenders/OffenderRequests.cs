using NodaTime;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Application.Offenders;

/// <summary>Enrol the person <paramref name="Enrolment"/> describes, under <paramref name="Reference"/> or the next free <c>TW-nnnnn</c>.</summary>
public sealed record EnrolOffenderRequest(EnrolmentRequest Enrolment, OffenderReference? Reference = null);

/// <summary>Everyone the actor's scope covers.</summary>
public sealed record ListOffendersRequest;

/// <summary>The person with reference <paramref name="Reference"/>.</summary>
public sealed record OffenderRequest(string Reference);

/// <summary>End the monitoring of <paramref name="Reference"/> with a reason, on <paramref name="LastDay"/> (today, at this instant, when null).</summary>
public sealed record EndMonitoringRequest(string Reference, string? Reason, LocalDate? LastDay = null);

/// <summary>Set <paramref name="Reference"/>'s risk tier to <paramref name="Tier"/> from <paramref name="EffectiveFrom"/> (today when null), with a reason.</summary>
public sealed record ChangeRiskTierRequest(string Reference, RiskTier Tier, string? Reason, LocalDate? EffectiveFrom = null);
