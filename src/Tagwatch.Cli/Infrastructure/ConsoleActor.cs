using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Who acts at the command line: the operating-system account, in the console role (the server's administrators).</summary>
internal static class ConsoleActor
{
    public const string Role = "Console";

    public static string Name => $"console:{Environment.UserName}";

    /// <summary>
    /// The console as a use case's actor, in the role the command's use case asks for: whoever runs the console holds the
    /// database itself, so it is unscoped; the audit record names the console account and that role.
    /// </summary>
    public static Actor In(Role role) => Actor.Unscoped(Name, role);

    /// <summary>The console as a probation officer whose caseload is everyone enrolled (it holds the database itself); it has no account, so an enrolment adds no one to a caseload.</summary>
    public static Actor ProbationForEveryone => Actor.Unscoped(Name, Core.Access.Role.ProbationOfficer) with { CaseloadOfEveryone = true };

    public static AuditEvent Event(string action, string subjectType, string? subjectId, string data, string? purpose = null, string? disclosedTo = null) =>
        new(Name, Role, action, subjectType, subjectId, data, purpose, disclosedTo);
}
