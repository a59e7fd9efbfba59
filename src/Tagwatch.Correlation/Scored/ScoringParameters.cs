using NodaTime;

namespace Tagwatch.Correlation.Scored;

/// <summary>Every knob of scored correlation, with the defaults the scheme runs (docs/correlation.md explains each).</summary>
public sealed record ScoringParameters
{
    /// <summary>Version of the algorithm; recorded with every run and match.</summary>
    public const string AlgorithmVersion = "scored-3";

    /// <summary>Multiplier on the fix-quality factor of a point whose accuracy is estimated rather than reported: an
    /// estimated circle is less certain than a measured one of the same size.</summary>
    public double EstimatedAccuracyQualityFactor { get; init; } = 0.75;

    /// <summary>Radius of the crime buffer around the reported point, metres.</summary>
    public double BufferMetres { get; init; } = 100;

    /// <summary>Widening of the committed window on both sides.</summary>
    public Duration Pad { get; init; } = Duration.FromMinutes(10);

    /// <summary>Longest gap between fixes across which the path is interpolated.</summary>
    public Duration MaxInterpolationGap { get; init; } = Duration.FromMinutes(5);

    /// <summary>Fixes less accurate than this (and cell or Wi-Fi fixes) are not evidence of presence.</summary>
    public double MaxEvidenceAccuracyMetres { get; init; } = 100;

    /// <summary>Speed used to decide whether a crime site was reachable during a gap (walking, cycling, buses).</summary>
    public double PlausibleSpeedKmh { get; init; } = 25;

    /// <summary>Score at or above which a match is significant and goes to review.</summary>
    public double SignificanceThreshold { get; init; } = 0.5;

    /// <summary>Time within the area that earns the full dwell factor.</summary>
    public Duration FullDwell { get; init; } = Duration.FromMinutes(5);

    /// <summary>How near home or a place visited on most days a crime must be to count as at a habitual place.</summary>
    public double HabitualRadiusMetres { get; init; } = 150;

    /// <summary>Multiplier applied to the score of a match at a habitual place (reported, never hidden).</summary>
    public double HabitualDiscount { get; init; } = 0.9;

    /// <summary>Multiplier when the crime is unrelated to the person's index offences (1 when related or unknown).</summary>
    public double UnrelatedCategoryFactor { get; init; } = 0.9;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (!double.IsFinite(BufferMetres) || BufferMetres is < 0 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(BufferMetres), BufferMetres, "Buffer must be from 0 to 5000 metres.");
        }

        if (Pad < Duration.Zero || Pad > Duration.FromHours(24) || MaxInterpolationGap <= Duration.Zero || MaxInterpolationGap > Duration.FromMinutes(30))
        {
            throw new ArgumentOutOfRangeException(nameof(Pad), "Pad must be 0–24 h and the interpolation gap more than 0 and at most 30 minutes.");
        }

        if (!double.IsFinite(SignificanceThreshold) || SignificanceThreshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SignificanceThreshold), SignificanceThreshold, "Threshold must be from 0 to 1.");
        }

        if (PlausibleSpeedKmh is <= 0 or > 300 || MaxEvidenceAccuracyMetres <= 0 || HabitualDiscount is <= 0 or > 1 || UnrelatedCategoryFactor is <= 0 or > 1
            || EstimatedAccuracyQualityFactor is < 0 or > 1 || double.IsNaN(EstimatedAccuracyQualityFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(PlausibleSpeedKmh), "Speed, accuracy and factors must be positive (factors at most 1).");
        }
    }
}
