using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Conditions;

/// <summary>The audit record of a read or change of conditions: the person concerned is the subject, whatever the door.</summary>
internal static class ConditionAudit
{
    public static Task<AuditEntry> AppendAsync(
        IAuditLog audit, Actor actor, string action, OffenderReference? person, string data, CancellationToken cancellationToken, string? purpose = null) =>
        audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), action, "offender", person?.ToString(), data, purpose), cancellationToken);
}
