using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Notifications;

/// <summary>
/// When alerts are notified (severity, delays) and the actor's own opt-in: for probation officers (who may opt in)
/// and for those who read the record of notifications. Not audited: it shows no one's personal data but the actor's own.
/// </summary>
public sealed class ShowNotificationSettings(NotificationOptions options, ICaseloadSubscriptions subscriptions)
{
    public async Task<UseCaseResult<NotificationSettings>> ExecuteAsync(Actor actor, ShowNotificationSettingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        bool mayOptIn = AccessPolicy.Allows(actor.Role, Permission.ReceiveCaseloadAlerts);
        if (!mayOptIn && !AccessPolicy.Allows(actor.Role, Permission.ViewNotifications))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role has neither {nameof(Permission.ReceiveCaseloadAlerts)} nor {nameof(Permission.ViewNotifications)}.");
        }

        var subscription = mayOptIn ? await subscriptions.FindAsync(actor.Username, cancellationToken) : null;
        return new NotificationSettings(options.Enabled, options.MinimumSeverity, options.NotifyAfterMinutes, options.EscalateAfterMinutes, subscription);
    }
}
