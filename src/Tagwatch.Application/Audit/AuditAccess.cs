using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Audit;

/// <summary>The check every use of the audit log makes first: only the data-protection officer's role reads it.</summary>
internal static class AuditAccess
{
    /// <summary>The most records one search or export page returns.</summary>
    public const int MaxPage = 5_000;

    public static UseCaseFailure? Refusal(Actor actor) =>
        AccessPolicy.Allows(actor.Role, Permission.ReadAudit) ? null : UseCaseFailure.Forbidden($"The {actor.Role} role may not read the audit log.");

    public static AuditEvent Record(Actor actor, string action, string? subject, string data, string? purpose = null) =>
        new(actor.Username, actor.Role.ToString(), action, "audit", subject, data, purpose);
}
