using Tagwatch.Core.Identity;

namespace Tagwatch.Correlation.Scored;

/// <summary>A crime and a tag whose path's confidence circle touched the crime buffer during the padded window, with everything that supports it.</summary>
public sealed record ScoredMatch
{
    public required CrimeSite Crime { get; init; }

    public required TagId Tag { get; init; }

    /// <summary>The wearer's pseudonymous reference, when the tag is assigned.</summary>
    public string? OffenderReference { get; init; }

    public required double Score { get; init; }

    public required bool Significant { get; init; }

    /// <summary>Ellipsoidal distance of the closest evidence point.</summary>
    public required double MinDistanceMetres { get; init; }

    /// <summary>When the closest approach happened.</summary>
    public required long ClosestTimeUnixMs { get; init; }

    /// <summary>How far inside (negative) the buffer the best evidence reached, accuracy and precision included.</summary>
    public required double MarginMetres { get; init; }

    /// <summary>Time spent within reach of the crime point during the padded window.</summary>
    public required double DwellSeconds { get; init; }

    /// <summary>Total time of the padded window in which the tag could not be monitored.</summary>
    public required double GapSeconds { get; init; }

    public required ScoreFactors Factors { get; init; }

    /// <summary>Fixes and interpolated points in the vicinity, in time order.</summary>
    public required IReadOnlyList<EvidencePoint> Evidence { get; init; }

    public required IReadOnlyList<MonitoringGap> Gaps { get; init; }

    /// <summary>"home" or "regular place" when the crime is at a habitual place.</summary>
    public string? HabitualPlace { get; init; }
}
