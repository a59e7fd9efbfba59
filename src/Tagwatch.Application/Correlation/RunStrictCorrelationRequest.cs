using NodaTime;

namespace Tagwatch.Application.Correlation;

/// <summary>The plain question over everything stored: every fix within <paramref name="RadiusMetres"/> of a current
/// crime during its window widened by <paramref name="Pad"/>.</summary>
public sealed record RunStrictCorrelationRequest(double RadiusMetres, Duration Pad);
