namespace Tagwatch.Correlation.Scored;

/// <summary>An interval of the crime window in which the tag could not be monitored (no usable fix).</summary>
/// <param name="FromUnixMs">Start of the gap.</param>
/// <param name="ToUnixMs">End of the gap.</param>
/// <param name="SiteReachable">Whether the crime site could be reached and left within the gap at a plausible speed
/// (the space-time prism between the fixes either side); null when one side of the gap has no fix.</param>
public sealed record MonitoringGap(long FromUnixMs, long ToUnixMs, bool? SiteReachable);
