namespace Tagwatch.Core.Alerts;

/// <summary>What an alert is about, for reports and for routing it to the right desk.</summary>
public enum AlertCategory
{
    /// <summary>An exclusion or inclusion zone was breached.</summary>
    Zone,

    /// <summary>A curfew was breached.</summary>
    Curfew,

    /// <summary>The tag itself: tamper, SOS, power, battery, or no contact or position (unable to monitor).</summary>
    Device,
}
