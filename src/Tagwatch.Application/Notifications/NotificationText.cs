using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Tagwatch.Application.Notifications;

/// <summary>
/// The wording of a notification: the alert's kind, severity and time, the person's reference and a link to the
/// alert's page. Nothing else: no name, no address, no position, no summary line (it can hold a place name).
/// </summary>
public static class NotificationText
{
    private static readonly InstantPattern Time = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm 'UTC'");

    /// <summary>The message for <paramref name="notification"/>, linking to <c>/alerts/{id}</c> under <paramref name="publicBaseUrl"/>.</summary>
    public static NotificationMessage For(Notification notification, Uri publicBaseUrl, Instant now)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        string kind = notification.AlertType.DisplayName;
        string severity = notification.Severity.ToString().ToLowerInvariant();
        string person = notification.OffenderReference ?? "no person (tag not worn)";
        long minutes = (long)Math.Floor((now - notification.AlertRaised).TotalMinutes);
        string lead = notification.Stage switch
        {
            NotificationStage.Escalation => "ESCALATION: ",
            _ => "",
        };
        string subject = $"{lead}Tagwatch {severity} alert {notification.AlertId} unacknowledged: {kind} ({person})";
        string body = string.Join('\n',
            $"A {severity} alert has not been acknowledged for {minutes.ToString(CultureInfo.InvariantCulture)} minutes.",
            "",
            $"Alert:    {notification.AlertId.ToString(CultureInfo.InvariantCulture)}",
            $"Kind:     {kind}",
            $"Severity: {severity}",
            $"Raised:   {Time.Format(notification.AlertRaised)}",
            $"Person:   {person}",
            "",
            $"Open the alert: {AlertLink(publicBaseUrl, notification.AlertId)}",
            "",
            WhyYouHaveThis(notification.Stage),
            "");
        return new NotificationMessage(notification.Recipient, subject, body);
    }

    /// <summary>The alert's page: <c>/alerts/{id}</c> on the public base address.</summary>
    public static Uri AlertLink(Uri publicBaseUrl, long alertId)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        string root = publicBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/alerts/{alertId.ToString(CultureInfo.InvariantCulture)}");
    }

    private static string WhyYouHaveThis(NotificationStage stage) => stage switch
    {
        NotificationStage.OnCall => "You receive this as the on-call monitoring officer.",
        NotificationStage.Caseload => "You receive this because you opted in to notices of your caseload's alerts.",
        NotificationStage.Escalation => "You receive this because the alert is still unacknowledged after the escalation time.",
        _ => "",
    };
}
