using NodaTime;

namespace Tagwatch.Application.Correlation;

/// <summary>A manual scored run over every current crime; each parameter left null keeps the engine's default.</summary>
/// <param name="AllTags">Check every tag with fixes, not only people at or above the scheme's correlation tier.</param>
/// <param name="BufferMetres">The crime buffer in metres.</param>
/// <param name="Pad">The widening of each crime's window on both sides.</param>
/// <param name="SignificanceThreshold">The score at or above which a match is significant.</param>
public sealed record RunCorrelationRequest(bool AllTags = false, double? BufferMetres = null, Duration? Pad = null, double? SignificanceThreshold = null);
