using Tagwatch.Core.Alerts;

namespace Tagwatch.Application.Notifications;

/// <summary>How notifications are set up (no server, account or address of the centre), and the actor's own opt-in.</summary>
/// <param name="Enabled">Whether notices are sent at all.</param>
/// <param name="MinimumSeverity">The least severe alert notified.</param>
/// <param name="NotifyAfterMinutes">Minutes unacknowledged before the first notice.</param>
/// <param name="EscalateAfterMinutes">Minutes unacknowledged before escalation.</param>
/// <param name="Subscription">The actor's opt-in, or null.</param>
public sealed record NotificationSettings(bool Enabled, AlertSeverity MinimumSeverity, int NotifyAfterMinutes, int EscalateAfterMinutes, CaseloadSubscription? Subscription);

/// <summary>Notifications, newest first.</summary>
public sealed record NotificationList(IReadOnlyList<Notification> Notifications);
