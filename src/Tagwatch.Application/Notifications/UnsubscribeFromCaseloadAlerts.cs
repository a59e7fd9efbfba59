using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Notifications;

/// <summary>A probation officer opts out of their caseload's alert notices; the address goes with the opt-in. Audited.</summary>
public sealed class UnsubscribeFromCaseloadAlerts(ICaseloadSubscriptions subscriptions, IAuditLog audit)
{
    /// <summary>True when there was an opt-in to remove; NotFound when there was none.</summary>
    public async Task<UseCaseResult<bool>> ExecuteAsync(Actor actor, UnsubscribeFromCaseloadAlertsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ReceiveCaseloadAlerts))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ReceiveCaseloadAlerts)}.");
        }

        if (!await subscriptions.RemoveAsync(actor.Username, cancellationToken))
        {
            return UseCaseFailure.NotFound($"{actor.Username} has not opted in to caseload alert notices");
        }

        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), NotificationAudit.Subscription, "user", actor.Username, "opted out of caseload alert notices"), cancellationToken);
        return true;
    }
}
