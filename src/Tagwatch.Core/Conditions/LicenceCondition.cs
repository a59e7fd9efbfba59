using NodaTime;
using Tagwatch.Core.Identity;

namespace Tagwatch.Core.Conditions;

/// <summary>A location condition of a person's licence: an exclusion or inclusion zone, or a curfew.</summary>
/// <param name="Id">Stored identifier.</param>
/// <param name="Offender">Whose licence it is.</param>
/// <param name="Kind">What it requires.</param>
/// <param name="Area">The zone (for a curfew, the curfew address and its radius).</param>
/// <param name="Schedule">When it applies.</param>
/// <param name="Grace">For a curfew, how late after the start being home is still compliant.</param>
/// <param name="Rules">Evidence needed to start and end a breach.</param>
/// <param name="Label">What the supervising officer calls it, e.g. "victim's street".</param>
public sealed record LicenceCondition(long Id, OffenderId Offender, ConditionKind Kind, ZoneArea Area, Schedule Schedule, Duration Grace, DecisionRules Rules, string Label)
{
    /// <summary>When the condition began to apply: its stated start, or else when it was added to the licence record.
    /// No fix before this is evidence of a breach, and a schedule window already running then is watched from this
    /// instant with no start check (a curfew added at 04:13 cannot have been broken at 21:10 the evening before).</summary>
    /// <remarks>Defaults to <see cref="Instant.MinValue"/>: for a condition being added, no stated start (it applies
    /// from when it is stored); for one built outside a store, no limit.</remarks>
    public Instant AppliesFrom { get; init; } = Instant.MinValue;

    /// <summary>What makes the condition unusable, or null: a curfew with no hours (it would be checked at the start of
    /// every evaluation), a negative grace, a missing label, or decision rules out of range.</summary>
    public string? Problem() => ConditionCheck.Of(this)?.Message;

    /// <summary>Signed distance towards violation, metres: positive means the point is on the wrong side.</summary>
    public double WrongSideMetres(Geo.GeoPoint point)
    {
        double signed = Area.SignedDistanceMetres(point);
        return Kind == ConditionKind.Exclusion ? -signed : signed;
    }
}
