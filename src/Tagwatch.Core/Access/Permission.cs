namespace Tagwatch.Core.Access;

/// <summary>What an endpoint, page or command does to data; <see cref="AccessPolicy"/> says which roles may.</summary>
public enum Permission
{
    /// <summary>Create, change and disable users; issue tokens for others.</summary>
    ManageUsers,

    /// <summary>Read and change scheme settings and retention (no personal data).</summary>
    ManageScheme,

    /// <summary>Register tags and assign them (the device registry, no positions).</summary>
    ManageTags,

    /// <summary>The last known position of every active tag.</summary>
    ViewLivePositions,

    /// <summary>Read alerts (all for the monitoring centre; own caseload for probation).</summary>
    ViewAlerts,

    /// <summary>Acknowledge and resolve alerts.</summary>
    HandleAlerts,

    /// <summary>A person's record: identity, licence, conditions, risk (own caseload; the monitoring centre every wearer, read-only).</summary>
    ViewOffenderRecords,

    /// <summary>Enrol people, change records, set licence conditions (own caseload).</summary>
    ChangeOffenderRecords,

    /// <summary>A person's trail over time (own caseload; the monitoring centre every wearer; police only with a purpose, a short window and an area).</summary>
    ViewTrails,

    /// <summary>Who was near a place at a time, with a stated purpose.</summary>
    SearchNear,

    /// <summary>Import crime files; list crimes.</summary>
    ManageCrimes,

    /// <summary>Start correlation runs and read the runs' records.</summary>
    RunCorrelation,

    /// <summary>Read new matches and qualify, dismiss or disclose them.</summary>
    ReviewMatches,

    /// <summary>Read qualified and disclosed matches of crimes in one's boroughs, with evidence; record outcomes.</summary>
    ReceiveMatches,

    /// <summary>Aggregate, pseudonymised reports.</summary>
    ViewReports,

    /// <summary>Search, export and verify the audit log.</summary>
    ReadAudit,

    /// <summary>Place and lift legal holds; see what retention will purge.</summary>
    ManageRetention,

    /// <summary>The record of alert notifications sent by e-mail (alert kind, severity, person's reference; no names or positions).</summary>
    ViewNotifications,

    /// <summary>Opt in to e-mail notice of the alerts of one's own caseload.</summary>
    ReceiveCaseloadAlerts,
}
