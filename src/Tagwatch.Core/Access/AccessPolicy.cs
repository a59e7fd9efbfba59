using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Access;

/// <summary>
/// The one access policy: which role may do what (<see cref="Allows"/>) and over which people and crimes
/// (<see cref="CoversOffender"/>, <see cref="CoversBorough"/>). The server applies it to every endpoint; nothing else decides.
/// </summary>
public static class AccessPolicy
{
    private static readonly Dictionary<Role, HashSet<Permission>> Grants = new()
    {
        [Role.Administrator] = [Permission.ManageUsers, Permission.ManageScheme, Permission.ManageTags, Permission.ManageRetention, Permission.ViewNotifications],
        // The monitoring centre reads every wearer's record and trail (read-only) to triage an alert against the licence's
        // zones and curfews and the movements that led to it; it changes nothing on a record.
        [Role.MonitoringOfficer] = [Permission.ViewLivePositions, Permission.ViewAlerts, Permission.HandleAlerts, Permission.ViewNotifications, Permission.ViewOffenderRecords, Permission.ViewTrails],
        [Role.ProbationOfficer] = [Permission.ViewOffenderRecords, Permission.ChangeOffenderRecords, Permission.ViewTrails, Permission.ViewAlerts, Permission.SearchNear, Permission.ReceiveCaseloadAlerts],
        [Role.Police] = [Permission.ReceiveMatches, Permission.ViewTrails, Permission.SearchNear, Permission.ManageCrimes],
        [Role.MatchReviewer] = [Permission.ReviewMatches, Permission.RunCorrelation, Permission.ManageCrimes],
        [Role.Evaluator] = [Permission.ViewReports],
        [Role.Auditor] = [Permission.ReadAudit],
    };

    /// <summary>Whether <paramref name="role"/> may do <paramref name="permission"/> at all (scope is checked separately).</summary>
    public static bool Allows(Role role, Permission permission) => Grants[role].Contains(permission);

    /// <summary>
    /// Whether granting <paramref name="role"/> widens what its holder may see: it reaches location data (trails, live
    /// positions, searches, match evidence) or administers accounts. Such grants need a second administrator's approval.
    /// </summary>
    public static bool GrantsWiderScope(Role role) =>
        role == Role.Administrator
        || Grants[role].Overlaps([Permission.ViewTrails, Permission.ViewLivePositions, Permission.SearchNear, Permission.ReceiveMatches, Permission.ReviewMatches]);

    /// <summary>The permissions of a role, for display.</summary>
    public static IReadOnlyCollection<Permission> PermissionsOf(Role role) => Grants[role];

    /// <summary>
    /// Whether an actor's scope covers a person: a probation officer only their caseload; the monitoring centre
    /// everyone (live monitoring of all active tags); other roles reach people only through matches and searches.
    /// </summary>
    public static bool CoversOffender(Actor actor, string offenderReference) => actor.Role switch
    {
        Role.ProbationOfficer => actor.CaseloadOfEveryone || actor.Caseload.Contains(offenderReference),
        Role.MonitoringOfficer => true,
        _ => false,
    };

    /// <summary>Whether an actor's scope covers a crime's borough: police only their boroughs; the hub everywhere.</summary>
    public static bool CoversBorough(Actor actor, string? boroughCode) => actor.Role switch
    {
        Role.Police => boroughCode is not null && actor.Boroughs.Contains(boroughCode),
        Role.MatchReviewer => true,
        _ => false,
    };

    /// <summary>
    /// Whether an actor may search, or see positions in, the circle of <paramref name="radiusMetres"/> around
    /// <paramref name="centre"/>: police only when the whole circle lies within their boroughs (widened by
    /// <see cref="BoroughScope.BufferMetres"/>); probation (caseload), the monitoring centre and the hub are not scoped by place.
    /// </summary>
    public static bool CoversArea(Actor actor, GeoPoint centre, double radiusMetres) => actor.Role switch
    {
        Role.Police => BoroughScope.Of(actor.Boroughs).CoversCircle(centre, radiusMetres),
        Role.ProbationOfficer or Role.MonitoringOfficer or Role.MatchReviewer => true,
        _ => false,
    };

    /// <summary>
    /// Whether an actor may be shown a position (a fix of a trail or an export, a live position): police only inside
    /// their boroughs (widened by <see cref="BoroughScope.BufferMetres"/>); roles scoped by caseload or unscoped always.
    /// </summary>
    public static bool CoversPosition(Actor actor, GeoPoint position) => actor.Role switch
    {
        Role.Police => BoroughScope.Of(actor.Boroughs).Covers(position),
        Role.ProbationOfficer or Role.MonitoringOfficer or Role.MatchReviewer => true,
        _ => false,
    };

    /// <summary>The most a police user may ask of a trail at once: the minimum necessary time.</summary>
    public static readonly TimeSpan PoliceTrailWindow = TimeSpan.FromHours(24);

    /// <summary>The widest area a police user may ask a trail for: the minimum necessary area.</summary>
    public const double PoliceTrailRadiusMetres = 2_000;
}
