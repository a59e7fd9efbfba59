using NodaTime;

namespace Tagwatch.Application.Monitoring;

/// <summary>Thresholds of device-health monitoring.</summary>
public sealed record MonitoringOptions
{
    /// <summary>No message at all for this long raises <c>no_contact</c>.</summary>
    public Duration NoContactAfter { get; init; } = Duration.FromMinutes(20);

    /// <summary>Messages but no position for this long raise <c>no_fix</c> ("unable to monitor").</summary>
    public Duration NoFixAfter { get; init; } = Duration.FromMinutes(30);

    /// <summary>Battery at or below this raises <c>low_battery</c>.</summary>
    public int LowBatteryPercent { get; init; } = 20;

    /// <summary>Battery at or below this raises <c>critical_battery</c>: the tag may die before anyone reaches it.</summary>
    public int CriticalBatteryPercent { get; init; } = 10;

    /// <summary>Battery at or above this (or charging) ends <c>low_battery</c> and <c>critical_battery</c>.</summary>
    public int BatteryRecoveredPercent { get; init; } = 30;

    /// <summary>How far before new fixes location conditions are re-evaluated, so a run of evidence that began
    /// before them is seen whole.</summary>
    public Duration Lookback { get; init; } = Duration.FromMinutes(30);
}
