namespace Tagwatch.Correlation.Scored;

/// <summary>The factors a score is made of, each explained in docs/correlation.md.</summary>
/// <param name="Closeness">1 at the crime point, 0 where the confidence circle only grazes the buffer.</param>
/// <param name="Dwell">Time within the buffer, relative to the full-dwell time (0 for a single fix).</param>
/// <param name="WindowOverlap">Share of the presence that falls in the committed window rather than the pad.</param>
/// <param name="FixQuality">Accuracy of the supporting fixes (1 for a few metres, 0.4 at the evidence limit).</param>
/// <param name="CategoryRelevance">1 when related to the index offences or unknown; lower when unrelated.</param>
/// <param name="HabitualPlace">1, or the habitual-place discount when the crime is at home or a regular place.</param>
public sealed record ScoreFactors(double Closeness, double Dwell, double WindowOverlap, double FixQuality, double CategoryRelevance, double HabitualPlace)
{
    /// <summary>The score: closeness gates the rest.</summary>
    public double Score => Math.Clamp(Closeness * (0.55 + 0.15 * Dwell + 0.15 * WindowOverlap + 0.15 * FixQuality) * CategoryRelevance * HabitualPlace, 0, 1);
}
