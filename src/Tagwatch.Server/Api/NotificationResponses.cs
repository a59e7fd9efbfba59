using NodaTime;
using Tagwatch.Application.Notifications;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Server.Api;

/// <summary>A notification as the API shows it: the alert's kind, severity and time, the person's reference; never a name or position.</summary>
/// <param name="Id">The notification.</param>
/// <param name="Alert">The alert notified (its page is <c>/alerts/{id}</c>).</param>
/// <param name="Stage">Which notice: on-call, caseload (an opted-in officer) or escalation.</param>
/// <param name="Recipient">The address it went to.</param>
/// <param name="RecipientUser">The opted-in officer's account, for a caseload notice.</param>
/// <param name="Type">The alert's kind.</param>
/// <param name="Severity">The alert's severity.</param>
/// <param name="AlertRaised">When the alert was raised.</param>
/// <param name="Offender">The person's reference, when the alert has a wearer.</param>
/// <param name="Status">Sent, failed (retried) or pending.</param>
/// <param name="Attempts">Sends tried.</param>
/// <param name="Recorded">When it was first recorded.</param>
/// <param name="LastAttempt">When it was last tried.</param>
/// <param name="Error">Why the last attempt failed.</param>
internal sealed record NotificationResponse(
    long Id, long Alert, NotificationStage Stage, string Recipient, string? RecipientUser, AlertKind Type, AlertSeverity Severity, Instant AlertRaised,
    string? Offender, NotificationStatus Status, int Attempts, Instant Recorded, Instant? LastAttempt, string? Error)
{
    public static NotificationResponse Of(Notification n) =>
        new(n.Id, n.AlertId, n.Stage, n.Recipient, n.RecipientUser, n.AlertType, n.Severity, n.AlertRaised, n.OffenderReference, n.Status, n.Attempts, n.Recorded, n.LastAttempt, n.Error);
}

/// <summary>When alerts are notified, and the caller's own opt-in.</summary>
/// <param name="Enabled">Whether notices are sent at all.</param>
/// <param name="MinimumSeverity">The least severe alert notified.</param>
/// <param name="NotifyAfterMinutes">Minutes unacknowledged before the first notice.</param>
/// <param name="EscalateAfterMinutes">Minutes unacknowledged before escalation.</param>
/// <param name="Subscription">The caller's opt-in to their caseload's alert notices, or null.</param>
internal sealed record NotificationSettingsResponse(bool Enabled, AlertSeverity MinimumSeverity, int NotifyAfterMinutes, int EscalateAfterMinutes, CaseloadSubscriptionResponse? Subscription)
{
    public static NotificationSettingsResponse Of(NotificationSettings s) =>
        new(s.Enabled, s.MinimumSeverity, s.NotifyAfterMinutes, s.EscalateAfterMinutes, s.Subscription is { } sub ? CaseloadSubscriptionResponse.Of(sub) : null);
}

/// <summary>An opt-in to one's caseload's alert notices.</summary>
/// <param name="Email">Where the notices go.</param>
/// <param name="Since">When the opt-in was made or last changed.</param>
internal sealed record CaseloadSubscriptionResponse(string Email, Instant Since)
{
    public static CaseloadSubscriptionResponse Of(CaseloadSubscription s) => new(s.Email, s.Since);
}

/// <summary>The body of an opt-in: the address the notices go to.</summary>
/// <param name="Email">One e-mail address (the officer's work address).</param>
internal sealed record SubscriptionRequest(string? Email);
