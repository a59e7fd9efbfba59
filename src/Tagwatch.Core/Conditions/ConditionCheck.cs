using System.Globalization;
using NodaTime;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Core.Conditions;

/// <summary>
/// The rules a licence condition must meet before any store keeps it, in one place so that every store (SQLite,
/// PostgreSQL) and every door (API, console, web) refuses the same conditions with the same words.
/// </summary>
public static class ConditionCheck
{
    /// <summary>The widest buffer a zone may be grown by, metres.</summary>
    public const double MaxBufferMetres = 10_000;

    /// <summary>The longest label, characters.</summary>
    public const int MaxLabel = 100;

    /// <summary>The longest curfew grace period.</summary>
    public static readonly Duration MaxGrace = Duration.FromHours(12);

    /// <summary>What makes <paramref name="condition"/> unusable in itself, or null: a curfew with no hours (it would be
    /// checked at the start of every evaluation), a grace out of range, a missing or long label, or decision rules out of range.</summary>
    public static ConditionProblem? Of(LicenceCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition.Kind == ConditionKind.Curfew && condition.Schedule.IsAlways ? new("schedule", "a curfew needs a schedule with its hours, e.g. 'daily 21:00-07:00'")
            : condition.Grace < Duration.Zero || condition.Grace > MaxGrace ? new("grace_minutes", "the grace period must be from 0 to 12 hours")
            : string.IsNullOrWhiteSpace(condition.Label) || condition.Label.Length > MaxLabel ? new("label", $"a condition needs a label of 1 to {MaxLabel} characters")
            : condition.Rules.Problem() is { } rules ? new("rules", rules)
            : null;
    }

    /// <summary>What stops <paramref name="condition"/> being added to <paramref name="person"/>'s licence with a zone
    /// buffer of <paramref name="bufferMetres"/>, or null: its own problems, a buffer out of range, or a stated start
    /// (<see cref="LicenceCondition.AppliesFrom"/>) before the person's monitoring began.</summary>
    public static ConditionProblem? Of(LicenceCondition condition, double bufferMetres, Offender person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Of(condition) is { } problem)
        {
            return problem;
        }

        if (!double.IsFinite(bufferMetres) || bufferMetres is < 0 or > MaxBufferMetres)
        {
            return new("buffer_metres", "a zone buffer is from 0 to 10,000 metres");
        }

        return condition.AppliesFrom != Instant.MinValue && condition.AppliesFrom < person.MonitoringPeriod.Start
            ? new("from", $"a condition cannot start before the person's monitoring started ({person.MonitoringStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})")
            : null;
    }
}
