using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Application.Offenders;

/// <summary>The decision on an enrolment and, when accepted, the new record.</summary>
public sealed record EnrolmentResult(EnrolmentDecision Decision, Offender? Offender);
