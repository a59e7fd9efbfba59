using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Monitoring;

/// <summary>An alert with its wearer's reference, as the actor may see it.</summary>
/// <param name="Alert">The alert.</param>
/// <param name="Offender">The wearer's reference, when the tag was worn by someone monitored.</param>
public sealed record SeenAlert(Alert Alert, OffenderReference? Offender);

/// <summary>The alerts the actor may see, newest first.</summary>
public sealed record AlertList(IReadOnlyList<SeenAlert> Alerts);

/// <summary>One alert with its wearer and its trail (oldest step first).</summary>
public sealed record AlertDetail(Alert Alert, OffenderReference? Offender, IReadOnlyList<AlertHistoryEntry> History);

/// <summary>Where a worn tag last was, and when it was last heard.</summary>
/// <param name="Tag">The tag.</param>
/// <param name="Offender">Its wearer's reference.</param>
/// <param name="Last">Its latest fix of the last 12 hours, if any.</param>
/// <param name="LastContact">When it last reported anything, if ever.</param>
/// <param name="BatteryPercent">Its battery at its last report, when it says.</param>
public sealed record LivePosition(TagId Tag, OffenderReference? Offender, Fix? Last, Instant? LastContact, int? BatteryPercent);

/// <summary>The positions of the tags worn now, as the actor may see them.</summary>
public sealed record LivePositions(IReadOnlyList<LivePosition> Positions);
