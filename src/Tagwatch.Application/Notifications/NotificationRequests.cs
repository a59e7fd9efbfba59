namespace Tagwatch.Application.Notifications;

/// <summary>Opt in to notices of one's caseload's alerts at <paramref name="Email"/> (replacing an earlier address).</summary>
public sealed record SubscribeToCaseloadAlertsRequest(string? Email);

/// <summary>Opt out of notices of one's caseload's alerts.</summary>
public sealed record UnsubscribeFromCaseloadAlertsRequest;

/// <summary>How notifications are set up, and one's own opt-in.</summary>
public sealed record ShowNotificationSettingsRequest;

/// <summary>The most recent notifications, at most <paramref name="Limit"/> (1 to <see cref="ListNotifications.MaxLimit"/>,
/// default <see cref="ListNotifications.DefaultLimit"/>).</summary>
public sealed record ListNotificationsRequest(int? Limit = null);
