using NodaTime;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Monitoring;

/// <summary>An alert for the monitoring centre.</summary>
/// <param name="Id">Stored identifier.</param>
/// <param name="Type">What happened (see <see cref="AlertKind.All"/>); stored and serialised by its name.</param>
/// <param name="Severity">How urgent: the kind's <see cref="AlertKind.Severity"/> when raised.</param>
/// <param name="State">Handling state.</param>
/// <param name="Tag">The tag concerned.</param>
/// <param name="Offender">The person wearing it, when assigned.</param>
/// <param name="ConditionId">The licence condition breached, for breach alerts.</param>
/// <param name="Start">When the breach or event began.</param>
/// <param name="End">When it ended, if it has.</param>
/// <param name="Raised">When the alert was raised.</param>
/// <param name="Summary">One line for the operator.</param>
/// <param name="EvidenceJson">The evidence fixes or event, as JSON.</param>
/// <param name="Repeats">Further reports of the same open alert folded into it.</param>
public sealed record Alert(long Id, AlertKind Type, AlertSeverity Severity, AlertState State, TagId Tag, OffenderId? Offender, long? ConditionId, Instant Start, Instant? End, Instant Raised, string Summary, string EvidenceJson, int Repeats)
{
    /// <summary>The stored version this alert was read at: a change made from it is refused once someone else has
    /// changed the alert since (<see cref="IAlertStore.UpdateAsync"/>).</summary>
    public long Version { get; init; }
}

/// <summary>One step in an alert's trail.</summary>
/// <param name="At">When.</param>
/// <param name="Action"><c>raised</c>, <c>amended</c>, <c>ended</c>, <c>repeated</c>, <c>acknowledged</c>, <c>resolved</c>, <c>withdrawn</c>, <c>suppressed</c>.</param>
/// <param name="By">Who: an operator's name, or <c>system</c>.</param>
/// <param name="Note">What changed or the operator's note.</param>
public sealed record AlertHistoryEntry(Instant At, string Action, string By, string Note);
