namespace Tagwatch.Core.Alerts;

/// <summary>Where an alert is in the monitoring centre's handling.</summary>
public enum AlertState
{
    /// <summary>Raised, not yet looked at.</summary>
    Open,

    /// <summary>An operator has taken it.</summary>
    Acknowledged,

    /// <summary>Closed by an operator with a note.</summary>
    Resolved,

    /// <summary>Withdrawn by the system: later evidence (late fixes) shows no breach.</summary>
    Withdrawn,
}
