using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Notifications;

/// <summary>
/// A probation officer opts in to e-mail notices of their caseload's unacknowledged alerts, at the address they give
/// (kept with the opt-in and removed with it); audited.
/// </summary>
public sealed class SubscribeToCaseloadAlerts(ICaseloadSubscriptions subscriptions, IAuditLog audit, TimeProvider clock)
{
    public async Task<UseCaseResult<CaseloadSubscription>> ExecuteAsync(Actor actor, SubscribeToCaseloadAlertsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ReceiveCaseloadAlerts))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ReceiveCaseloadAlerts)}.");
        }

        string email = request.Email?.Trim() ?? "";
        if (!EmailAddress.IsValid(email))
        {
            return UseCaseFailure.Invalid("email", email.Length == 0 ? "an e-mail address is required" : $"'{email}' is not a single e-mail address");
        }

        var subscription = new CaseloadSubscription(actor.Username, email, Instant.FromDateTimeOffset(clock.GetUtcNow()));
        await subscriptions.SaveAsync(subscription, cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), NotificationAudit.Subscription, "user", actor.Username, $"opted in to caseload alert notices at {email}"), cancellationToken);
        return subscription;
    }
}
