using NodaTime;
using Tagwatch.Core.Identity;

namespace Tagwatch.Simulation;

/// <summary>A simulated device event (charging, low battery, strap tamper).</summary>
public sealed record DeviceEvent(TagId Tag, Instant Time, string Kind);
