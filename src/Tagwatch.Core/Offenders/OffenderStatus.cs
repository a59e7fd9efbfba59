namespace Tagwatch.Core.Offenders;

/// <summary>Where a person is in the monitoring lifecycle.</summary>
public enum OffenderStatus
{
    /// <summary>Enrolled; monitoring starts on the licence start date.</summary>
    Enrolled,

    /// <summary>Being monitored.</summary>
    Active,

    /// <summary>Monitoring ended (licence expired, revoked or order varied).</summary>
    Ended,
}
