using NodaTime;

namespace Tagwatch.Correlation.Strict;

/// <summary>The plain question: fixes within <see cref="RadiusMetres"/> of the crime during its window widened by <see cref="Pad"/>.</summary>
public sealed record StrictParameters(double RadiusMetres, Duration Pad)
{
    /// <summary>Largest radius accepted: the candidate search is tuned for local questions.</summary>
    public const double MaxRadiusMetres = 50_000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a parameter is out of range.</summary>
    public void Validate()
    {
        if (!double.IsFinite(RadiusMetres) || RadiusMetres < 0 || RadiusMetres > MaxRadiusMetres)
        {
            throw new ArgumentOutOfRangeException(nameof(RadiusMetres), RadiusMetres, $"Radius must be from 0 to {MaxRadiusMetres} metres.");
        }

        if (Pad < Duration.Zero || Pad > Duration.FromDays(7))
        {
            throw new ArgumentOutOfRangeException(nameof(Pad), Pad, "Pad must be from 0 to 7 days.");
        }
    }
}
