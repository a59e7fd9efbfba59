using NodaTime;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Server.Api;

/// <summary>The data of one <c>alert</c> event of the alert stream.</summary>
/// <param name="Action">What happened to the alert: <c>raised</c>, <c>amended</c>, <c>ended</c>, <c>repeated</c>, <c>acknowledged</c>, <c>resolved</c>, <c>withdrawn</c>.</param>
/// <param name="Id">The alert.</param>
/// <param name="Type">Its kind.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="State">Its state after the change.</param>
/// <param name="Tag">The tag.</param>
/// <param name="Offender">The wearer's reference, when known.</param>
/// <param name="Start">When it began.</param>
/// <param name="End">When it ended, if it has.</param>
/// <param name="Summary">One line for the operator.</param>
internal sealed record AlertEventResponse(
    string Action, long Id, AlertKind Type, AlertSeverity Severity, AlertState State, string Tag, string? Offender, Instant Start, Instant? End, string Summary)
{
    public static AlertEventResponse Of(string action, SeenAlert seen)
    {
        var a = seen.Alert;
        return new(action, a.Id, a.Type, a.Severity, a.State, a.Tag.Value, seen.Offender?.ToString(), a.Start, a.End, a.Summary);
    }
}
