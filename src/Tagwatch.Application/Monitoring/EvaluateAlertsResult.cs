using NodaTime;

namespace Tagwatch.Application.Monitoring;

/// <summary>What a monitoring pass did.</summary>
/// <param name="From">Where the pass started.</param>
/// <param name="WornTags">How many worn tags' fixes it read.</param>
/// <param name="NewAlerts">How many alerts it raised.</param>
public sealed record EvaluateAlertsResult(Instant From, int WornTags, int NewAlerts);
