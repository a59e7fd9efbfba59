using NodaTime;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Application.Notifications;

/// <summary>
/// One notification of one alert to one recipient at one stage, as recorded: only what the message itself holds (the
/// alert's kind, severity and time, the person's reference), never a name or a position.
/// </summary>
/// <param name="Id">Stored identifier (0 before it is stored).</param>
/// <param name="AlertId">The alert notified.</param>
/// <param name="Stage">Which notice.</param>
/// <param name="Recipient">The address it goes to.</param>
/// <param name="RecipientUser">The opted-in officer's account name for a <see cref="NotificationStage.Caseload"/> notice.</param>
/// <param name="AlertType">The alert's kind.</param>
/// <param name="Severity">The alert's severity.</param>
/// <param name="AlertRaised">When the alert was raised.</param>
/// <param name="OffenderReference">The person's reference, when the alert has a wearer.</param>
/// <param name="Status">Sent, failed, or pending.</param>
/// <param name="Attempts">Sends tried so far.</param>
/// <param name="Recorded">When it was first recorded.</param>
/// <param name="LastAttempt">When it was last tried.</param>
/// <param name="Error">Why the last attempt failed.</param>
public sealed record Notification(
    long Id,
    long AlertId,
    NotificationStage Stage,
    string Recipient,
    string? RecipientUser,
    AlertKind AlertType,
    AlertSeverity Severity,
    Instant AlertRaised,
    string? OffenderReference,
    NotificationStatus Status,
    int Attempts,
    Instant Recorded,
    Instant? LastAttempt,
    string? Error);
