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
    /// <summary>Signed distance towards violation, metres: positive means the point is on the wrong side.</summary>
    public double WrongSideMetres(Geo.GeoPoint point)
    {
        double signed = Area.SignedDistanceMetres(point);
        return Kind == ConditionKind.Exclusion ? -signed : signed;
    }
}
