namespace Tagwatch.Core.Access;

/// <summary>The roles people hold; what each may see is decided by one access policy on the server.</summary>
public enum Role
{
    /// <summary>Users, roles and scheme settings; no routine access to trails.</summary>
    Administrator,

    /// <summary>Monitoring centre: live positions and alerts of all active tags.</summary>
    MonitoringOfficer,

    /// <summary>Full records, trails and conditions of their own caseload.</summary>
    ProbationOfficer,

    /// <summary>Qualified matches for crimes in their boroughs; records outcomes.</summary>
    Police,

    /// <summary>Hub caseworker: reviews new matches and qualifies or dismisses them.</summary>
    MatchReviewer,

    /// <summary>Aggregate, pseudonymised reports only.</summary>
    Evaluator,

    /// <summary>Data-protection officer: searches and exports the audit log.</summary>
    Auditor,
}
