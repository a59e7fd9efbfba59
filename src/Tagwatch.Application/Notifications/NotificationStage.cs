namespace Tagwatch.Application.Notifications;

/// <summary>Which notice of an unacknowledged alert; each alert gets each stage at most once per recipient.</summary>
public enum NotificationStage
{
    /// <summary>To the on-call officer, once the alert has waited <see cref="NotificationOptions.NotifyAfterMinutes"/>.</summary>
    OnCall,

    /// <summary>To an opted-in responsible officer whose caseload holds the person, at the same time as <see cref="OnCall"/>.</summary>
    Caseload,

    /// <summary>To the escalation address, once the alert has waited <see cref="NotificationOptions.EscalateAfterMinutes"/>.</summary>
    Escalation,
}
