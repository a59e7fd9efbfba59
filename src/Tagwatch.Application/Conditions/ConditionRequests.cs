using NodaTime;
using Tagwatch.Core.Conditions;

namespace Tagwatch.Application.Conditions;

/// <summary>A location condition to add to the licence of the person <paramref name="Reference"/> names.</summary>
/// <param name="Reference">The person's reference.</param>
/// <param name="Kind">Exclusion zone, inclusion zone or curfew.</param>
/// <param name="Area">The zone, or for a curfew the address and the radius around it that counts as home.</param>
/// <param name="Schedule">When it applies (London time).</param>
/// <param name="Rules">How much evidence starts and ends a breach.</param>
/// <param name="Label">What the officer calls it; default: the kind.</param>
/// <param name="Grace">For a curfew, how late arriving home is still compliant; default 10 minutes for a curfew, none for a zone.</param>
/// <param name="BufferMetres">How far to grow the zone on every side, metres.</param>
/// <param name="From">When it applies from (not before monitoring began); default: from when it is added.</param>
/// <param name="By">Who sets it, as recorded on the condition; default: the actor.</param>
public sealed record AddConditionRequest(
    string Reference, ConditionKind Kind, ZoneArea Area, Schedule Schedule, DecisionRules Rules,
    string? Label = null, Duration? Grace = null, double BufferMetres = 0, Instant? From = null, string? By = null);

/// <summary>End condition <paramref name="Id"/>; when <paramref name="Reference"/> is given, it must be that person's.</summary>
/// <param name="By">Who ends it, as recorded on the condition; default: the actor.</param>
public sealed record EndConditionRequest(long Id, string? Reference = null, string? By = null);

/// <summary>Suspend condition <paramref name="Id"/> over [<paramref name="From"/>, <paramref name="To"/>) for a stated reason
/// (a breach starting then raises no alert); when <paramref name="Reference"/> is given, it must be that person's.</summary>
/// <param name="By">Who suspends it, as recorded on the suspension; default: the actor.</param>
public sealed record SuspendConditionRequest(long Id, Instant From, Instant To, string? Reason, string? Reference = null, string? By = null);

/// <summary>Conditions in force: of the person <paramref name="Reference"/> names, or of everyone the actor's scope covers.</summary>
public sealed record ListConditionsRequest(string? Reference = null);

/// <summary>Change condition <paramref name="Id"/> of the person <paramref name="Reference"/> names: its area, buffer,
/// schedule and name (its kind, grace and evidence rules stay).</summary>
/// <param name="Area">The new zone, or for a curfew the address and radius that counts as home.</param>
/// <param name="BufferMetres">How far to grow the zone on every side, metres.</param>
/// <param name="Schedule">When it applies (London time).</param>
/// <param name="Label">What the officer calls it; default: the name it had.</param>
/// <param name="By">Who changes it, as recorded on both conditions; default: the actor.</param>
public sealed record ChangeConditionRequest(long Id, string Reference, ZoneArea Area, double BufferMetres, Schedule Schedule, string? Label = null, string? By = null);
