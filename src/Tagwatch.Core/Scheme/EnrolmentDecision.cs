using NodaTime;
using Tagwatch.Core.Boroughs;

namespace Tagwatch.Core.Scheme;

/// <summary>The outcome of checking an enrolment against the scheme's rules.</summary>
/// <remarks>Refused when <see cref="Refusals"/> is not empty; every rule that failed is listed, not only the first.</remarks>
public sealed record EnrolmentDecision
{
    /// <summary>Every rule that failed, with a reason a probation officer can act on.</summary>
    public required IReadOnlyList<(EnrolmentRule Rule, string Reason)> Refusals { get; init; }

    /// <summary>The borough of the release address, when in London.</summary>
    public Borough? HomeBorough { get; init; }

    /// <summary>First day of monitoring (the licence start).</summary>
    public LocalDate MonitoringStart { get; init; }

    /// <summary>Last day of monitoring: the licence end, capped at the scheme's maximum monitoring period.</summary>
    public LocalDate MonitoringEnd { get; init; }

    /// <summary>True when no rule failed.</summary>
    public bool IsAccepted => Refusals.Count == 0;
}
