using NodaTime;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Identity;

namespace Tagwatch.Simulation;

/// <summary>A location condition on a simulated person's licence (a curfew at home or an exclusion zone).</summary>
public sealed record SimulatedCondition(OffenderReference Offender, ConditionKind Kind, ZoneArea Area, Schedule Schedule, Duration Grace, string Label);
