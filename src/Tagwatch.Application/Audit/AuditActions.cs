namespace Tagwatch.Application.Audit;

/// <summary>The kinds of audited action. Names are stable: auditors search by them.</summary>
public static class AuditActions
{
    public const string ViewRecord = "view.record";
    public const string ViewTrail = "view.trail";
    public const string ViewPositions = "view.positions";
    public const string ViewAlerts = "view.alerts";

    /// <summary>Counts over the scheme's data (how many people, tags, fixes, crimes are held).</summary>
    public const string ViewStatistics = "view.statistics";
    public const string ViewMatch = "view.match";
    public const string ListMatches = "list.matches";
    public const string Search = "search.near";
    public const string Export = "export";
    public const string Disclose = "disclose";
    public const string Review = "review.match";
    public const string Outcome = "outcome.match";
    public const string AmendMatch = "amend.match";
    public const string ChangeConditions = "change.conditions";
    public const string ChangeRecord = "change.record";

    /// <summary>A correction of who wore a tag over fixes already stored (with its reason).</summary>
    public const string CorrectAssignment = "correct.assignment";
    public const string ChangeUsers = "change.users";
    public const string ChangeSettings = "change.settings";
    public const string HandleAlert = "handle.alert";
    public const string ImportCrimes = "import.crimes";
    public const string RunCorrelation = "run.correlation";
    public const string Erase = "erase";
    public const string LegalHold = "legal.hold";
    public const string SignIn = "sign.in";
    public const string SignInFailed = "sign.in.failed";
    public const string AuditSearch = "audit.search";
    public const string AuditExport = "audit.export";
    public const string AuditVerify = "audit.verify";

    /// <summary>The retention purge removed the oldest audit records and moved the chain's base: the record names the
    /// new base (<c>SEQ:HASH</c>), which verification requires of every moved base.</summary>
    public const string AuditPurge = "audit.purge";

    /// <summary>A request for personal data refused (403 or 404), with who asked, what and why.</summary>
    public const string Refused = "access.refused";

    /// <summary>An administrator asked for an account change that widens someone's scope; it waits for a second administrator.</summary>
    public const string ApprovalRequested = "approval.requested";

    /// <summary>A second administrator approved a requested account change, which took effect.</summary>
    public const string ApprovalGranted = "approval.granted";

    /// <summary>An administrator rejected (or its requester withdrew) a requested account change.</summary>
    public const string ApprovalRejected = "approval.rejected";
}
