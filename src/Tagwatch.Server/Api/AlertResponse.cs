using NodaTime;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;

namespace Tagwatch.Server.Api;

/// <summary>An alert as the API shows it.</summary>
/// <param name="Id">The alert.</param>
/// <param name="Type">Its kind (e.g. <c>sos</c>, <c>exclusion_breach</c>).</param>
/// <param name="Severity">Its severity.</param>
/// <param name="State">Open, acknowledged, resolved…</param>
/// <param name="Tag">The tag that raised it.</param>
/// <param name="Offender">The wearer's reference, when known to the answer.</param>
/// <param name="Condition">The licence condition breached, for a breach.</param>
/// <param name="Start">When the condition began.</param>
/// <param name="End">When it ended, if it has.</param>
/// <param name="Raised">When the alert was raised.</param>
/// <param name="Summary">One line for the operator.</param>
/// <param name="Repeats">How many times it recurred while open.</param>
internal sealed record AlertResponse(
    long Id, AlertKind Type, AlertSeverity Severity, AlertState State, string Tag, string? Offender, long? Condition, Instant Start, Instant? End, Instant Raised, string Summary, int Repeats)
{
    public static AlertResponse Of(Alert a, OffenderReference? reference) =>
        new(a.Id, a.Type, a.Severity, a.State, a.Tag.Value, reference?.ToString(), a.ConditionId, a.Start, a.End, a.Raised, a.Summary, a.Repeats);

    public static AlertResponse Of(SeenAlert seen) => Of(seen.Alert, seen.Offender);
}
