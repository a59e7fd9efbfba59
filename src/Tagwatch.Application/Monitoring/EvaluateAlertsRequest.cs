using NodaTime;

namespace Tagwatch.Application.Monitoring;

/// <summary>A monitoring pass over stored fixes.</summary>
/// <param name="From">Re-evaluate fixes from here; 24 hours before now when null.</param>
public sealed record EvaluateAlertsRequest(Instant? From = null);
