namespace Tagwatch.Application.Notifications;

/// <summary>The audit actions of notifications (the recipient is the record's <c>disclosed_to</c>).</summary>
public static class NotificationAudit
{
    /// <summary>A notice of an alert was handed to the mail server.</summary>
    public const string Sent = "notification.sent";

    /// <summary>A notice of an alert could not be sent (it is retried).</summary>
    public const string Failed = "notification.failed";

    /// <summary>A probation officer opted in to (or out of) notices of their caseload's alerts.</summary>
    public const string Subscription = "notification.subscription";

    /// <summary>The record of notifications was read.</summary>
    public const string View = "view.notifications";

    /// <summary>The stage as the API and the audit record name it (snake_case).</summary>
    public static string StageName(NotificationStage stage) => stage switch
    {
        NotificationStage.OnCall => "on_call",
        NotificationStage.Caseload => "caseload",
        NotificationStage.Escalation => "escalation",
        _ => stage.ToString().ToLowerInvariant(),
    };
}
