using NodaTime;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Conditions;

/// <summary>A licence condition with the reference of the person whose licence it is.</summary>
public sealed record PersonCondition(OffenderReference Offender, LicenceCondition Condition);

/// <summary>The conditions in force that the actor may see, in the order they were added.</summary>
public sealed record ConditionList(IReadOnlyList<PersonCondition> Conditions);

/// <summary>A suspension of a condition: the window in which a breach starting raises no alert, and why.</summary>
public sealed record ConditionSuspension(PersonCondition Condition, Interval Window, string Reason);
