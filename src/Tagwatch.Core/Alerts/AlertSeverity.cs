namespace Tagwatch.Core.Alerts;

/// <summary>How urgently the monitoring centre must act.</summary>
public enum AlertSeverity
{
    /// <summary>For the record; no action expected.</summary>
    Info,

    /// <summary>Act within the shift (low battery, lost signal).</summary>
    Urgent,

    /// <summary>Act now (strap tamper, exclusion-zone breach, curfew breach, SOS).</summary>
    Critical,
}
