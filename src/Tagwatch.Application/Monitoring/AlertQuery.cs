using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Monitoring;

/// <summary>
/// Which alerts to read from the store, newest first: every filter that is given narrows the list <em>before</em> the
/// <paramref name="Limit"/> is counted, so a narrow question (one person, one kind) is never starved by the scheme's
/// other alerts. <paramref name="Wearers"/> keeps only the alerts of those people (an alert of an unworn tag has none).
/// </summary>
public sealed record AlertQuery(
    IReadOnlyCollection<AlertState>? States = null,
    IReadOnlyCollection<AlertKind>? Kinds = null,
    IReadOnlyCollection<AlertSeverity>? Severities = null,
    IReadOnlyCollection<OffenderId>? Wearers = null,
    int Limit = 500)
{
    /// <summary>Every alert in <paramref name="states"/>, however many.</summary>
    public static AlertQuery AllIn(params AlertState[] states) => new(States: states, Limit: int.MaxValue);
}
