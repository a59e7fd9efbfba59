namespace Tagwatch.Core.Access;

/// <summary>A signed-in person as the access policy sees them: role and scope, read fresh on every request.</summary>
/// <param name="Username">The account's name (what the audit log records).</param>
/// <param name="Role">The one role the account holds.</param>
/// <param name="Boroughs">Borough codes a police user is scoped to (empty for other roles).</param>
/// <param name="Caseload">Offender references on a probation officer's caseload (empty for other roles).</param>
public sealed record Actor(string Username, Role Role, IReadOnlySet<string> Boroughs, IReadOnlySet<string> Caseload)
{
    /// <summary>An actor without borough or caseload scope.</summary>
    public static Actor Unscoped(string username, Role role) => new(username, role, new HashSet<string>(), new HashSet<string>());

    /// <summary>
    /// Whether the caseload is everyone enrolled, whatever <see cref="Caseload"/> lists: only the console's actor, whose
    /// user holds the database itself; an account's actor never is.
    /// </summary>
    public bool CaseloadOfEveryone { get; init; }
}
