using NodaTime;

namespace Tagwatch.Core.Conditions;

/// <summary>How much evidence starts and ends a breach, so GPS drift at a boundary does not raise or flap alerts.</summary>
/// <remarks>
/// A fix is <em>violating</em> only when its whole confidence circle lies on the wrong side of the boundary, and
/// <em>compliant</em> only when its position is at least <see cref="HysteresisMetres"/> on the right side; anything
/// between is ambiguous and counts for neither. Fixes flagged invalid, at 0,0 or after an implausible jump are not
/// evidence either way.
/// </remarks>
public sealed record DecisionRules
{
    /// <summary>Consecutive violating fixes that start a breach.</summary>
    public int MinViolatingFixes { get; init; } = 2;

    /// <summary>Time from the first to the last of those fixes that a breach also needs.</summary>
    public Duration MinDwell { get; init; } = Duration.FromSeconds(60);

    /// <summary>Consecutive compliant fixes that end a breach.</summary>
    public int ClearingFixes { get; init; } = 2;

    /// <summary>How far on the right side of the boundary a compliant fix must be, metres.</summary>
    public double HysteresisMetres { get; init; } = 10;

    /// <summary>Accuracy assumed for a fix that reports none, metres.</summary>
    public double AssumedAccuracyMetres { get; init; } = 50;

    /// <summary>A silence longer than this between fixes breaks a run of evidence (stale fixes do not add up).</summary>
    public Duration MaxGap { get; init; } = Duration.FromMinutes(15);

    /// <summary>How far before a curfew's start check its fixes still show where the wearer is: the check rests on
    /// the last trusted fix in [start − this, start + grace]. A tag reports every minute or so when on the move and
    /// less often when still, so 15 minutes covers a wearer sitting at home without reaching back to an earlier trip.</summary>
    public Duration CurfewStartLookback { get; init; } = Duration.FromMinutes(15);

    /// <summary>Checks the values, naming the first that is out of range.</summary>
    public string? Problem() =>
        MinViolatingFixes < 1 ? "min violating fixes must be at least 1"
        : ClearingFixes < 1 ? "clearing fixes must be at least 1"
        : MinDwell < Duration.Zero ? "min dwell must not be negative"
        : HysteresisMetres < 0 || AssumedAccuracyMetres <= 0 ? "hysteresis must not be negative and assumed accuracy must be positive"
        : MaxGap <= Duration.Zero ? "max gap must be positive"
        : CurfewStartLookback < Duration.Zero || CurfewStartLookback > Duration.FromHours(2) ? "the curfew start look-back must be from 0 to 2 hours"
        : null;
}
