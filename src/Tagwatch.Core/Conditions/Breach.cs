using NodaTime;

namespace Tagwatch.Core.Conditions;

/// <summary>A period in which a condition was breached, with the fixes that show it.</summary>
/// <param name="ConditionId">The condition.</param>
/// <param name="Start">Time of the first violating fix (or, for a curfew not confirmed at its start, the end of the grace period).</param>
/// <param name="End">Time the breach ended (first clearing fix, or the schedule's end); null while it continues.</param>
/// <param name="Reason">Why it began: <c>violating_fixes</c> or <c>not_home_at_curfew_start</c>.</param>
/// <param name="EndReason">Why it ended: <c>compliant_fixes</c> or <c>schedule_ended</c>; null while it continues.</param>
/// <param name="Evidence">The violating fixes that started it (time, position, accuracy, metres on the wrong side).</param>
/// <param name="WorstMetres">Furthest on the wrong side any fix of the breach was, metres.</param>
public sealed record Breach(long ConditionId, Instant Start, Instant? End, string Reason, string? EndReason, IReadOnlyList<BreachEvidence> Evidence, double WorstMetres);

/// <summary>A fix that shows a breach.</summary>
/// <param name="Time">Fix time.</param>
/// <param name="Latitude">Degrees.</param>
/// <param name="Longitude">Degrees.</param>
/// <param name="AccuracyMetres">Confidence radius used.</param>
/// <param name="WrongSideMetres">How far the position was on the wrong side of the boundary.</param>
public sealed record BreachEvidence(Instant Time, double Latitude, double Longitude, double AccuracyMetres, double WrongSideMetres);
